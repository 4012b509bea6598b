package org.dangjian.platform.messaging;

import org.dangjian.platform.api.idempotency.Idempotent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.list.Cursor;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.dangjian.platform.api.DomainException;
import org.eclipse.microprofile.config.Config;
import io.smallrye.common.annotation.Identifier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Operators' view of the events this service's consumers could not apply (the dead-letter topics
 * of its channels), and replay of one of them to its original topic once the cause is fixed.
 * Replaying twice is harmless: consumers apply an event id once.
 */
@Path("/admin/dead-letters")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters", description = "events this service's consumers refused, and their replay")
public class DeadLetterResource {

    private static final Logger LOG = Logger.getLogger(DeadLetterResource.class);
    private static final int MAX_VALUE_CHARS = 4000;

    public record DeadLetter(String topic, int partition, long offset, String key, Instant timestamp, String originalTopic,
            Integer originalPartition, Long originalOffset, String reason, String cause, String eventId, String eventType,
            String value) {
    }

    public record Replayed(String topic, int partition, long offset, String replayedTo) {
    }

    @Inject
    Config config;

    @Inject
    Caller caller;

    /** Every kafka.* setting of the service (bootstrap servers, TLS, SASL), as its channels use them. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @GET
    @RolesAllowed(Caller.PLATFORM_ADMIN)
    @Operation(summary = "The dead letters of this service's consumers, by topic, partition and offset",
            description = "Pages of the one list contract; a dead letter's position (topic, partition, offset) is its cursor.")
    public ListPage<DeadLetter> list(@BeanParam ListQuery query) {
        query.sort("position");
        Optional<Cursor> after = query.after();
        Comparator<DeadLetter> byPosition = Comparator.comparing(DeadLetter::topic).thenComparingInt(DeadLetter::partition)
                .thenComparingLong(DeadLetter::offset);
        DeadLetter from = after.map(c -> new DeadLetter(c.string(0), (int) c.number(1), c.number(2), null, null, null, null, null,
                null, null, null, null, null)).orElse(null);
        List<DeadLetter> letters = new ArrayList<>();
        // Dead letters are few and read from Kafka in full anyway: paged here, after reading.
        try (KafkaConsumer<String, String> consumer = consumer()) {
            for (String topic : deadLetterTopics()) {
                for (ConsumerRecord<String, String> record : readAll(consumer, topic)) {
                    DeadLetter letter = view(record);
                    if (from == null || byPosition.compare(letter, from) > 0) {
                        letters.add(letter);
                    }
                }
            }
        }
        letters.sort(byPosition);
        return ListPage.of(letters.subList(0, Math.min(letters.size(), query.limit())), query,
                l -> Cursor.at(l.topic(), l.partition(), l.offset()));
    }

    @POST
    @Path("/{topic}/{partition}/{offset}/replay")
    @RolesAllowed(Caller.PLATFORM_ADMIN)
    @Operation(summary = "Publish one dead letter again to the topic it came from")
    public Replayed replay(@PathParam("topic") String topic, @PathParam("partition") int partition,
            @PathParam("offset") long offset) {
        // A negative position names no record; Kafka's seek would throw on it.
        if (partition < 0 || offset < 0 || !deadLetterTopics().contains(topic)) {
            throw DomainException.notFound("DEAD_LETTER_NOT_FOUND", topic, partition, offset);
        }
        ConsumerRecord<String, String> record;
        try (KafkaConsumer<String, String> consumer = consumer()) {
            record = readOne(consumer, new TopicPartition(topic, partition), offset)
                    .orElseThrow(() -> DomainException.notFound("DEAD_LETTER_NOT_FOUND", topic, partition, offset));
        }
        String target = header(record, "dead-letter-topic");
        if (target == null) {
            throw DomainException.unprocessable("DEAD_LETTER_ORIGIN_UNKNOWN", topic, partition, offset);
        }
        ProducerRecord<String, String> again = new ProducerRecord<>(target, record.key(), record.value());
        for (Header header : record.headers()) {
            if (!header.key().startsWith("dead-letter-")) {
                again.headers().add(header);
            }
        }
        Map<String, Object> producerConfig = clientConfig();
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            producer.send(again).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("replay to " + target + " failed", e);
        }
        LOG.infof("%s replayed dead letter %s-%d@%d to %s", caller.subject(), topic, partition, offset, target);
        return new Replayed(topic, partition, offset, target);
    }

    /** The dead-letter topics configured on this service's incoming channels. */
    TreeSet<String> deadLetterTopics() {
        TreeSet<String> topics = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("mp.messaging.incoming.") && name.endsWith(".dead-letter-queue.topic")) {
                config.getOptionalValue(name, String.class).ifPresent(topics::add);
            }
        }
        return topics;
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> consumerConfig = clientConfig();
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // No group: partitions are assigned by hand, so nothing is committed and no ACL on a group is needed.
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer());
    }

    private Map<String, Object> clientConfig() {
        Map<String, Object> config = new java.util.HashMap<>();
        kafka.forEach((key, value) -> {
            if (!key.contains("serializer") && !key.contains("deserializer")) {
                config.put(key, value);
            }
        });
        return config;
    }

    private static List<ConsumerRecord<String, String>> readAll(KafkaConsumer<String, String> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        if (partitions.isEmpty()) {
            return records;
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    private static Optional<ConsumerRecord<String, String>> readOne(KafkaConsumer<String, String> consumer, TopicPartition partition,
            long offset) {
        if (consumer.partitionsFor(partition.topic(), Duration.ofSeconds(10)).stream().noneMatch(p -> p.partition() == partition.partition())) {
            return Optional.empty();
        }
        consumer.assign(List.of(partition));
        consumer.seek(partition, offset);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                return record.offset() == offset ? Optional.of(record) : Optional.empty();
            }
            if (consumer.position(partition) >= consumer.endOffsets(List.of(partition)).get(partition)) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static DeadLetter view(ConsumerRecord<String, String> record) {
        String value = record.value();
        if (value != null && value.length() > MAX_VALUE_CHARS) {
            value = value.substring(0, MAX_VALUE_CHARS) + "…";
        }
        return new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(),
                Instant.ofEpochMilli(record.timestamp()), header(record, "dead-letter-topic"),
                parseInt(header(record, "dead-letter-partition")), parseLong(header(record, "dead-letter-offset")),
                header(record, "dead-letter-reason"), header(record, "dead-letter-cause"), header(record, "ce_id"),
                header(record, "ce_type"), value);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Integer parseInt(String value) {
        return value == null ? null : Integer.valueOf(value);
    }

    private static Long parseLong(String value) {
        return value == null ? null : Long.valueOf(value);
    }

}
