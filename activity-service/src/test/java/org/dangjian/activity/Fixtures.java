package org.dangjian.activity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.localstack.LocalStack;
import org.dangjian.platform.localstack.Tokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;

/** Test data: org_unit rows written directly, member events published as member-service would. */
public final class Fixtures {

    public static final String MEMBER_TOPIC = "dangjian.member.v1";
    public static final String ORGANIZATION_TOPIC = "dangjian.organization.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    public record Org(UUID id, String path) {
    }

    public static Org root() {
        UUID id = UUID.randomUUID();
        return insert(id, null, "/" + id + "/", "COMMITTEE", "测试党委");
    }

    public static Org child(Org parent, String type) {
        UUID id = UUID.randomUUID();
        return insert(id, parent.id(), parent.path() + id + "/", type, type + "-" + id.toString().substring(0, 6));
    }

    private static Org insert(UUID id, UUID parent, String path, String type, String name) {
        QuarkusTransaction.requiringNew().run(() -> em().createNativeQuery("""
                insert into org_unit (id, parent_id, path, code, name, type, status, source_version, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, 'ACTIVE', 0, now())""")
                .setParameter(1, id).setParameter(2, parent).setParameter(3, path)
                .setParameter(4, "T" + id.toString().substring(0, 8)).setParameter(5, name).setParameter(6, type)
                .executeUpdate());
        return new Org(id, path);
    }

    public static EntityManager em() {
        return CDI.current().select(EntityManager.class).get();
    }

    public static long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em().createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }

    /**
     * Kept for callers not yet written as {@code await(what).atMost(...).until(...)} (Awaitility); new waits use
     * Awaitility at the call site.
     */
    public static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(30)).until(condition::getAsBoolean);
    }

    // --- member events (binary CloudEvents, key = memberId) ---

    public static UUID registered(UUID memberId, UUID orgId, String stage, String name, LocalDate on, long version) {
        ObjectNode d = data(memberId, version);
        d.put("orgId", orgId.toString());
        d.put("stage", stage);
        d.put("name", name);
        d.put("registeredOn", on.toString());
        return publishMember("member.registered", d);
    }

    public static UUID stageChanged(UUID memberId, UUID orgId, String from, String to, LocalDate on, long version) {
        ObjectNode d = data(memberId, version);
        d.put("orgId", orgId.toString());
        d.put("fromStage", from);
        d.put("toStage", to);
        d.put("effectiveOn", on.toString());
        return publishMember("member.stage-changed", d);
    }

    public static UUID transferred(UUID memberId, UUID fromOrg, UUID toOrg, LocalDate on, long version) {
        ObjectNode d = data(memberId, version);
        d.put("fromOrgId", fromOrg.toString());
        d.put("toOrgId", toOrg.toString());
        d.put("transferredOn", on.toString());
        return publishMember("member.transferred", d);
    }

    /** A transfer out of the platform (转出系统外): the letter went to an organization outside it. */
    public static UUID transferredOut(UUID memberId, UUID fromOrg, LocalDate on, long version) {
        ObjectNode d = data(memberId, version);
        d.put("transferId", UUID.randomUUID().toString());
        d.put("fromOrgId", fromOrg.toString());
        d.putNull("toOrgId");
        d.put("transferredOn", on.toString());
        return publishMember("member.transferred", d);
    }

    /** A transfer in from an organization outside the platform. */
    public static UUID transferredIn(UUID memberId, UUID toOrg, LocalDate on, long version) {
        ObjectNode d = data(memberId, version);
        d.put("transferId", UUID.randomUUID().toString());
        d.putNull("fromOrgId");
        d.put("toOrgId", toOrg.toString());
        d.put("transferredOn", on.toString());
        return publishMember("member.transferred", d);
    }

    /** Waits until the consumer (e.g. activity-service.roster) has applied the event. */
    public static void awaitProcessed(String consumer, UUID eventId) {
        Awaitility.await(consumer + " applying " + eventId).atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from processed_event where consumer = ?1 and event_id = ?2", consumer, eventId) == 1);
    }

    /** The event's dead letter on any of this service's dead-letter topics, or null. */
    public static Map<String, Object> deadLetter(UUID eventId) {
        List<Map<String, Object>> letters = admin().get("/api/v1/admin/dead-letters?size=200").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return letters.stream().filter(l -> eventId.toString().equals(l.get("eventId"))).findFirst().orElse(null);
    }

    public static UUID ended(UUID memberId, UUID orgId, String endType, LocalDate on, long version) {
        ObjectNode d = data(memberId, version);
        d.put("orgId", orgId.toString());
        d.put("endType", endType);
        d.put("endedOn", on.toString());
        return publishMember("member.ended", d);
    }

    /** A full member of the organization since {@code since}, and waits until the roster copy has them. */
    public static UUID fullMember(UUID orgId, LocalDate since) {
        UUID member = UUID.randomUUID();
        registered(member, orgId, "FULL", "党员" + member.toString().substring(0, 4), since, 1);
        Awaitility.await("member " + member).atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from roster_member where member_id = ?1", member) == 1);
        return member;
    }

    private static ObjectNode data(UUID memberId, long version) {
        ObjectNode d = JSON.createObjectNode();
        d.put("memberId", memberId.toString());
        d.put("version", version);
        return d;
    }

    public static UUID publishMember(String type, ObjectNode data) {
        UUID eventId = UUID.randomUUID();
        publish(MEMBER_TOPIC, eventId, type, data.get("memberId").asText(), data, "/member-service");
        return eventId;
    }

    public static void publish(String topic, UUID eventId, String type, String key, ObjectNode data, String source) {
        LocalStack.shared().kafka().companion().produceStrings()
                .fromRecords(record(topic, eventId, type, key, data.toString(), source))
                .awaitCompletion(Duration.ofSeconds(30));
    }

    /**
     * Publishes the records with one producer, lingering so they land in one produce request and a consumer's
     * next poll reads them as one batch; waits for every ack.
     */
    public static void publishTogether(List<ProducerRecord<String, String>> records) {
        LocalStack.shared().kafka().companion().produceStrings().withProp(ProducerConfig.LINGER_MS_CONFIG, "50")
                .fromRecords(records).awaitCompletion(Duration.ofSeconds(30));
    }

    /** A binary-mode CloudEvent record as the producing service's outbox relay writes it. */
    public static ProducerRecord<String, String> record(String topic, UUID eventId, String type, String key, String data,
            String source) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, data);
        Map.of("ce_specversion", "1.0",
                        "ce_id", eventId.toString(),
                        "ce_type", type,
                        "ce_source", source,
                        "ce_subject", key,
                        "ce_time", OffsetDateTime.now().toString(),
                        "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    public static ObjectNode json() {
        return JSON.createObjectNode();
    }

    // --- leadership events (organization-service's organization.leadership-changed, key = organization id) ---

    /** One open seat of a team: a fresh seat id each call, as organization-service gives each holding. */
    public static ObjectNode seat(String seat, UUID memberId, LocalDate startedOn) {
        ObjectNode s = JSON.createObjectNode();
        s.put("seatId", UUID.randomUUID().toString());
        s.put("seat", seat);
        s.put("memberId", memberId.toString());
        s.put("memberName", "班子成员" + memberId.toString().substring(0, 4));
        s.put("startedOn", startedOn.toString());
        return s;
    }

    /** The same holding as {@code seat}, ended on {@code endedOn}: an entry of endedSeats. */
    public static ObjectNode endedSeat(ObjectNode seat, LocalDate endedOn) {
        return seat.deepCopy().put("endedOn", endedOn.toString());
    }

    /** Publishes the team at {@code version} with its ended seats (endedSeats, newer events); returns the event id. */
    public static UUID leadershipChanged(Org org, long version, List<ObjectNode> seats, List<ObjectNode> endedSeats) {
        ObjectNode d = team(org, version, seats.toArray(ObjectNode[]::new));
        var array = d.putArray("endedSeats");
        endedSeats.forEach(array::add);
        return publishTeam(org, d);
    }

    /** Publishes the team with its ended seats and waits until the copy has applied that version (or a newer one). */
    public static void leadership(Org org, long version, List<ObjectNode> seats, List<ObjectNode> endedSeats) {
        awaitLeadership(org, version, leadershipChanged(org, version, seats, endedSeats));
    }

    /** Publishes the organization's whole team at {@code version}, as older events did (no endedSeats). */
    public static UUID leadershipChanged(Org org, long version, ObjectNode... seats) {
        return publishTeam(org, team(org, version, seats));
    }

    private static UUID publishTeam(Org org, ObjectNode d) {
        UUID eventId = UUID.randomUUID();
        publish(ORGANIZATION_TOPIC, eventId, "organization.leadership-changed", org.id().toString(), d,
                "/organization-service");
        return eventId;
    }

    private static ObjectNode team(Org org, long version, ObjectNode... seats) {
        ObjectNode d = JSON.createObjectNode();
        d.put("organizationId", org.id().toString());
        d.put("path", org.path());
        d.put("termStartedOn", "2024-01-01");
        d.put("termEndsOn", "2026-12-31");
        var array = d.putArray("seats");
        for (ObjectNode s : seats) {
            array.add(s);
        }
        d.put("version", version);
        return d;
    }

    /** Publishes the team (no endedSeats) and waits until the copy has applied that version (or a newer one). */
    public static void leadership(Org org, long version, ObjectNode... seats) {
        awaitLeadership(org, version, leadershipChanged(org, version, seats));
    }

    private static void awaitLeadership(Org org, long version, UUID eventId) {
        Awaitility.await("leadership of " + org.id() + " at version " + version).atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from processed_event where consumer = 'activity-service.leadership' and event_id = ?1",
                eventId) == 1);
    }

    // --- callers ---

    public static RequestSpecification as(String role, UUID orgId) {
        return given().auth().oauth2(Tokens.issue(role, orgId)).contentType(ContentType.JSON);
    }

    public static RequestSpecification asMember(UUID orgId, UUID memberId) {
        return given().auth().oauth2(Tokens.issue(Caller.MEMBER, orgId, memberId)).contentType(ContentType.JSON);
    }

    public static RequestSpecification admin() {
        return as(Caller.PLATFORM_ADMIN, null);
    }
}
