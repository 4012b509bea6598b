package org.dangjian.organization;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.ValidatableResponse;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.dangjian.platform.localstack.LocalStack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.dangjian.organization.Api.asPlatformAdmin;
import static org.hamcrest.Matchers.equalTo;

/**
 * Members as organization-service learns of them: member.* events as member-service publishes them
 * (binary CloudEvents, key = member id) on the real topic, and the wait until the roster shows them.
 */
public final class Members {

    public static final String TOPIC = "dangjian.member.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Members() {
    }

    /** A full member of {@code organization} (member version 1), once the service knows them. */
    public static UUID in(UUID organization) {
        return in(organization, 1).get(0);
    }

    /**
     * {@code count} full members of {@code organization}, registered together, each awaited the way a client
     * does before naming them in a seat or grid: until GET /organizations/{id}/members/{memberId} shows them.
     */
    public static List<UUID> in(UUID organization, int count) {
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID member = UUID.randomUUID();
            send("member.registered", member, Map.of("orgId", organization, "stage", "FULL", "name", "党员" + i,
                    "registeredOn", "2020-01-01", "version", 1));
            members.add(member);
        }
        for (UUID member : members) {
            await("member " + member + " known in " + organization).atMost(Duration.ofSeconds(30))
                    .until(() -> roster(organization, member).extract().statusCode() == 200);
        }
        return members;
    }

    /** A member.* event with a fresh id. */
    public static UUID send(String type, UUID memberId, Map<String, Object> fields) {
        UUID eventId = UUID.randomUUID();
        send(eventId, type, memberId, fields);
        return eventId;
    }

    public static void send(UUID eventId, String type, UUID memberId, Map<String, Object> fields) {
        Map<String, Object> data = new HashMap<>();
        fields.forEach((k, v) -> data.put(k, v instanceof UUID || v instanceof java.time.LocalDate ? v.toString() : v));
        data.putIfAbsent("memberId", memberId.toString());
        ProducerRecord<String, String> record;
        try {
            record = new ProducerRecord<>(TOPIC, memberId.toString(), JSON.writeValueAsString(data));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        Map.of("ce_specversion", "1.0", "ce_id", eventId.toString(), "ce_type", type, "ce_source", "/member-service",
                        "ce_subject", memberId.toString(), "ce_time", OffsetDateTime.now().toString(),
                        "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        LocalStack.shared().kafka().companion().produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(30));
    }

    /** member.transferred from one branch to another (either null for outside the platform), applied. */
    public static void transfer(UUID memberId, UUID from, UUID to, String on, int version) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("transferId", UUID.randomUUID());
        fields.put("fromOrgId", from);
        fields.put("toOrgId", to);
        fields.put("transferredOn", on);
        fields.put("version", version);
        send("member.transferred", memberId, fields);
        awaitVersion(memberId, version);
    }

    /** GET /organizations/{id}/members/{memberId} as a platform-admin. */
    public static ValidatableResponse roster(UUID organization, UUID memberId) {
        return asPlatformAdmin().get("/api/v1/organizations/" + organization + "/members/" + memberId).then();
    }

    /** The member's roster row as the events left it: organization_id, stage, ended, source_version (null: none). */
    public static Object[] row(UUID memberId) {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select organization_id, stage, ended, source_version from member_roster where member_id = ?1")
                .setParameter(1, memberId).getResultList());
        return rows.isEmpty() ? null : (Object[]) rows.get(0);
    }

    /** Waits until an event of that member version (or a later one) was applied. */
    public static void awaitVersion(UUID memberId, long version) {
        await("member " + memberId + " at version " + version).atMost(Duration.ofSeconds(30)).until(() -> {
            Object[] row = row(memberId);
            return row != null && ((Number) row[3]).longValue() >= version;
        });
    }

    /** GET /organizations/{id}/structure/member-count as a platform-admin. */
    public static ValidatableResponse count(UUID organization) {
        return asPlatformAdmin().get("/api/v1/organizations/" + organization + "/structure/member-count").then().statusCode(200);
    }

    /** Waits until the organization counts {@code full} full members and {@code members} Party members. */
    public static void awaitCount(UUID organization, int full, int members) {
        await("counts of " + organization).atMost(Duration.ofSeconds(30)).untilAsserted(() -> count(organization)
                .body("fullMembers", equalTo(full))
                .body("members", equalTo(members)));
    }
}
