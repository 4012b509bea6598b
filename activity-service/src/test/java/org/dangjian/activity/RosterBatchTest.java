package org.dangjian.activity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.dangjian.activity.Fixtures.Org;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.dangjian.activity.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Member events arriving many at once, as under load: the roster's consumer takes each poll's records
 * as one batch (batch=true). Records are published together, so they reach it in one poll.
 */
@QuarkusTest
class RosterBatchTest {

    private static final LocalDate D = LocalDate.of(2025, 3, 10);
    private static final String DLQ = "dangjian.member.v1.activity-service.dlq";

    @Test
    void aBatchOfRegistrationsPutsEveryMemberOnTheRosterOnce() {
        Org branch = child(root(), "BRANCH");
        List<String> members = new ArrayList<>();
        List<ProducerRecord<String, String>> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            UUID member = UUID.randomUUID();
            members.add(member.toString());
            batch.add(event(UUID.randomUUID(), "member.registered", registration(member, branch, "党员" + i)));
        }

        publishTogether(batch);

        await("10 members").atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from roster_member where org_id = ?1", branch.id()) == 10);
        assertEquals(members.stream().sorted().toList(), rosterOn(branch, D).stream().sorted().toList());
        assertEquals(10, count("select count(*) from membership_period where org_id = ?1", branch.id()));
    }

    @Test
    void aMembersEventsInOneBatchAreAppliedInOrderAndARedeliveryInItOnce() {
        Org committee = root();
        Org from = child(committee, "BRANCH");
        Org to = child(committee, "BRANCH");
        UUID member = UUID.randomUUID();
        UUID registered = UUID.randomUUID();
        ObjectNode transfer = json().put("memberId", member.toString()).put("fromOrgId", from.id().toString())
                .put("toOrgId", to.id().toString()).put("transferredOn", D.plusMonths(2).toString()).put("version", 2);

        publishTogether(List.of(
                event(registered, "member.registered", registration(member, from, "周九")),
                event(registered, "member.registered", registration(member, from, "周九")),
                event(UUID.randomUUID(), "member.transferred", transfer)));

        await("version 2").atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from roster_member where member_id = ?1 and source_version = 2", member) == 1);
        assertEquals(List.of(member.toString()), rosterOn(from, D));
        assertEquals(List.of(), rosterOn(from, D.plusMonths(2)));
        assertEquals(List.of(member.toString()), rosterOn(to, D.plusMonths(2)));
        assertEquals(1, count("select count(*) from processed_event where event_id = ?1", registered));
        assertEquals(2, count("select count(*) from member_event where member_id = ?1", member));
    }

    @Test
    void aMemberTransferredTwiceInOneBatchHasAPeriodInEachBranchAndEndsInTheLast() {
        TwoTransfers t = registeredAndTransferredTwiceTogether(D.plusMonths(1), D.plusMonths(2));

        assertEquals(List.of(t.member().toString()), rosterOn(t.from(), D));
        assertEquals(List.of(t.member().toString()), rosterOn(t.via(), D.plusMonths(1)));
        assertEquals(List.of(), rosterOn(t.via(), D.plusMonths(2)));
        assertEquals(List.of(t.member().toString()), rosterOn(t.to(), D.plusMonths(2)));
        assertEquals(3, count("select count(*) from membership_period where member_id = ?1", t.member()));
    }

    @Test
    void aBatchReopeningAPeriodOnItsFirstDayKeepsOnlyTheLaterOneAsOneEventAtATimeDid() {
        // The second transfer is dated back to the registration day: its period starts where the first did.
        TwoTransfers t = registeredAndTransferredTwiceTogether(D.plusMonths(2), D);

        assertEquals(List.of(), rosterOn(t.from(), D));
        assertEquals(List.of(t.member().toString()), rosterOn(t.to(), D));
        assertEquals(1, count("select count(*) from membership_period where member_id = ?1", t.member()));
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndTheRestOfItsBatchIsApplied() {
        Org branch = child(root(), "BRANCH");
        UUID member = UUID.randomUUID();
        UUID poison = UUID.randomUUID();
        // Readable as an event, so it fails inside the batch's transaction, not before it.
        ObjectNode unreadableMember = registration(member, branch, "吴十").put("memberId", "not-a-uuid");
        ObjectNode ended = json().put("memberId", member.toString()).put("orgId", branch.id().toString())
                .put("endType", "WITHDRAWN").put("endedOn", D.plusDays(30).toString()).put("version", 2);

        publishTogether(List.of(
                event(UUID.randomUUID(), "member.registered", registration(member, branch, "吴十")),
                event(poison, "member.registered", unreadableMember),
                event(UUID.randomUUID(), "member.ended", ended)));

        await("dead letter").atMost(Duration.ofSeconds(30)).until(() -> deadLetter(poison) != null);
        await("version 2").atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from roster_member where member_id = ?1 and source_version = 2", member) == 1);
        assertEquals(List.of(member.toString()), rosterOn(branch, D.plusDays(29)));
        assertEquals(List.of(), rosterOn(branch, D.plusDays(30)));
        assertEquals(0, count("select count(*) from processed_event where event_id = ?1", poison));
    }

    @Test
    void aTransferLetterInFlightIsPassedOverUnreadEvenIfUnreadable() {
        Org branch = child(root(), "BRANCH");
        UUID member = UUID.randomUUID();
        UUID letter = UUID.randomUUID();
        ProducerRecord<String, String> unreadable = event(letter, "member.transfer-issued", registration(member, branch, "郑十一"));
        ProducerRecord<String, String> broken = new ProducerRecord<>(MEMBER_TOPIC, member.toString(), "{\"memberId\":");
        unreadable.headers().forEach(h -> broken.headers().add(h));

        publishTogether(List.of(broken, event(UUID.randomUUID(), "member.registered", registration(member, branch, "郑十一"))));
        await("registration").atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from roster_member where member_id = ?1", member) == 1);
        // A later batch of the partition starts only once the earlier one is acknowledged, its dead letters sent.
        ended(member, branch.id(), "DECEASED", D.plusYears(1), 2);
        await("version 2").atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from roster_member where member_id = ?1 and source_version = 2", member) == 1);

        assertEquals(0, count("select count(*) from processed_event where event_id = ?1", letter));
        assertEquals(null, deadLetter(letter));
    }

    private static ObjectNode registration(UUID member, Org org, String name) {
        return json().put("memberId", member.toString()).put("orgId", org.id().toString()).put("stage", "FULL")
                .put("name", name).put("registeredOn", D.toString()).put("version", 1);
    }

    private record TwoTransfers(Org from, Org via, Org to, UUID member) {
    }

    /** Registered in a branch on D, then transferred to a second and a third, the three events in one batch; returns once all are applied. */
    private static TwoTransfers registeredAndTransferredTwiceTogether(LocalDate firstOn, LocalDate secondOn) {
        Org committee = root();
        TwoTransfers t = new TwoTransfers(child(committee, "BRANCH"), child(committee, "BRANCH"), child(committee, "BRANCH"),
                UUID.randomUUID());
        publishTogether(List.of(
                event(UUID.randomUUID(), "member.registered", registration(t.member(), t.from(), "冯十二")),
                event(UUID.randomUUID(), "member.transferred", transfer(t.member(), t.from(), t.via(), firstOn, 2)),
                event(UUID.randomUUID(), "member.transferred", transfer(t.member(), t.via(), t.to(), secondOn, 3))));
        await("version 3").atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from roster_member where member_id = ?1 and source_version = 3", t.member()) == 1);
        return t;
    }

    private static ObjectNode transfer(UUID member, Org from, Org to, LocalDate on, long version) {
        return json().put("memberId", member.toString()).put("fromOrgId", from.id().toString())
                .put("toOrgId", to.id().toString()).put("transferredOn", on.toString()).put("version", version);
    }

    private static List<String> rosterOn(Org org, LocalDate on) {
        return admin().get("/api/v1/organizations/" + org.id() + "/roster?on=" + on).then().statusCode(200)
                .extract().jsonPath().getList("items.memberId", String.class);
    }

    /** As member-service publishes it: keyed by the member, so one member's events share a partition. */
    private static ProducerRecord<String, String> event(UUID eventId, String type, ObjectNode data) {
        return record(MEMBER_TOPIC, eventId, type, data.get("memberId").asText(), data.toString(), "/member-service");
    }

    private static Map<String, Object> deadLetter(UUID eventId) {
        List<Map<String, Object>> letters = admin().get("/api/v1/admin/dead-letters?size=200").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return letters.stream().filter(l -> DLQ.equals(l.get("topic")) && eventId.toString().equals(l.get("eventId")))
                .findFirst().orElse(null);
    }
}
