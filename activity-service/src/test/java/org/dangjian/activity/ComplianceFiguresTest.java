package org.dangjian.activity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.dangjian.activity.Fixtures.Org;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.dangjian.activity.Activities.*;
import static org.dangjian.activity.ComplianceReportTest.at;
import static org.dangjian.activity.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The report reads figures kept per organization and year (V15) instead of counting activities and
 * members per request: each change a user makes shows in the next report, and the kept figures equal
 * a count from scratch whatever the tests before did.
 */
@QuarkusTest
class ComplianceFiguresTest {

    private static final LocalDate SINCE = LocalDate.of(2024, 1, 1);

    @Test
    void correctingTheDayHeldMovesTheActivityToTheOtherMonth() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), SINCE);
        UUID day = held(branch.id(), "THEMED_PARTY_DAY", at("2025-03-31T20:00"), line(member, "PRESENT"));
        assertEquals(1, heldOf(branch, "year=2025&month=3", "THEMED_PARTY_DAY"));

        record(admin(), day, correction(recording(at("2025-04-01T09:00"), line(member, "PRESENT"))));

        assertEquals(0, heldOf(branch, "year=2025&month=3", "THEMED_PARTY_DAY"));
        assertEquals(1, heldOf(branch, "year=2025&month=4", "THEMED_PARTY_DAY"));
        assertEquals(1, heldOf(branch, "year=2025", "THEMED_PARTY_DAY"));
    }

    @Test
    void correctingAttendanceChangesTheAttendanceOfThePeriod() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), SINCE);
        UUID meeting = held(branch.id(), "BRANCH_GENERAL_MEETING", at("2025-05-10T09:00"), line(member, "PRESENT"));

        record(admin(), meeting, correction(recording(at("2025-05-10T09:00"), line(member, "LEAVE"))));

        JsonPath report = report(branch, "year=2025&quarter=2");
        assertEquals(1, report.getInt("summary.attendance.expected"));
        assertEquals(0, report.getInt("summary.attendance.present"));
        assertEquals(1, report.getInt("summary.attendance.leave"));
    }

    @Test
    void cancellingAPlannedActivityLeavesTheHeldOnesCounted() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), SINCE);
        held(branch.id(), "PARTY_LECTURE", at("2025-02-10T09:00"), line(member, "PRESENT"));
        UUID planned = planned(branch.id(), "PARTY_LECTURE", at("2025-03-10T09:00"));

        admin().body(java.util.Map.of("reason", "改期")).header("If-Match", current(planned))
                .post("/api/v1/activities/" + planned + "/cancel").then().statusCode(200);

        assertEquals(1, heldOf(branch, "year=2025&quarter=1", "PARTY_LECTURE"));
    }

    @Test
    void aTransferredMemberCountsForTheNewBranchFromTheMonthOfTheTransfer() {
        Org from = child(root(), "BRANCH");
        Org to = child(root(), "BRANCH");
        UUID member = fullMember(from.id(), SINCE);

        transferred(member, from.id(), to.id(), LocalDate.of(2025, 6, 15), 2);
        await("the transfer").atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from roster_member where member_id = ?1 and source_version = 2",
                        member) == 1);

        assertEquals(1, report(from, "year=2025&month=5").getInt("summary.membersBelowTrainingHours"));
        assertEquals(0, report(from, "year=2025&month=6").getInt("summary.membersBelowTrainingHours"));
        assertEquals(0, report(to, "year=2025&month=5").getInt("summary.membersBelowTrainingHours"));
        assertEquals(1, report(to, "year=2025&month=6").getInt("summary.membersBelowTrainingHours"));
        assertEquals(1, report(to, "year=2025").getInt("items[0].fullMembers"));
    }

    @Test
    void aLateTransferBackdatedYearsMovesTheFiguresFromItsDay() {
        Org from = child(root(), "BRANCH");
        Org between = child(root(), "BRANCH");
        Org to = child(root(), "BRANCH");
        UUID member = fullMember(from.id(), LocalDate.of(2020, 1, 1));
        transferred(member, from.id(), to.id(), LocalDate.of(2025, 6, 15), 3);
        await("the transfer").atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from roster_member where member_id = ?1 and source_version = 3",
                        member) == 1);

        // version 2 arrives last: the roster replays it before version 3, from 1 March 2022
        transferred(member, from.id(), between.id(), LocalDate.of(2022, 3, 1), 2);
        await("the late transfer").atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from membership_period where member_id = ?1 and org_id = ?2",
                        member, between.id()) == 1);

        assertEquals(1, report(from, "year=2022&month=2").getInt("items[0].fullMembers"));
        assertEquals(0, report(from, "year=2022&month=3").getInt("items[0].fullMembers"));
        assertEquals(1, report(between, "year=2022&month=3").getInt("items[0].fullMembers"));
        assertEquals(1, report(between, "year=2024").getInt("items[0].fullMembers"));
        assertEquals(0, report(between, "year=2025").getInt("items[0].fullMembers"));
        assertEquals(1, report(to, "year=2025").getInt("items[0].fullMembers"));
    }

    @Test
    void aMemberTransferredOutOfThePlatformCountsNowhereUntilTransferredBackIn() {
        Org branch = child(root(), "BRANCH");
        Org later = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), SINCE);

        transferredOut(member, branch.id(), LocalDate.of(2025, 6, 15), 2);
        awaitProcessed("activity-service.roster", transferredIn(member, later.id(), LocalDate.of(2025, 9, 1), 3));

        assertEquals(1, report(branch, "year=2025&month=5").getInt("items[0].fullMembers"));
        assertEquals(0, report(branch, "year=2025&month=6").getInt("items[0].fullMembers"));
        assertEquals(0, report(branch, "year=2025&month=6").getInt("summary.membersBelowTrainingHours"));
        assertEquals(0, report(later, "year=2025&month=8").getInt("items[0].fullMembers"));
        assertEquals(1, report(later, "year=2025&month=9").getInt("items[0].fullMembers"));
        assertEquals(0, keptMemberFiguresDifferingFromACount());
    }

    @Test
    void aMemberGivenALeadersSeatOwesTheLeadersHoursFromTheSeatsStart() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), SINCE);
        held(branch.id(), "TRAINING", at("2025-02-10T09:00"), line(member, "PRESENT", new BigDecimal("40")));
        assertEquals(0, report(branch, "year=2025").getInt("summary.membersBelowTrainingHours"));

        leadership(branch, 1, seat("SECRETARY", member, LocalDate.of(2025, 7, 1)));

        assertEquals(0, report(branch, "year=2025&month=6").getInt("summary.membersBelowTrainingHours"));
        JsonPath year = report(branch, "year=2025");
        assertEquals(1, year.getInt("summary.membersBelowTrainingHours"));
        assertEquals(1, year.getInt("summary.leadersBelowTrainingHours"));
    }

    @Test
    void aYearAfterEveryRecordedChangeCountsTheRosterWithNoHoursYet() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), SINCE);
        held(branch.id(), "TRAINING", at("2025-02-10T09:00"), line(member, "PRESENT", new BigDecimal("40")));

        JsonPath later = report(branch, "year=2031&quarter=2");
        assertEquals(1, later.getInt("summary.membersBelowTrainingHours"));
        assertEquals(1, later.getInt("items[0].fullMembers"));
        assertEquals(0, report(branch, "year=2025").getInt("summary.membersBelowTrainingHours"));
    }

    @Test
    void keptActivityFiguresEqualACountOfTheHeldActivities() {
        // whatever the tests in this database recorded, corrected and cancelled
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), SINCE);
        UUID meeting = held(branch.id(), "BRANCH_GENERAL_MEETING", at("2025-08-10T09:00"), line(member, "PRESENT"));
        record(admin(), meeting, correction(recording(at("2025-09-10T09:00"), line(member, "ABSENT"))));

        assertEquals(0, count("""
                with fresh as (
                  select org_id, cast(extract(year from held_on) as int) as year, type, k,
                         count(*) filter (where extract(month from held_on) <= k) as held
                  from activity cross join generate_series(1, 12) k where status = 'HELD' group by 1, 2, 3, 4)
                select count(*) from fresh f
                full join (select h.org_id, h.year, h.type, k, h.held[k] as held from activity_held_ytd h
                           cross join generate_series(1, 12) k) h
                  on h.org_id = f.org_id and h.year = f.year and h.type = f.type and h.k = f.k
                where coalesce(h.held, 0) <> coalesce(f.held, 0)"""));
        assertEquals(0, count("""
                with fresh as (
                  select org_id, cast(extract(year from held_on) as int) as year, k,
                         sum(expected_count) filter (where extract(month from held_on) <= k) as expected,
                         sum(present_count) filter (where extract(month from held_on) <= k) as present,
                         sum(leave_count) filter (where extract(month from held_on) <= k) as on_leave
                  from activity cross join generate_series(1, 12) k where status = 'HELD' group by 1, 2, 3)
                select count(*) from fresh f
                full join (select t.org_id, t.year, k, t.expected[k] as expected, t.present[k] as present, t.on_leave[k] as on_leave
                           from activity_attendance_ytd t cross join generate_series(1, 12) k) t
                  on t.org_id = f.org_id and t.year = f.year and t.k = f.k
                where coalesce(t.expected, 0) <> coalesce(f.expected, 0) or coalesce(t.present, 0) <> coalesce(f.present, 0)
                   or coalesce(t.on_leave, 0) <> coalesce(f.on_leave, 0)"""));
    }

    @Test
    void keptMemberFiguresEqualACountOfTheRosterSeatsAndHours() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), SINCE);
        held(branch.id(), "TRAINING", at("2025-03-10T09:00"), line(member, "PRESENT", new BigDecimal("60")));
        leadership(branch, 1, seat("SECRETARY", member, LocalDate.of(2025, 5, 1)));

        assertEquals(0, keptMemberFiguresDifferingFromACount());
    }

    @Test
    void everyActivityTypeHasItsHeldColumn() {
        // recording a type without its column would fail inside the recording's transaction
        for (org.dangjian.activity.activity.ActivityType type : org.dangjian.activity.activity.ActivityType.values()) {
            assertEquals(1, count("""
                    select count(*) from information_schema.columns
                    where table_name = 'activity_figures_ytd' and column_name = ?1""",
                    org.dangjian.activity.activity.HeldActivities.heldColumn(type)), type.name());
        }
    }

    @Test
    void keptMemberFiguresStayEqualToACountWhenTrainingAndTransfersOfTheSameMembersCross() throws Exception {
        Org from = child(root(), "BRANCH");
        Org to = child(root(), "BRANCH");
        java.util.List<UUID> members = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            members.add(fullMember(from.id(), SINCE));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<?>> writes = new java.util.ArrayList<>();
            for (int day = 1; day <= 4; day++) {
                int d = day;
                writes.add(pool.submit(() -> held(from.id(), "TRAINING", at("2025-02-0" + d + "T09:00"),
                        members.stream().map(m -> line(m, "PRESENT", new BigDecimal("9"))).toArray(java.util.Map[]::new))));
            }
            members.forEach(m -> writes.add(pool.submit(() -> transferred(m, from.id(), to.id(), LocalDate.of(2025, 3, 2), 2))));
            for (java.util.concurrent.Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdown();
        }
        await("the transfers").atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from roster_member where member_id = any(cast(?1 as uuid[])) and source_version = 2",
                        org.dangjian.platform.api.jdbc.PgArray.literal(members)) == members.size());

        assertEquals(0, keptMemberFiguresDifferingFromACount());
        JsonPath march = report(to, "year=2025&month=3");
        assertEquals(members.size(), march.getInt("items[0].fullMembers"));
        assertEquals(0, march.getInt("summary.membersBelowTrainingHours"));
    }

    /**
     * Every branch, year and month as the report reads the kept figures (a row, else the latest earlier December
     * with nobody's hours) where they differ from a count from scratch, whatever the tests in this database did.
     */
    private static long keptMemberFiguresDifferingFromACount() {
        return count("""
                with last_year as (
                  select cast(greatest((select max(extract(year from coalesce(valid_to, valid_from))) from membership_period),
                                       (select max(extract(year from coalesce(ended_on, started_on))) from leadership_seat),
                                       (select max(year) from member_training_ytd)) as int) + 1 as year),
                fresh as (
                  select org_id, year, month, sum(full_member) as full_members, sum(below) as below,
                         sum(leader_below) as leaders_below
                  from member_month_figures(null, (select year from last_year),
                                            array['PROBATIONARY', 'FULL'],
                                            array['SECRETARY', 'DEPUTY_SECRETARY', 'ORGANIZATION', 'PUBLICITY', 'DISCIPLINE', 'OTHER'],
                                            32, 56)
                  where year is not null group by 1, 2, 3),
                asked as (select distinct org_id, year, month from fresh
                          union select org_id, year, k from branch_member_figures cross join generate_series(1, 12) k),
                kept as (
                  select a.org_id, a.year, a.month,
                         case when f.year = a.year then f.full_members[a.month] else f.full_members[12] end as full_members,
                         case when f.year = a.year then f.below[a.month] else f.on_roster[12] end as below,
                         case when f.year = a.year then f.leaders_below[a.month] else f.leaders[12] end as leaders_below
                  from asked a left join lateral (select * from branch_member_figures f
                                                  where f.org_id = a.org_id and f.year <= a.year
                                                  order by f.year desc limit 1) f on true)
                select count(*) from kept k left join fresh f on f.org_id = k.org_id and f.year = k.year and f.month = k.month
                where coalesce(k.full_members, 0) <> coalesce(f.full_members, 0) or coalesce(k.below, 0) <> coalesce(f.below, 0)
                   or coalesce(k.leaders_below, 0) <> coalesce(f.leaders_below, 0)""");
    }

    private static java.util.Map<String, Object> correction(java.util.Map<String, Object> body) {
        body.put("correctionReason", "登记有误");
        return body;
    }

    private static JsonPath report(Org org, String period) {
        return admin().get("/api/v1/compliance-report?orgId=" + org.id() + "&" + period).then().statusCode(200)
                .extract().jsonPath();
    }

    private static int heldOf(Org branch, String period, String type) {
        return report(branch, period).getInt("items[0].requirements.find { it.type == '" + type + "' }.held");
    }
}
