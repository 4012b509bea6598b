package org.dangjian.activity;

import io.quarkus.test.junit.QuarkusTest;
import org.dangjian.activity.Fixtures.Org;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.dangjian.activity.Activities.*;
import static org.dangjian.activity.Fixtures.*;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A member who leaves their organization (a transfer within the platform, out of it, the end of membership):
 * off the rosters of the activities planned from that day, and released as host or recorder of them.
 */
@QuarkusTest
class MemberDeparturesTest {

    private static final String ROSTER = "activity-service.roster";
    private static final LocalDate SINCE = LocalDate.of(2024, 1, 1);
    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.ofHours(8));
    private static final LocalDate LEAVES_ON = NOW.toLocalDate().plusDays(10);

    @Test
    void aMemberTransferredOutOfThePlatformIsOnNoRosterFromThatDay() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), SINCE);
        UUID before = planned(branch.id(), "THEMED_PARTY_DAY", NOW.plusDays(2));
        UUID after = planned(branch.id(), "THEMED_PARTY_DAY", NOW.plusDays(20));

        UUID event = transferredOut(member, branch.id(), LEAVES_ON, 2);
        awaitProcessed(ROSTER, event);

        assertEquals(List.of(member.toString()), rosterOf(before));
        assertEquals(List.of(), rosterOf(after));
        assertEquals(List.of(), rosterOn(branch, LEAVES_ON));
        assertEquals(1, count("""
                select count(*) from roster_member where member_id = ?1 and org_id is null and transferred_out_on = ?2""",
                member, LEAVES_ON));
        assertNull(deadLetter(event));
    }

    @Test
    void anEndedMemberIsNotOnTheRosterOfAnActivityPlannedAfterTheEnd() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), SINCE);
        UUID before = planned(branch.id(), "THEMED_PARTY_DAY", NOW.plusDays(2));
        UUID after = planned(branch.id(), "THEMED_PARTY_DAY", NOW.plusDays(20));

        awaitProcessed(ROSTER, ended(member, branch.id(), "DECEASED", LEAVES_ON, 2));

        assertEquals(List.of(member.toString()), rosterOf(before));
        assertEquals(List.of(), rosterOf(after));
    }

    @Test
    void aTransferInFromOutsideAfterATransferOutOpensANewPeriod() {
        Org committee = root();
        Org first = child(committee, "BRANCH");
        Org second = child(committee, "BRANCH");
        UUID member = fullMember(first.id(), SINCE);
        LocalDate out = LocalDate.of(2025, 3, 1);
        LocalDate back = LocalDate.of(2025, 9, 1);

        transferredOut(member, first.id(), out, 2);
        awaitProcessed(ROSTER, transferredIn(member, second.id(), back, 3));

        assertEquals(List.of(member.toString()), rosterOn(first, out.minusDays(1)));
        assertEquals(List.of(), rosterOn(first, out));
        assertEquals(List.of(), rosterOn(second, back.minusDays(1)));
        assertEquals(List.of(member.toString()), rosterOn(second, back));
        assertEquals(1, count("""
                select count(*) from roster_member where member_id = ?1 and org_id = ?2 and transferred_out_on is null""",
                member, second.id()));
    }

    @Test
    void hostAndRecorderWhoLeaveAreReleasedFromTheActivitiesPlannedFromThatDayOn() {
        Org committee = root();
        Org branch = child(committee, "BRANCH");
        Org other = child(committee, "BRANCH");
        UUID host = fullMember(branch.id(), SINCE);
        UUID recorder = fullMember(branch.id(), SINCE);
        UUID before = plannedWith(branch, NOW.plusDays(2), host, recorder);
        UUID after = plannedWith(branch, NOW.plusDays(20), host, recorder);

        transferred(host, branch.id(), other.id(), LEAVES_ON, 2);
        awaitProcessed(ROSTER, ended(recorder, branch.id(), "WITHDRAWN", LEAVES_ON, 2));
        await("host released").atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from activity where id = ?1 and host_member_id is null", after) == 1);

        admin().get("/api/v1/activities/" + after).then().statusCode(200)
                .body("host", nullValue()).body("hostMemberId", nullValue())
                .body("recorder", nullValue()).body("recorderMemberId", nullValue());
        admin().get("/api/v1/activities/" + before).then().statusCode(200)
                .body("hostMemberId", equalTo(host.toString())).body("recorderMemberId", equalTo(recorder.toString()));
        // who they were stays in the audit log
        assertEquals(1, count("""
                select count(*) from audit_entry where target_id = ?1 and action = 'ACTIVITY_MEMBER_RELEASED'
                  and details->'before'->>'hostMemberId' = ?2 and details->'after'->>'hostMemberId' is null""",
                after, host.toString()));
    }

    @Test
    void aHostTransferredOutOfThePlatformIsReleased() {
        Org branch = child(root(), "BRANCH");
        UUID host = fullMember(branch.id(), SINCE);
        UUID after = plannedWith(branch, NOW.plusDays(20), host, null);

        awaitProcessed(ROSTER, transferredOut(host, branch.id(), LEAVES_ON, 2));

        admin().get("/api/v1/activities/" + after).then().statusCode(200)
                .body("host", nullValue()).body("hostMemberId", nullValue());
    }

    @Test
    void aStageChangeReleasesNobody() {
        Org branch = child(root(), "BRANCH");
        UUID host = UUID.randomUUID();
        registered(host, branch.id(), "PROBATIONARY", "预备党员甲", SINCE, 1);
        await("host").atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from roster_member where member_id = ?1", host) == 1);
        UUID after = plannedWith(branch, NOW.plusDays(20), host, null);

        awaitProcessed(ROSTER, stageChanged(host, branch.id(), "PROBATIONARY", "FULL", LEAVES_ON, 2));

        admin().get("/api/v1/activities/" + after).then().statusCode(200)
                .body("hostMemberId", equalTo(host.toString())).body("host", equalTo("预备党员甲"));
    }

    @Test
    void aHeldActivityKeepsItsHostEvenWhenTheirDepartureIsRecordedBackdated() {
        Org branch = child(root(), "BRANCH");
        UUID host = fullMember(branch.id(), SINCE);
        OffsetDateTime heldAt = OffsetDateTime.parse("2025-05-20T14:00:00+08:00");
        UUID activity = plannedWith(branch, heldAt, host, null);
        record(admin(), activity, recording(heldAt, line(host, "PRESENT")));

        awaitProcessed(ROSTER, transferredOut(host, branch.id(), LocalDate.of(2025, 5, 1), 2));

        admin().get("/api/v1/activities/" + activity).then().statusCode(200).body("hostMemberId", equalTo(host.toString()));
    }

    /** Plans an activity hosted and recorded by members (recorder may be null). */
    private static UUID plannedWith(Org branch, OffsetDateTime start, UUID host, UUID recorder) {
        Map<String, Object> plan = plan(branch.id(), "THEMED_PARTY_DAY", start);
        plan.remove("host");
        plan.remove("recorder");
        plan.put("hostMemberId", host.toString());
        if (recorder != null) {
            plan.put("recorderMemberId", recorder.toString());
        }
        return UUID.fromString(admin().body(plan).post("/api/v1/activities").then().statusCode(201).extract().path("id"));
    }

    private static List<String> rosterOf(UUID activity) {
        return admin().get("/api/v1/activities/" + activity + "/roster").then().statusCode(200)
                .extract().jsonPath().getList("items.memberId", String.class);
    }

    private static List<String> rosterOn(Org org, LocalDate on) {
        return admin().get("/api/v1/organizations/" + org.id() + "/roster?on=" + on).then().statusCode(200)
                .extract().jsonPath().getList("items.memberId", String.class);
    }
}
