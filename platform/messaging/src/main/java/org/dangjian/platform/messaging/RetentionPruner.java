package org.dangjian.platform.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Deletes published outbox rows, remembered event ids and request idempotency keys once they are older than their retention.
 * Keep {@code dangjian.processed-events.retention} longer than the topics' retention, so an event
 * can no longer be redelivered once its id is forgotten.
 */
@ApplicationScoped
public class RetentionPruner {

    private static final Logger LOG = Logger.getLogger(RetentionPruner.class);
    private static final int BATCH = 5000;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "dangjian.outbox.retention", defaultValue = "P7D")
    Duration outboxRetention;

    @ConfigProperty(name = "dangjian.processed-events.retention", defaultValue = "P30D")
    Duration processedRetention;

    /** How long a client may retry a request with the same Idempotency-Key and get the first answer. */
    @ConfigProperty(name = "dangjian.idempotency.retention", defaultValue = "P1D")
    Duration idempotencyRetention;

    @Scheduled(every = "${dangjian.retention.prune-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "retention-pruner")
    void scheduled() {
        prune();
    }

    /** @return rows deleted (outbox + processed ids + idempotency keys) */
    public long prune() {
        long outbox = deleteInBatches("""
                delete from outbox_event where position in (
                    select position from outbox_event
                    where published_at is not null and published_at < now() - make_interval(secs => ?1)
                    limit ?2)""", outboxRetention);
        long processed = deleteInBatches("""
                delete from processed_event where (consumer, event_id) in (
                    select consumer, event_id from processed_event
                    where processed_at < now() - make_interval(secs => ?1)
                    limit ?2)""", processedRetention);
        long keys = deleteInBatches("""
                delete from idempotent_request where (caller, idempotency_key) in (
                    select caller, idempotency_key from idempotent_request
                    where created_at < now() - make_interval(secs => ?1)
                    limit ?2)""", idempotencyRetention);
        if (outbox + processed + keys > 0) {
            LOG.infof("pruned %d published outbox rows, %d processed event ids and %d idempotency keys",
                    outbox, processed, keys);
        }
        return outbox + processed + keys;
    }

    private long deleteInBatches(String sql, Duration retention) {
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql)
                    .setParameter(1, (double) retention.toSeconds())
                    .setParameter(2, BATCH)
                    .executeUpdate());
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
