package org.dangjian.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dangjian.platform.localstack.PostgresServer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Looks at the whole system from outside the services, as an operator would: the producers' outboxes,
 * the consumers' processed event ids, the dead-letter topics, and any table by SQL; and publishes an
 * event onto a topic the way a producer's relay does.
 */
final class SystemProbe implements AutoCloseable {

    /** One record on a dead-letter topic. */
    record DeadLetter(String topic, String key, String type, String id, String reason) {
    }

    /** A declared consumer that has not applied an event its producer published. */
    record Unapplied(String consumer, String type, UUID eventId) {
    }

    private final LocalSystem system;
    private final KafkaProducer<String, String> producer;
    private final Map<String, Connection> connections = new HashMap<>();

    SystemProbe(LocalSystem system) {
        this.system = system;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.stack().kafka().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
                new StringSerializer());
    }

    /** Publishes {@code data} as a binary-mode CloudEvent with the headers each service's outbox relay writes. */
    UUID publish(EventContracts.EventType type, String data, String subject) {
        UUID id = UUID.randomUUID();
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), subject, data);
        Map<String, String> headers = Map.of("ce_specversion", "1.0", "ce_id", id.toString(), "ce_type", type.type(),
                "ce_source", "/" + type.producer().module(), "ce_subject", subject, "ce_datacontenttype", "application/json",
                "content-type", "application/json", "ce_dataschema", "urn:dangjian:event:" + type.type() + ":v1",
                "ce_time", OffsetDateTime.now(ZoneOffset.UTC).toString());
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish " + type.type(), e);
        }
        return id;
    }

    /** Every record on every dead-letter topic of the broker (all consumer groups of all services). */
    List<DeadLetter> deadLetters() {
        List<DeadLetter> found = new ArrayList<>();
        String servers = system.stack().kafka().bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            List<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(t -> t.endsWith(".dlq")).sorted().toList();
            if (topics.isEmpty()) {
                return found;
            }
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                    new StringDeserializer(), new StringDeserializer())) {
                List<TopicPartition> partitions = new ArrayList<>();
                topics.forEach(t -> consumer.partitionsFor(t).forEach(p -> partitions.add(new TopicPartition(t, p.partition()))));
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        found.add(new DeadLetter(r.topic(), r.key(), header(r, "ce_type"), header(r, "ce_id"),
                                header(r, "dead-letter-reason")));
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the dead-letter topics", e);
        }
        return found;
    }

    /**
     * The events published since {@code since} (by every producer's outbox) that a consumer declaring their type
     * has not applied. Empty once the system has settled: nothing lost, nothing still in flight.
     */
    List<Unapplied> unapplied(EventContracts contracts, Instant since) {
        List<Unapplied> missing = new ArrayList<>();
        for (EventContracts.EventType type : contracts.types()) {
            List<EventContracts.Consumer> consumers = contracts.consumersOf(type.type());
            if (consumers.isEmpty()) {
                continue;
            }
            List<UUID> published = uuids(type.producer().database(),
                    "select id from outbox_event where type = ? and occurred_at >= ?", type.type(), OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
            if (published.isEmpty()) {
                continue;
            }
            for (EventContracts.Consumer consumer : consumers) {
                Set<UUID> applied = new HashSet<>(applied(consumer, published));
                published.stream().filter(id -> !applied.contains(id))
                        .forEach(id -> missing.add(new Unapplied(consumer.name(), type.type(), id)));
            }
        }
        return missing;
    }

    /** The ids among {@code events} that the consumer has recorded as applied. */
    List<UUID> applied(EventContracts.Consumer consumer, List<UUID> events) {
        return uuids(consumer.service().database(), "select event_id from processed_event where consumer = ? and event_id = any(?)",
                consumer.name(), events.toArray(UUID[]::new));
    }

    /** Events committed to an outbox and not yet published, over all four services. */
    long pendingInOutboxes() {
        long pending = 0;
        for (DangjianService service : DangjianService.values()) {
            pending += number(service.database(), "select count(*) from outbox_event where published_at is null");
        }
        return pending;
    }

    /**
     * Waits until every event published since {@code since} is applied by every consumer that declares it and no
     * outbox holds a pending event: what one operation set in motion (including events a reaction published in
     * turn) has reached every service.
     */
    void awaitSettled(EventContracts contracts, Instant since, Duration timeout) {
        List<List<Unapplied>> last = new ArrayList<>(List.of(List.of()));
        try {
            org.awaitility.Awaitility.await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        last.set(0, unapplied(contracts, since));
                        // the outbox after the consumers: an event a reaction publishes is committed with its effect
                        return last.get(0).isEmpty() && pendingInOutboxes() == 0 && unapplied(contracts, since).isEmpty();
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            List<Unapplied> missing = last.get(0);
            throw new AssertionError("the system did not settle within " + timeout.toSeconds() + " s; still unapplied: "
                    + missing.subList(0, Math.min(10, missing.size())) + (missing.size() > 10 ? " …" : ""));
        }
    }

    List<UUID> uuids(String database, String sql, Object... parameters) {
        List<UUID> ids = new ArrayList<>();
        query(database, sql, rs -> ids.add(rs.getObject(1, UUID.class)), parameters);
        return ids;
    }

    long number(String database, String sql, Object... parameters) {
        long[] value = {0};
        query(database, sql, rs -> value[0] = rs.getLong(1), parameters);
        return value[0];
    }

    /** Each row as a list of its column values. */
    List<List<Object>> rows(String database, String sql, Object... parameters) {
        List<List<Object>> rows = new ArrayList<>();
        query(database, sql, rs -> {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.add(rs.getObject(i));
            }
            rows.add(row);
        }, parameters);
        return rows;
    }

    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    void query(String database, String sql, RowReader reader, Object... parameters) {
        try {
            PreparedStatement statement = connection(database).prepareStatement(sql);
            try (statement) {
                for (int i = 0; i < parameters.length; i++) {
                    Object p = parameters[i];
                    if (p instanceof UUID[] array) {
                        statement.setArray(i + 1, statement.getConnection().createArrayOf("uuid", array));
                    } else {
                        statement.setObject(i + 1, p);
                    }
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
        } catch (SQLException e) {
            connections.remove(database);
            throw new IllegalStateException(database + ": " + sql, e);
        }
    }

    private Connection connection(String database) throws SQLException {
        Connection c = connections.get(database);
        if (c == null || c.isClosed() || !c.isValid(2)) {
            c = DriverManager.getConnection(system.stack().postgres().jdbcUrl(database), PostgresServer.USER, "");
            connections.put(database, c);
        }
        return c;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        connections.values().forEach(c -> {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing a connection of a stack that stops anyway
            }
        });
    }
}
