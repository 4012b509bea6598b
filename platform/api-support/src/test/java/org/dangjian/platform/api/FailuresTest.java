package org.dangjian.platform.api;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailuresTest {

    private static SQLException postgres(String state) {
        return new SQLException("ERROR: from PostgreSQL", state);
    }

    @Test
    void aUniqueViolationAtCommitIsAConcurrentModification() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.initCause(new PersistenceException(new ConstraintViolationException("duplicate key",
                postgres("23505"), "budget_one_per_year")));
        Failures.Classified classified = Failures.classify(new RuntimeException(commit)).orElseThrow();
        assertEquals(409, classified.status());
        assertEquals("CONCURRENT_MODIFICATION", classified.code());
    }

    @Test
    void textPostgresCannotStoreIsABadRequest() {
        assertEquals(400, Failures.classify(new PersistenceException(postgres("22P05"))).orElseThrow().status());
        assertEquals("INVALID_CHARACTERS", Failures.classify(new PersistenceException(postgres("22021"))).orElseThrow().code());
    }

    @Test
    void aDomainRefusalWrappedOnTheWayOutKeepsItsAnswer() {
        Failures.Classified classified = Failures.classify(
                new IllegalStateException(DomainException.conflict("BUDGET_EXCEEDED"))).orElseThrow();
        assertEquals(409, classified.status());
        assertEquals("BUDGET_EXCEEDED", classified.code());
    }

    @Test
    void otherDatabaseErrorsStayBugs() {
        assertEquals(Optional.empty(), Failures.classify(new PersistenceException(postgres("42P01"))));
        assertEquals(Optional.empty(), Failures.classify(new PersistenceException(postgres("23503"))));
        assertTrue(Failures.classify(new NullPointerException()).isEmpty());
    }
}
