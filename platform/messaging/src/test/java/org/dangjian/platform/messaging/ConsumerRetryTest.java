package org.dangjian.platform.messaging;

import jakarta.persistence.OptimisticLockException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsumerRetryTest {

    @Test
    void aLostDatabaseConnectionIsTransient() {
        assertTrue(ConsumerRetry.isTransient(new RuntimeException(new JDBCConnectionException("gone", new SQLException("x", "08006")))));
    }

    @Test
    void aServerShuttingDownIsTransient() {
        assertTrue(ConsumerRetry.isTransient(new IllegalStateException(new SQLException("terminating connection", "57P01"))));
    }

    @Test
    void deadlocksAndConcurrentUpdatesAreTransient() {
        assertTrue(ConsumerRetry.isTransient(new SQLException("deadlock detected", "40P01")));
        assertTrue(ConsumerRetry.isTransient(new OptimisticLockException("stale")));
    }

    @Test
    void anExhaustedConnectionPoolIsTransient() {
        assertTrue(ConsumerRetry.isTransient(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))));
    }

    @Test
    void aMalformedEventOrAConstraintViolationIsNot() {
        assertFalse(ConsumerRetry.isTransient(new IncomingEvent.MalformedEventException("bad", null)));
        assertFalse(ConsumerRetry.isTransient(new SQLException("duplicate key", "23505")));
        assertFalse(ConsumerRetry.isTransient(new NullPointerException()));
    }
}
