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
    void aCommitRefusedBecauseTheServerWentDownIsTransient() {
        RuntimeException commitFailed = new RuntimeException("ARJUNA016053: Could not commit transaction.",
                new IllegalStateException("rolled back"));
        Exception xa = new Exception("Error trying to transactionCommit local transaction",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        commitFailed.getCause().addSuppressed(xa);
        assertTrue(ConsumerRetry.isTransient(commitFailed));
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
