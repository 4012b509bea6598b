package org.dangjian.member;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dangjian.platform.localstack.TopicProbe;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

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
        TopicProbe.send(TOPIC, data.get("id").asText(), data.toString(), Map.of(
                "ce_specversion", "1.0",
                "ce_id", eventId.toString(),
                "ce_type", type,
                "ce_source", "/organization-service",
                "ce_subject", data.get("id").asText(),
                "ce_time", OffsetDateTime.now().toString(),
                "content-type", "application/json"));
    }
}
