package org.dangjian.assistance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.dangjian.platform.localstack.LocalStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.awaitility.Awaitility.await;

/**
 * Members made known to this service the way member-service makes them known: their events on the real topic,
 * each checked against member-service's own JSON Schema before it is sent, then awaited until the consumer
 * (group assistance-service.case-transfers) has applied it.
 */
@ApplicationScoped
public class MemberFixture {

    public static final String TOPIC = "dangjian.member.v1";
    public static final String CONSUMER = "assistance-service.case-transfers";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVENTS = Path.of("..", "member-service", "src", "main", "resources", "events");
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    @Inject
    EntityManager em;

    /** A FULL member newly registered in {@code orgId}, known here once this returns. */
    public UUID registered(UUID orgId) {
        return registered(orgId, 1).get(0);
    }

    /** Members registered together (one poll of the consumer), known here once this returns. */
    public List<UUID> registered(UUID orgId, int count) {
        List<UUID> members = new ArrayList<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        List<UUID> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID member = UUID.randomUUID();
            UUID event = UUID.randomUUID();
            members.add(member);
            events.add(event);
            records.add(record(event, "member.registered", registeredData(member, orgId, "FULL", 0)));
        }
        sendTogether(records);
        events.forEach(this::awaitApplied);
        return members;
    }

    /** member.transferred; {@code to} null: out of the platform; {@code transferId} null: a split or merge moved them. */
    public UUID transferred(UUID member, UUID from, UUID to, UUID transferId, long version) {
        return sendAndAwait("member.transferred", transferredData(member, from, to, transferId, version));
    }

    public UUID ended(UUID member, UUID orgId, String endType, String endedOn, long version) {
        ObjectNode data = JSON.createObjectNode();
        data.put("memberId", member.toString());
        data.put("orgId", orgId.toString());
        data.put("endType", endType);
        data.put("endedOn", endedOn);
        data.put("version", version);
        return sendAndAwait("member.ended", data);
    }

    public UUID stageChanged(UUID member, UUID orgId, String from, String to, long version) {
        ObjectNode data = JSON.createObjectNode();
        data.put("memberId", member.toString());
        data.put("orgId", orgId.toString());
        data.put("fromStage", from);
        data.put("toStage", to);
        data.put("effectiveOn", "2025-07-01");
        data.put("version", version);
        return sendAndAwait("member.stage-changed", data);
    }

    /** Sends one event (validated against the producer's schema) and returns once the consumer applied it. */
    public UUID sendAndAwait(String type, ObjectNode data) {
        UUID event = UUID.randomUUID();
        sendTogether(List.of(record(event, type, data)));
        awaitApplied(event);
        return event;
    }

    public void awaitApplied(UUID eventId) {
        await(CONSUMER + " applies " + eventId).atMost(Duration.ofSeconds(30)).until(() -> applied(eventId));
    }

    /**
     * Publishes the records with one producer, lingering so they land in one produce request and a consumer's
     * next poll reads them as one batch; waits for every ack.
     */
    public static void sendTogether(List<ProducerRecord<String, String>> records) {
        LocalStack.shared().kafka().companion().produceStrings().withProp(ProducerConfig.LINGER_MS_CONFIG, "50")
                .fromRecords(records).awaitCompletion(Duration.ofSeconds(30));
    }

    /** Publishes a record as is, headers included (no schema check: for malformed or foreign events). */
    public static void send(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        sendTogether(List.of(record));
    }

    public boolean applied(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from processed_event where consumer = ?1 and event_id = ?2")
                .setParameter(1, CONSUMER).setParameter(2, eventId).getSingleResult()).longValue() == 1);
    }

    public static ObjectNode registeredData(UUID member, UUID orgId, String stage, long version) {
        ObjectNode data = JSON.createObjectNode();
        data.put("memberId", member.toString());
        data.put("memberNumber", "M" + member.toString().substring(0, 10));
        data.put("orgId", orgId.toString());
        data.put("stage", stage);
        data.put("name", "林志强");
        data.put("registeredOn", "2025-01-01");
        data.put("version", version);
        return data;
    }

    public static ObjectNode transferredData(UUID member, UUID from, UUID to, UUID transferId, long version) {
        ObjectNode data = JSON.createObjectNode();
        data.put("memberId", member.toString());
        if (transferId == null) {
            data.putNull("transferId");
        } else {
            data.put("transferId", transferId.toString());
        }
        putId(data, "fromOrgId", from);
        putId(data, "toOrgId", to);
        data.put("transferredOn", "2025-07-01");
        data.put("version", version);
        return data;
    }

    /** As member-service publishes it: binary CloudEvent keyed by the member; refused here if its schema refuses it. */
    public static ProducerRecord<String, String> record(UUID eventId, String type, ObjectNode data) {
        var errors = schema(type).validate(data);
        if (!errors.isEmpty()) {
            throw new AssertionError("not a valid " + type + ": " + errors);
        }
        String key = data.get("memberId").asText();
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, key, data.toString());
        Map.of("ce_specversion", "1.0", "ce_id", eventId.toString(), "ce_type", type, "ce_source", "/member-service",
                "ce_subject", key, "ce_time", OffsetDateTime.now().toString(), "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** member-service's JSON Schema of the event type, the producer's contract. */
    public static JsonSchema schema(String type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            try {
                JsonNode schema = JSON.readTree(Files.readString(EVENTS.resolve(t + ".schema.json")));
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void putId(ObjectNode data, String field, UUID id) {
        if (id == null) {
            data.putNull(field);
        } else {
            data.put(field, id.toString());
        }
    }
}
