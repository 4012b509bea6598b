package org.dangjian.platform.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How far the relay is behind: events committed but not yet acknowledged by Kafka. Refreshed on
 * every replica after each relay pass or attempt (so scraping costs no query and every replica
 * reports the same backlog, whichever holds the relay lock), exported as metrics and shown in the
 * readiness details with whether this replica is the one relaying. A backlog alone keeps the service ready: writes must go on while Kafka is down.
 */
@ApplicationScoped
public class OutboxBacklog {

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicReference<Instant> lastPublishedAt = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicBoolean relaying = new java.util.concurrent.atomic.AtomicBoolean();

    @PostConstruct
    void registerMetrics() {
        Gauge.builder("dangjian.outbox.pending", pending, AtomicLong::get)
                .description("outbox events committed but not yet published").register(registry);
        Gauge.builder("dangjian.outbox.oldest.pending.seconds", oldestPendingSeconds, AtomicLong::get)
                .description("age of the oldest unpublished outbox event (the relay's lag)").register(registry);
        registry.more().counter("dangjian.outbox.published", java.util.List.of(), published);
    }

    /** Called inside the relay's transaction. */
    void refresh() {
        // Planned for the table as it is now, not as it was when the service started (OutboxRelay.plannedEachTime).
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement count = OutboxRelay.plannedEachTime(c, """
                    select count(*), coalesce(extract(epoch from now() - min(occurred_at)), 0)
                    from outbox_event where published_at is null""");
                    ResultSet row = count.executeQuery()) {
                row.next();
                counted(row.getLong(1), row.getLong(2));
            }
        });
    }

    /** What a count of the pending rows found. */
    void counted(long pendingEvents, long oldestPendingAgeSeconds) {
        pending.set(pendingEvents);
        oldestPendingSeconds.set(oldestPendingAgeSeconds);
    }

    /** Events just published in the middle of a relay pass: the backlog less those, until the pass's end refreshes it. */
    void drained(int count) {
        pending.updateAndGet(p -> Math.max(0, p - count));
    }

    void relaying(boolean holdsTheLock) {
        relaying.set(holdsTheLock);
    }

    void published(int count) {
        if (count > 0) {
            published.addAndGet(count);
            lastPublishedAt.set(Instant.now());
        }
    }

    public long pending() {
        return pending.get();
    }

    /** The backlog in the readiness report (the check is its own bean: health checks carry a qualifier). */
    @Readiness
    @ApplicationScoped
    static class OutboxReadiness implements HealthCheck {

        @Inject
        OutboxBacklog backlog;

        @Override
        public HealthCheckResponse call() {
            Instant last = backlog.lastPublishedAt.get();
            return HealthCheckResponse.named("Outbox relay").up()
                    .withData("pending", backlog.pending.get())
                    .withData("oldestPendingSeconds", backlog.oldestPendingSeconds.get())
                    .withData("published", backlog.published.get())
                    .withData("relayingReplica", backlog.relaying.get())
                    .withData("lastPublishedAt", last == null ? "never" : last.toString())
                    .build();
        }
    }
}
