package org.dangjian.platform.api;

import jakarta.persistence.OptimisticLockException;
import org.hibernate.JDBCException;
import org.hibernate.StaleStateException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an unexpected exception really is, from its whole cause chain: a failure surfaces wrapped at
 * whatever layer noticed it (a unique violation at commit arrives as RollbackException → PersistenceException
 * → ConstraintViolationException → PSQLException, or inside ArcUndeclaredThrowableException).
 */
public final class Failures {

    /** PostgreSQL unique_violation: two requests raced to create the same thing; the loser may retry. */
    static final String UNIQUE_VIOLATION = "23505";
    /** character_not_in_repertoire, untranslatable_character: e.g. U+0000 in text or jsonb. */
    static final Set<String> ENCODING_ERRORS = Set.of("22021", "22P05");

    private Failures() {
    }

    /** The answer a failure deserves when it is not a bug, or empty for a bug (500 with an incident id). */
    public static Optional<Classified> classify(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof DomainException domain) {
                return Optional.of(new Classified(domain.status(), domain.code(), domain.args()));
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return Optional.of(new Classified(409, "CONCURRENT_MODIFICATION"));
            }
        }
        String state = sqlState(failure);
        if (UNIQUE_VIOLATION.equals(state)) {
            return Optional.of(new Classified(409, "CONCURRENT_MODIFICATION"));
        }
        if (state != null && ENCODING_ERRORS.contains(state)) {
            return Optional.of(new Classified(400, "INVALID_CHARACTERS"));
        }
        return Optional.empty();
    }

    /** The SQLState of the first database error in the chain, or null. */
    public static String sqlState(Throwable failure) {
        for (Throwable t : chain(failure)) {
            String state = t instanceof SQLException sql ? sql.getSQLState()
                    : t instanceof JDBCException jdbc ? jdbc.getSQLState() : null;
            if (state != null) {
                return state;
            }
        }
        return null;
    }

    static Iterable<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            chain.add(t);
            if (t instanceof SQLException sql && sql.getNextException() != null && seen.add(sql.getNextException())) {
                chain.add(sql.getNextException());
            }
        }
        return chain;
    }

    /** A status, a problem code and its message arguments. */
    public record Classified(int status, String code, Object... args) {
    }
}
