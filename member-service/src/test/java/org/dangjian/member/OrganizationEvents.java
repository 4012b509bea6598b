package org.dangjian.member;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.dangjian.platform.localstack.LocalStack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** organization.* events as organization-service publishes them (binary CloudEvents, see its schemas). */
public final class OrganizationEvents {

    static final String TOPIC = "dangjian.organization.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OrganizationEvents() {
    }

    public static ObjectNode node(UUID id, UUID parentId, String path, String name, long version) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", id.toString());
        node.put("code", "D" + id.toString().substring(0, 8));
        node.put("name", name);
        node.put("type", parentId == null ? "COMMITTEE" : "BRANCH");
        node.putNull("sector");
        if (parentId == null) {
            node.putNull("parentId");
        } else {
            node.put("parentId", parentId.toString());
        }
        node.put("path", path);
        node.put("status", "ACTIVE");
        node.put("establishedOn", "2026-07-01");
        node.put("version", version);
        return node;
    }

    /**
     * organization.dissolved of a branch under {@code parent}, on 2026-11-20; a merge when {@code mergedInto} is
     * given, else a plain dissolution without the (optional) mergedIntoId field.
     */
    public static ObjectNode dissolved(TestTree.Node node, TestTree.Node parent, UUID mergedInto) {
        ObjectNode data = node(node.id(), parent.id(), node.path(), "撤销的支部", 7);
        data.put("status", "DISSOLVED");
        data.put("dissolvedOn", "2026-11-20");
        data.put("reason", mergedInto == null ? "村党支部撤销" : "两村合并");
        if (mergedInto != null) {
            data.put("mergedIntoId", mergedInto.toString());
        }
        return data;
    }

    /** Publishes a new event and returns its id. */
    public static UUID publish(String type, ObjectNode data) {
        UUID eventId = UUID.randomUUID();
        publish(eventId, type, data);
        return eventId;
    }

    /** Publishes the event with the given id (reuse an id to simulate a redelivery). */
    public static void publish(UUID eventId, String type, ObjectNode data) {
        send(TOPIC, data.get("id").asText(), data.toString(), Map.of(
                "ce_specversion", "1.0",
                "ce_id", eventId.toString(),
                "ce_type", type,
                "ce_source", "/organization-service",
                "ce_subject", data.get("id").asText(),
                "ce_time", OffsetDateTime.now().toString(),
                "content-type", "application/json"));
    }

    /** Publishes a record as another service (or the failure strategy) would and waits for the broker's ack. */
    public static void send(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        LocalStack.shared().kafka().companion().produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(30));
    }

    /**
     * Until the reaction has applied the event: its id is recorded in the transaction of the effect, so the effect
     * is then visible too (and the event was not dead-lettered).
     */
    public static void awaitApplied(String consumer, UUID eventId) {
        await(consumer + " applies " + eventId).atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ((Number) TestTree.em()
                        .createNativeQuery("select count(*) from processed_event where consumer = ?1 and event_id = ?2")
                        .setParameter(1, consumer).setParameter(2, eventId).getSingleResult()).longValue()) == 1L);
    }
}
