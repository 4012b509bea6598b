package org.dangjian.assistance.reaction;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.dangjian.assistance.Api;
import org.dangjian.assistance.MemberFixture;
import org.dangjian.assistance.OrgTreeFixture;
import org.dangjian.assistance.People;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.dangjian.assistance.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * member.transferred arriving many at once, as under load: the consumer takes each poll's records
 * as one batch (batch=true). Records are published together, so they reach it in one poll.
 */
@QuarkusTest
class BatchConsumptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "dangjian.member.v1";
    private static final String DLQ = "dangjian.member.v1.assistance-service.dlq";

    @Inject
    OrgTreeFixture orgs;

    @Inject
    MemberFixture memberEvents;

    @Inject
    EntityManager em;

    private record Member(UUID id, String beneficiaryId, String caseId) {
    }

    @Test
    void aBatchOfTransfersMovesEveryMembersCaseOnce() {
        var tree = orgs.tree();
        List<Member> members = members(tree.branch(), 10);
        List<ProducerRecord<String, String>> batch = new ArrayList<>();
        List<UUID> events = new ArrayList<>();
        for (Member m : members) {
            UUID event = UUID.randomUUID();
            events.add(event);
            batch.add(transferred(event, m.id(), tree.branch(), tree.otherBranch().toString(), 1));
        }

        MemberFixture.sendTogether(batch);

        await().atMost(Duration.ofSeconds(30)).until(() -> events.stream().allMatch(e -> processed(e) == 1));
        for (Member m : members) {
            assertEquals(tree.otherBranch().toString(), Api.asPlatformAdmin().get("/api/v1/cases/" + m.caseId()).path("orgId"));
            assertEquals(1L, orgChanges(m.caseId()));
        }
    }

    @Test
    void aRedeliveredBatchChangesNothingTheSecondTime() {
        var tree = orgs.tree();
        List<Member> members = members(tree.branch(), 3);
        List<ProducerRecord<String, String>> batch = new ArrayList<>();
        List<UUID> events = new ArrayList<>();
        for (Member m : members) {
            UUID event = UUID.randomUUID();
            events.add(event);
            batch.add(transferred(event, m.id(), tree.branch(), tree.otherBranch().toString(), 5));
        }
        MemberFixture.sendTogether(batch);
        await().atMost(Duration.ofSeconds(30)).until(() -> events.stream().allMatch(e -> processed(e) == 1));

        // The same records again, each followed on its member's partition by a stale transfer that marks it as read.
        List<ProducerRecord<String, String>> again = new ArrayList<>(batch);
        List<UUID> markers = new ArrayList<>();
        for (Member m : members) {
            UUID marker = UUID.randomUUID();
            markers.add(marker);
            again.add(transferred(marker, m.id(), tree.otherBranch(), tree.branch().toString(), 4));
        }
        MemberFixture.sendTogether(again);
        await().atMost(Duration.ofSeconds(30)).until(() -> markers.stream().allMatch(e -> processed(e) == 1));

        for (Member m : members) {
            assertEquals(tree.otherBranch().toString(), Api.asPlatformAdmin().get("/api/v1/cases/" + m.caseId()).path("orgId"));
            assertEquals(1L, orgChanges(m.caseId()));
        }
    }

    @Test
    void aMemberTransferredTwiceInOneBatchEndsInTheLastBranchWithBothMovesInTheHistory() {
        var tree = orgs.tree();
        Member member = members(tree.branch(), 1).get(0);
        long caseVersion = ((Number) Api.asPlatformAdmin().get("/api/v1/cases/" + member.caseId()).path("version")).longValue();
        long beneficiaryVersion = ((Number) Api.asPlatformAdmin().get("/api/v1/beneficiaries/" + member.beneficiaryId())
                .path("version")).longValue();

        List<UUID> events = movedTogether(member, new Move(tree.branch(), tree.otherBranch(), 1),
                new Move(tree.otherBranch(), tree.committee(), 2));

        Api.asPlatformAdmin().get("/api/v1/cases/" + member.caseId()).then()
                .body("orgId", equalTo(tree.committee().toString()))
                .body("version", equalTo((int) caseVersion + 2));
        Api.asPlatformAdmin().get("/api/v1/beneficiaries/" + member.beneficiaryId()).then()
                .body("orgId", equalTo(tree.committee().toString()))
                .body("version", equalTo((int) beneficiaryVersion + 2));
        as(Caller.ORG_ADMIN, tree.committee()).get("/api/v1/cases/" + member.caseId() + "/history").then().statusCode(200)
                .body("organizationChanges.fromOrgId", contains(tree.branch().toString(), tree.otherBranch().toString()))
                .body("organizationChanges.toOrgId", contains(tree.otherBranch().toString(), tree.committee().toString()))
                .body("organizationChanges.reason", contains("MEMBER_TRANSFERRED", "MEMBER_TRANSFERRED"));
        assertEquals(events, orgChangeEvents(member.caseId()));
    }

    @Test
    void aStaleTransferBehindANewerOneInTheSameBatchChangesNothing() {
        var tree = orgs.tree();
        Member member = members(tree.branch(), 1).get(0);

        List<UUID> events = movedTogether(member, new Move(tree.branch(), tree.otherBranch(), 7),
                new Move(tree.branch(), tree.committee(), 6));

        assertEquals(tree.otherBranch().toString(), Api.asPlatformAdmin().get("/api/v1/cases/" + member.caseId()).path("orgId"));
        assertEquals(events.subList(0, 1), orgChangeEvents(member.caseId()));
    }

    @Test
    void aBatchMixingMembersWithAndWithoutCasesChangesExactlyTheirRecords() {
        var tree = orgs.tree();
        Member withCase = members(tree.branch(), 1).get(0);
        UUID withoutCase = memberEvents.registered(tree.branch());
        String beneficiaryWithoutCase = beneficiary(tree.branch(), withoutCase);
        Member leaving = members(tree.branch(), 1).get(0);
        UUID nobody = UUID.randomUUID();
        List<UUID> events = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

        MemberFixture.sendTogether(List.of(
                transferred(events.get(0), withCase.id(), tree.branch(), tree.otherBranch().toString(), 1),
                transferred(events.get(1), withoutCase, tree.branch(), tree.otherBranch().toString(), 1),
                transferred(events.get(2), leaving.id(), tree.branch(), null, 1),
                transferred(events.get(3), nobody, tree.branch(), tree.otherBranch().toString(), 1)));

        await().atMost(Duration.ofSeconds(30)).until(() -> events.stream().allMatch(e -> processed(e) == 1));
        Api.asPlatformAdmin().get("/api/v1/cases/" + withCase.caseId()).then()
                .body("orgId", equalTo(tree.otherBranch().toString()))
                .body("reassignmentNeeded", equalTo(false));
        Api.asPlatformAdmin().get("/api/v1/beneficiaries/" + beneficiaryWithoutCase).then()
                .body("orgId", equalTo(tree.otherBranch().toString()));
        // Out of the platform: the case stays with its branch, waiting for another to take it.
        Api.asPlatformAdmin().get("/api/v1/cases/" + leaving.caseId()).then()
                .body("orgId", equalTo(tree.branch().toString()))
                .body("reassignmentNeeded", equalTo(true));
        Api.asPlatformAdmin().get("/api/v1/beneficiaries/" + leaving.beneficiaryId()).then()
                .body("orgId", equalTo(tree.branch().toString()));
        as(Caller.BRANCH_SECRETARY, tree.branch()).get("/api/v1/cases/" + leaving.caseId() + "/history").then()
                .body("organizationChanges.reason", contains("MEMBER_LEFT_PLATFORM"))
                .body("organizationChanges[0].toOrgId", nullValue());
        assertEquals(List.of(events.get(0)), orgChangeEvents(withCase.caseId()));
        assertEquals(List.of(events.get(2)), orgChangeEvents(leaving.caseId()));
    }

    @Test
    void aPoisonTransferGoesToTheDeadLetterTopicAndTheRestOfItsBatchIsApplied() {
        var tree = orgs.tree();
        Member member = members(tree.branch(), 1).get(0);
        UUID first = UUID.randomUUID();
        UUID poison = UUID.randomUUID();
        UUID last = UUID.randomUUID();

        // Readable as an event, so it fails inside the batch's transaction, not before it.
        MemberFixture.sendTogether(List.of(
                transferred(first, member.id(), tree.branch(), tree.otherBranch().toString(), 1),
                transferred(poison, member.id(), tree.otherBranch(), "not-a-uuid", 2),
                transferred(last, member.id(), tree.otherBranch(), tree.committee().toString(), 3)));

        Map<String, Object> letter = await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetter(poison), Objects::nonNull);
        assertEquals(TOPIC, letter.get("originalTopic"));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(last) == 1);
        assertEquals(1L, processed(first));
        assertEquals(0L, processed(poison));
        assertEquals(tree.committee().toString(), Api.asPlatformAdmin().get("/api/v1/cases/" + member.caseId()).path("orgId"));
        assertEquals(2L, orgChanges(member.caseId()));
    }

    @Test
    void eventsOfTypesTheReactionIgnoresAreAcknowledgedUnreadEvenIfUnreadable() {
        var tree = orgs.tree();
        Member member = members(tree.branch(), 1).get(0);
        UUID letterIssued = UUID.randomUUID();
        UUID updated = UUID.randomUUID();
        UUID transfer = UUID.randomUUID();
        MemberFixture.sendTogether(List.of(
                event(letterIssued, member.id().toString(), "member.transfer-issued", "not json"),
                event(updated, member.id().toString(), "member.updated", "{\"memberId\":"),
                transferred(transfer, member.id(), tree.branch(), tree.otherBranch().toString(), 2)));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(transfer) == 1);
        // A later batch on the same partition starts only once the earlier one is acknowledged, dead letters sent.
        UUID marker = UUID.randomUUID();
        MemberFixture.sendTogether(List.of(transferred(marker, member.id(), tree.branch(), tree.branch().toString(), 1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(marker) == 1);

        assertEquals(tree.otherBranch().toString(), Api.asPlatformAdmin().get("/api/v1/cases/" + member.caseId()).path("orgId"));
        assertEquals(0L, processed(letterIssued) + processed(updated));
        assertEquals(null, deadLetter(letterIssued));
        assertEquals(null, deadLetter(updated));
    }

    /** Members known here (member.registered), each a beneficiary with an open case. */
    private List<Member> members(UUID branch, int count) {
        List<Member> members = new ArrayList<>();
        for (UUID member : memberEvents.registered(branch, count)) {
            String beneficiary = beneficiary(branch, member);
            String caseId = as(Caller.BRANCH_SECRETARY, branch)
                    .body(Map.of("beneficiaryId", beneficiary, "category", "UNEMPLOYMENT", "requestedAmount", "500"))
                    .post("/api/v1/cases").then().statusCode(201).extract().path("id");
            members.add(new Member(member, beneficiary, caseId));
        }
        return members;
    }

    private static String beneficiary(UUID branch, UUID member) {
        return as(Caller.BRANCH_SECRETARY, branch).body(People.member(branch, member))
                .post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");
    }

    private record Move(UUID from, UUID to, long version) {
    }

    /** One member's transfers published together, so they reach the consumer in one batch; returns once all are applied. */
    private List<UUID> movedTogether(Member member, Move... moves) {
        List<UUID> events = new ArrayList<>();
        List<ProducerRecord<String, String>> batch = new ArrayList<>();
        for (Move move : moves) {
            UUID event = UUID.randomUUID();
            events.add(event);
            batch.add(transferred(event, member.id(), move.from(), move.to().toString(), move.version()));
        }
        MemberFixture.sendTogether(batch);
        await().atMost(Duration.ofSeconds(30)).until(() -> events.stream().allMatch(e -> processed(e) == 1));
        return events;
    }

    /** As member-service publishes it: keyed by the member, so one member's events share a partition. */
    private static ProducerRecord<String, String> transferred(UUID eventId, UUID member, UUID from, String to, long version) {
        ObjectNode data = JSON.createObjectNode();
        data.put("memberId", member.toString());
        data.put("fromOrgId", from.toString());
        if (to == null) {
            data.putNull("toOrgId"); // left the platform
        } else {
            data.put("toOrgId", to);
        }
        data.put("transferredOn", "2026-07-01");
        data.put("version", version);
        return event(eventId, member.toString(), "member.transferred", data.toString());
    }

    private static ProducerRecord<String, String> event(UUID eventId, String key, String type, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, key, value);
        Map.of("ce_specversion", "1.0", "ce_id", eventId.toString(), "ce_type", type, "ce_source", "/member-service",
                "ce_subject", key, "ce_time", OffsetDateTime.now().toString(), "content-type", "application/json")
                .forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static Map<String, Object> deadLetter(UUID eventId) {
        List<Map<String, Object>> letters = Api.asPlatformAdmin().get("/api/v1/admin/dead-letters?size=200").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return letters.stream().filter(l -> DLQ.equals(l.get("topic")) && eventId.toString().equals(l.get("eventId")))
                .findFirst().orElse(null);
    }

    private long processed(UUID eventId) {
        return count("select count(*) from processed_event where consumer = 'assistance-service.case-transfers' and event_id = '"
                + eventId + "'");
    }

    private long orgChanges(String caseId) {
        return count("select count(*) from case_org_change where case_id = '" + caseId + "'");
    }

    /** The events named by a case's history rows, in the order the history shows them. */
    private List<UUID> orgChangeEvents(String caseId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select event_id from case_org_change where case_id = ?1 order by changed_at, id", UUID.class)
                .setParameter(1, UUID.fromString(caseId)).getResultList().stream().map(UUID.class::cast).toList());
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
