package org.dangjian.platform.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Applies a consumed event in its own transaction and, when the failure is transient (database
 * restarting, connection lost, lock conflict), tries again with exponential backoff while the
 * partition waits — so an outage delays events but neither reorders nor dead-letters them. Any
 * other failure, or one that outlasts {@code dangjian.consumer.retry.max-duration}, is thrown to
 * the channel's failure strategy, which sends the record to its dead-letter topic.
 */
@ApplicationScoped
public class ConsumerRetry {

    private static final Logger LOG = Logger.getLogger(ConsumerRetry.class);

    @ConfigProperty(name = "dangjian.consumer.retry.initial-delay", defaultValue = "PT0.1S")
    Duration initialDelay;

    @ConfigProperty(name = "dangjian.consumer.retry.max-delay", defaultValue = "PT10S")
    Duration maxDelay;

    @ConfigProperty(name = "dangjian.consumer.retry.max-duration", defaultValue = "PT10M")
    Duration maxDuration;

    public void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    public <T> T inTransaction(Supplier<T> work) {
        long deadline = System.nanoTime() + maxDuration.toNanos();
        long delay = initialDelay.toMillis();
        int attempt = 1;
        while (true) {
            try {
                return QuarkusTransaction.requiringNew().call(work::get);
            } catch (RuntimeException e) {
                if (!isTransient(e) || System.nanoTime() + delay * 1_000_000 > deadline) {
                    throw e;
                }
                LOG.warnf("transient failure applying an event (attempt %d), retrying in %d ms: %s", attempt, delay, rootMessage(e));
                sleep(delay);
                delay = Math.min(delay * 2, maxDelay.toMillis());
                attempt++;
            }
        }
    }

    /**
     * Failures that go away by themselves: retrying the same event later can succeed. A failed
     * commit hides its reason in a suppressed XA exception, so those are searched too; retrying
     * after an ambiguous commit is safe because the event id is applied at most once.
     */
    static boolean isTransient(Throwable failure) {
        return isTransient(failure, 0);
    }

    private static boolean isTransient(Throwable failure, int depth) {
        if (depth > 8) {
            return false;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Throwable suppressed : t.getSuppressed()) {
                if (isTransient(suppressed, depth + 1)) {
                    return true;
                }
            }
            if (t instanceof JDBCConnectionException || t instanceof LockAcquisitionException
                    || t instanceof PessimisticLockException || t instanceof LockTimeoutException
                    || t instanceof OptimisticLockException || t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08 connection, 40001 serialization, 40P01 deadlock, 53 resources, 57P01-03 server shutting down
                if (state.startsWith("08") || state.equals("40001") || state.equals("40P01") || state.startsWith("53")
                        || state.startsWith("57P")) {
                    return true;
                }
            }
            if (t instanceof SQLException sql && sql.getMessage() != null
                    && sql.getMessage().toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout")) {
                return true; // the connection pool could not reach the database in time
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
