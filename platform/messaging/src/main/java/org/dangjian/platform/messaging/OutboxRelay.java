package org.dangjian.platform.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.hibernate.Session;
import org.postgresql.PGStatement;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Publishes committed outbox rows to Kafka in the order they were written, then marks them sent.
 *
 * <p>One relay works at a time per service: each batch runs under a PostgreSQL transaction-level
 * advisory lock, so extra replicas simply find the lock taken. Rows are marked sent only up to the
 * first one the broker did not acknowledge; the rest are sent again on the next tick, so an event is
 * delivered at least once and never overtakes an earlier event of the same aggregate. While Kafka is
 * down, rows wait and writes keep succeeding.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant identifying the relay's advisory lock within a service's database. */
    private static final long LOCK_KEY = 0x6f7574626f78L;

    @Inject
    EntityManager em;

    /**
     * Declares the {@code outbox} channel, so SmallRye builds its Kafka producer from
     * {@code mp.messaging.outgoing.outbox.*} and {@code kafka.*} (TLS, SASL) and reports its health. The relay sends
     * through that producer itself: the emitter's per-message pipeline cost a third of the relay's CPU in bulk
     * imports (bench/notes/b4.md) and adds nothing a relay of already-committed rows needs.
     */
    @Inject
    @Channel("outbox")
    Emitter<String> channel;

    @Inject
    KafkaClientService kafkaClients;

    private volatile Producer<String, String> producer;

    @Inject
    OutboxBacklog backlog;

    @ConfigProperty(name = "dangjian.outbox.batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "dangjian.outbox.ack-timeout", defaultValue = "PT30S")
    Duration ackTimeout;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    private final ExecutorService nudges = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-relay-nudge");
        thread.setDaemon(true);
        return thread;
    });

    /** A committed write need not wait for the next poll: publish it right away. */
    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten written) {
        requested.set(true);
        if (!running.get()) {
            nudges.execute(this::relay);
        }
    }

    // The first poll waits until the messaging channels are wired; commits nudge the relay anyway.
    @Scheduled(every = "${dangjian.outbox.poll-interval:1s}", delayed = "${dangjian.outbox.first-poll-delay:3s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "outbox-relay")
    void poll() {
        requested.set(true);
        relay();
    }

    void relay() {
        while (running.compareAndSet(false, true)) {
            try {
                while (requested.getAndSet(false)) {
                    int published;
                    do {
                        published = QuarkusTransaction.requiringNew().timeout((int) ackTimeout.toSeconds() + 30).call(this::relayBatch);
                    } while (published == batchSize);
                }
            } catch (RuntimeException e) {
                LOG.warnf("outbox relay paused: %s", e.getMessage());
                return; // the next poll tries again
            } finally {
                running.set(false);
            }
            // A commit that came after the last look at the flag but before running was cleared saw this pass
            // still running and left its row to it: go round once more rather than leave it to the next poll.
            if (!requested.get()) {
                return;
            }
        }
        // Another pass is running; it sees the request flag and goes round once more.
    }

    @PreDestroy
    void stop() {
        nudges.shutdownNow();
    }

    /** @return how many rows were published and marked */
    int relayBatch() {
        Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, LOCK_KEY).getSingleResult();
        backlog.relaying(Boolean.TRUE.equals(locked));
        if (!Boolean.TRUE.equals(locked)) {
            // Another replica relays; this one still reports the backlog it would be scraped for.
            backlog.refresh();
            return 0;
        }
        int published = publishPending();
        backlog.published(published);
        if (published < batchSize) {
            // The pass ends here (relay() goes on only after a full batch): count what is left.
            backlog.refresh();
        } else {
            // Mid-pass, the backlog only shrank by this batch. Counting the pending rows after every batch was
            // a seventh of PostgreSQL's time in a bulk import (bench/notes/b4.md), for a figure the pass's end refreshes anyway.
            backlog.drained(published);
        }
        return published;
    }

    /** An outbox row not yet published, as the relay reads it: what its Kafka record is made of, and where it stands. */
    record Pending(UUID id, String topic, String type, String source, UUID aggregateId, String payload, OffsetDateTime occurredAt,
            long position) {
    }

    /**
     * Plain JDBC on the transaction's connection: the rows go straight from the result set into records, and the
     * marking binds one array instead of one parameter per row (a statement text of 500 placeholders to parse).
     */
    private int publishPending() {
        return em.unwrap(Session.class).doReturningWork(c -> {
            // A bitmap scan of the pending index neither stops at the batch's end nor marks the entries of rows published
            // since as dead, so while a bulk import outpaces autovacuum each batch re-read every row published before it
            // (bench/notes/b4.md). An index scan in position order stops after the batch and lets later scans skip what
            // it found dead; this transaction only selects, marks and counts the outbox.
            try (Statement settings = c.createStatement()) {
                settings.execute("set local enable_bitmapscan = off");
            }
            List<Pending> rows = new ArrayList<>(batchSize);
            // The batch's positions first, then its rows: in one select, PostgreSQL turned the payload of every pending
            // row into text before sorting them for the limit (a bitmap scan when its statistics lag, as in a bulk import:
            // a fifth of the database's time there, bench/notes/b4.md).
            try (PreparedStatement select = plannedEachTime(c, """
                    select id, topic, type, source, aggregate_id, cast(payload as text), occurred_at, position
                    from outbox_event where position = any(array(
                        select position from outbox_event where published_at is null order by position limit %d))
                    order by position""".formatted(batchSize))) {
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        rows.add(new Pending(r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getString(4),
                                r.getObject(5, UUID.class), r.getString(6), r.getObject(7, OffsetDateTime.class), r.getLong(8)));
                    }
                }
            }
            if (rows.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            Producer<String, String> kafka = producer();
            Times times = new Times();
            for (Pending row : rows) {
                try {
                    acks.add(kafka.send(record(row, times)));
                } catch (RuntimeException e) {
                    // Kafka unreachable (send gives up after max.block.ms): the rows after this one would only wait as long.
                    acks.add(CompletableFuture.failedFuture(e));
                    break;
                }
            }
            int acknowledged = acknowledgedPrefix(acks);
            if (acknowledged > 0) {
                // By position, the primary key: the events' ids are not indexed (an entry when written and another when
                // marked, bench/notes/b4.md).
                try (PreparedStatement mark = plannedEachTime(c,
                        "update outbox_event set published_at = now() where position = any(?)")) {
                    mark.setArray(1, c.createArrayOf("bigint", rows.subList(0, acknowledged).stream().map(Pending::position).toArray()));
                    mark.executeUpdate();
                }
            }
            if (acknowledged < rows.size()) {
                try (PreparedStatement attempt = c.prepareStatement(
                        "update outbox_event set attempts = attempts + 1 where position = ?")) {
                    attempt.setLong(1, rows.get(acknowledged).position());
                    attempt.executeUpdate();
                }
            }
            return acknowledged;
        });
    }

    /**
     * A statement PostgreSQL plans at each execution, for the current size of the table. The driver otherwise
     * prepares a statement it runs often on the server, and PostgreSQL keeps reusing the plan made then: the
     * relay's select, first planned while the outbox was empty, went on scanning the whole table (seq scan, rows=1
     * estimated) as a bulk import filled it, up to 100–200 ms per batch of 500 (bench/notes/b4.md).
     */
    static PreparedStatement plannedEachTime(Connection c, String sql) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        return statement;
    }

    private Producer<String, String> producer() {
        Producer<String, String> current = producer;
        if (current == null) {
            // The channel creates its producer on first use; borrowing it through the sending thread makes sure it exists.
            current = kafkaClients.<String, String>getProducer("outbox")
                    .runOnSendingThread((Function<Producer<String, String>, Producer<String, String>>) p -> p)
                    .await().atMost(ackTimeout);
            producer = current;
        }
        return current;
    }

    /**
     * The record in CloudEvents binary mode, with exactly the headers SmallRye's connector writes for
     * {@code cloud-events-mode=binary}, so consumers reading with or without the CloudEvents support see the same event.
     */
    static ProducerRecord<String, String> record(Pending row) {
        return record(row, new Times());
    }

    private static ProducerRecord<String, String> record(Pending row, Times times) {
        String aggregateId = row.aggregateId().toString();
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", row.id().toString());
        header(headers, "ce_type", row.type());
        header(headers, "ce_source", row.source());
        header(headers, "ce_subject", aggregateId);
        header(headers, "ce_datacontenttype", "application/json");
        header(headers, "content-type", "application/json");
        header(headers, "ce_dataschema", EventSchemas.uriOf(row.type()));
        header(headers, "ce_time", times.format(row.occurredAt()));
        return new ProducerRecord<>(row.topic(), null, null, aggregateId, row.payload(), headers);
    }

    /**
     * The {@code ce_time} text of a batch's rows. A bulk operation writes its events with one timestamp, so a batch
     * mostly repeats the last one: formatting each was a third of the relay's remaining CPU (bench/notes/b4.md).
     */
    private static final class Times {
        private OffsetDateTime last;
        private String text;

        String format(OffsetDateTime time) {
            if (!time.equals(last)) {
                text = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
                last = time;
            }
            return text;
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private int acknowledgedPrefix(List<Future<RecordMetadata>> acks) {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        int count = 0;
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                count++;
            } catch (Exception e) {
                LOG.warnf("event not acknowledged by Kafka, %d of %d sent in this batch: %s", count, acks.size(), e);
                break;
            }
        }
        return count;
    }
}
