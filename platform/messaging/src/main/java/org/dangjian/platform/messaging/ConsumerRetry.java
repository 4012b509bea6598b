package org.dangjian.platform.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.interceptor.Interceptor;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Applies a consumed event in its own transaction and, when the failure is transient (database
 * restarting, connection lost, lock conflict), tries again with exponential backoff while the
 * partition waits — so an outage delays events but neither reorders nor dead-letters them. Any
 * other failure, or one that outlasts {@code dangjian.consumer.retry.max-duration}, is thrown to
 * the channel's failure strategy, which sends the record to its dead-letter topic.
 *
 * <p>
 * Once the application is stopping, a failure says nothing about the event: Quarkus closes the
 * persistence unit and the datasource while the Kafka consumers still deliver records, until the
 * CDI container is destroyed. So it also knows when the application stops, and when its Kafka
 * consumers are closed, for {@link EventReactions} to leave a failed event unacknowledged instead.
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

    /** How long a failed event of a single-record channel is held for its consumer to close (see {@link #awaitConsumersClosed}). */
    static final Duration CONSUMERS_CLOSE_WITHIN = Duration.ofSeconds(60);

    private volatile boolean stopping;
    private final CountDownLatch consumersClosed = new CountDownLatch(1);

    /**
     * The earliest sign of a stop, sent only with {@code quarkus.shutdown.delay-enabled}: the pods are
     * leaving the load balancer, the database is still there.
     */
    void onShutdownDelay(@Observes ShutdownDelayInitiatedEvent event) {
        stopping = true;
    }

    /**
     * Always sent, before the persistence unit and the datasource close (their shutdown tasks run after
     * this event) and before the Kafka consumers do (when the container is destroyed); early among the
     * observers, so it is set before anything else stops.
     */
    void onShutdown(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        stopping = true;
    }

    /**
     * The Kafka connector closes its consumers in its own observer of this event, at priority 50: it
     * commits the offsets below the first unacknowledged record, then forgets the partitions, so an
     * acknowledgement that arrives later commits nothing.
     */
    void onConsumersClosed(@Observes(notifyObserver = Reception.IF_EXISTS) @Priority(Interceptor.Priority.PLATFORM_AFTER)
            @BeforeDestroyed(ApplicationScoped.class) Object event) {
        stopping = true;
        consumersClosed.countDown();
    }

    /** @return true once the application has begun to stop: a failure now is no verdict on the event */
    public boolean stopping() {
        return stopping;
    }

    /**
     * Waits for the Kafka consumers to be closed, at most {@code timeout}.
     *
     * @return true once they are closed; false if they were not closed in time or the wait was interrupted
     */
    boolean awaitConsumersClosed(Duration timeout) {
        try {
            return consumersClosed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

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
                return attempt(work);
            } catch (RuntimeException e) {
                // While stopping, retrying only holds the shutdown up: the event is left to the next instance.
                if (!isTransient(e) || stopping || System.nanoTime() + delay * 1_000_000 > deadline) {
                    throw e;
                }
                LOG.warnf("transient failure applying an event (attempt %d), retrying in %d ms: %s", attempt, delay, rootMessage(e));
                sleep(delay);
                delay = Math.min(delay * 2, maxDelay.toMillis());
                attempt++;
            }
        }
    }

    /** One attempt in its own transaction. */
    <T> T attempt(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
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
