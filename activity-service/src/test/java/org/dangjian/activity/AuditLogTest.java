package org.dangjian.activity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.dangjian.activity.Fixtures.Org;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.dangjian.activity.Activities.*;
import static org.dangjian.activity.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every write of activity-service leaves an entry in the append-only audit log (issue 9). */
@QuarkusTest
class AuditLogTest {

    private static final OffsetDateTime HELD = OffsetDateTime.parse("2026-06-30T14:30:00+08:00");

    private static long entries(UUID target, String action, String condition) {
        return count("select count(*) from audit_entry where target_id = ?1 and action = ?2 and actor <> 'system' and "
                + condition, target, action);
    }

    @Test
    void planningIsAuditedWithTheActorAndTheNewActivity() {
        Org branch = child(root(), "BRANCH");
        UUID activity = planned(branch.id(), "PARTY_LECTURE", HELD);
        assertEquals(1, entries(activity, "ACTIVITY_PLANNED",
                "target_type = 'activity' and (details->'before')::jsonb = 'null'::jsonb and details->'after'->>'status' = 'PLANNED'"));
    }

    @Test
    void recordingAndCorrectionAreAuditedWithBeforeAndAfterButNoLeaveReason() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), LocalDate.of(2025, 1, 1));
        UUID activity = held(branch.id(), "BRANCH_GENERAL_MEETING", HELD, line(member, "LEAVE"));
        Map<String, Object> corrected = recording(HELD, line(member, "ABSENT"));
        corrected.put("correctionReason", "请假未获批准");
        record(admin(), activity, corrected);

        assertEquals(1, entries(activity, "ACTIVITY_RECORDED", "details->'before'->>'status' = 'PLANNED' "
                + "and details->'after'->>'status' = 'HELD' "
                + "and details->'after'->'attendance'->0->>'leaveReasonGiven' = 'true'"));
        assertEquals(1, entries(activity, "ACTIVITY_CORRECTED", "details->'before'->'attendance'->0->>'status' = 'LEAVE' "
                + "and details->'after'->'attendance'->0->>'status' = 'ABSENT' and (details->'after'->>'revision')::int = 2"));
        assertEquals(0, count("select count(*) from audit_entry where target_id = ?1 and details::text like '%外出务工%'",
                activity));
    }

    @Test
    void cancellingIsAudited() {
        Org branch = child(root(), "BRANCH");
        UUID activity = planned(branch.id(), "THEMED_PARTY_DAY", HELD);
        admin().body(Map.of("reason", "台风预警")).header("If-Match", current(activity)).post("/api/v1/activities/" + activity + "/cancel").then().statusCode(200);
        assertEquals(1, entries(activity, "ACTIVITY_CANCELLED",
                "details->'after'->>'cancelReason' = '台风预警' and details->'before'->>'status' = 'PLANNED'"));
    }

    @Test
    void refusedWriteLeavesNoEntry() {
        Org branch = child(root(), "BRANCH");
        UUID activity = held(branch.id(), "THEMED_PARTY_DAY", HELD);
        admin().body(Map.of("reason", "x")).header("If-Match", current(activity)).post("/api/v1/activities/" + activity + "/cancel").then().statusCode(409);
        assertEquals(0, count("select count(*) from audit_entry where target_id = ?1 and action = 'ACTIVITY_CANCELLED'",
                activity));
    }

    @Test
    void generatingAYearPlanIsAuditedOnTheOrganization() {
        Org branch = child(root(), "BRANCH");
        int year = LocalDate.now().getYear() + 1;
        as(Caller.BRANCH_SECRETARY, branch.id()).body(Map.of("year", year))
                .post("/api/v1/organizations/" + branch.id() + "/year-plans").then().statusCode(201);
        assertEquals(1, count("""
                select count(*) from audit_entry where target_type = 'year_plan' and target_id = ?1
                  and action = 'YEAR_PLAN_GENERATED' and (details->'after'->>'year')::int = ?2
                  and json_array_length(details->'after'->'activityIds') = (details->'after'->>'activities')::int""",
                branch.id(), year));
    }

    @Test
    void flaggingAfterADissolutionIsAuditedAsTheSystem() {
        Org branch = child(root(), "BRANCH");
        UUID activity = planned(branch.id(), "PARTY_LECTURE", OffsetDateTime.now().plusDays(5));
        var node = json().put("id", branch.id().toString()).put("code", "T1").put("name", "撤销的支部")
                .put("type", "BRANCH").put("path", branch.path()).put("status", "DISSOLVED")
                .put("establishedOn", "2020-01-01").put("version", 1);
        publish(ORGANIZATION_TOPIC, UUID.randomUUID(), "organization.dissolved", branch.id().toString(), node,
                "/organization-service");
        await("flag audited").atMost(Duration.ofSeconds(30)).until(() -> count("""
                select count(*) from audit_entry where target_id = ?1 and action = 'ACTIVITY_FLAGGED_ORGANIZATION_DISSOLVED'
                  and actor = 'system' and details->'after'->>'orgDissolvedAt' is not null""", activity) == 1);
    }

    @Test
    void auditEntriesCanBeNeitherChangedNorDeleted() {
        Org branch = child(root(), "BRANCH");
        UUID activity = planned(branch.id(), "PARTY_LECTURE", HELD);
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> em()
                .createNativeQuery("update audit_entry set actor = 'someone else' where target_id = ?1")
                .setParameter(1, activity).executeUpdate()));
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> em()
                .createNativeQuery("delete from audit_entry where target_id = ?1")
                .setParameter(1, activity).executeUpdate()));
        assertEquals(1, count("select count(*) from audit_entry where target_id = ?1", activity));
    }
}
