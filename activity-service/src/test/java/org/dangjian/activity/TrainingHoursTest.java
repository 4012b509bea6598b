package org.dangjian.activity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.dangjian.activity.Fixtures.Org;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.dangjian.activity.Activities.*;
import static org.dangjian.activity.ComplianceReportTest.at;
import static org.dangjian.activity.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The monthly running totals of training hours (member_training_hours) and the year-to-date ones the
 * report reads (member_training_ytd) move with every recording and correction of a held TRAINING
 * activity, and the report's members below their hours follow them.
 */
@QuarkusTest
class TrainingHoursTest {

    private static final LocalDate SINCE = LocalDate.of(2024, 1, 1);

    @Test
    void recordingATrainingAddsItsHoursToEachMembersMonth() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), SINCE);
        held(branch.id(), "TRAINING", at("2025-03-01T09:00"), line(member, "PRESENT", new BigDecimal("20")));
        held(branch.id(), "TRAINING", at("2025-03-20T09:00"), line(member, "PRESENT", new BigDecimal("4.5")));

        assertEquals(new BigDecimal("24.50"), total(member, "2025-03-01"));
    }

    @Test
    void recordingATrainingAddsItsHoursToTheMembersYearFromItsMonthOn() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), SINCE);
        held(branch.id(), "TRAINING", at("2025-03-01T09:00"), line(member, "PRESENT", new BigDecimal("20")));
        held(branch.id(), "TRAINING", at("2025-05-20T09:00"), line(member, "PRESENT", new BigDecimal("4.5")));

        assertEquals(List.of("0.00", "0.00", "20.00", "20.00", "24.50", "24.50", "24.50", "24.50", "24.50", "24.50", "24.50",
                "24.50"), yearToDate(member, 2025));
    }

    @Test
    void theReportsSummaryFollowsTrainingAsItIsRecorded() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), SINCE);
        assertEquals(1, summaryBelowHours(branch, "year=2025"));

        held(branch.id(), "TRAINING", at("2025-11-01T09:00"), line(member, "PRESENT", new BigDecimal("32")));

        assertEquals(0, summaryBelowHours(branch, "year=2025"));
        assertEquals(0, summaryBelowHours(branch, "year=2025&quarter=4"));
        assertEquals(1, summaryBelowHours(branch, "year=2025&month=10"));
    }

    @Test
    void correctionBelowTheBoundaryPutsTheMemberBelowTheHoursAndBackAbove() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), SINCE);
        UUID training = held(branch.id(), "TRAINING", at("2025-03-01T09:00"), line(member, "PRESENT", new BigDecimal("32")));
        assertEquals(0, belowHours(branch, "year=2025&quarter=1"));

        correct(training, at("2025-03-01T09:00"), line(member, "PRESENT", new BigDecimal("31.99")));
        assertEquals(new BigDecimal("31.99"), total(member, "2025-03-01"));
        assertEquals(1, belowHours(branch, "year=2025&quarter=1"));

        correct(training, at("2025-03-01T09:00"), line(member, "PRESENT", new BigDecimal("32.00")));
        assertEquals(new BigDecimal("32.00"), total(member, "2025-03-01"));
        assertEquals(0, belowHours(branch, "year=2025&quarter=1"));
    }

    @Test
    void correctionToAbsentTakesTheHoursBackOff() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), SINCE);
        held(branch.id(), "TRAINING", at("2025-02-10T09:00"), line(member, "PRESENT", new BigDecimal("30")));
        UUID training = held(branch.id(), "TRAINING", at("2025-03-01T09:00"), line(member, "PRESENT", new BigDecimal("2")));
        assertEquals(0, belowHours(branch, "year=2025&quarter=1"));

        correct(training, at("2025-03-01T09:00"), line(member, "ABSENT"));

        assertEquals(new BigDecimal("0.00"), total(member, "2025-03-01"));
        assertEquals(new BigDecimal("30.00"), total(member, "2025-02-01"));
        assertEquals(1, belowHours(branch, "year=2025&quarter=1"));
    }

    @Test
    void correctionOfTheDayHeldMovesTheHoursToTheNewMonth() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), SINCE);
        // the last evening of March in the business time zone, still March 31 in Shanghai
        UUID training = held(branch.id(), "TRAINING", at("2025-03-31T23:30"), line(member, "PRESENT", new BigDecimal("32")));
        assertEquals(0, belowHours(branch, "year=2025&month=3"));

        correct(training, at("2025-04-01T00:10"), line(member, "PRESENT", new BigDecimal("32")));

        assertEquals(new BigDecimal("0.00"), total(member, "2025-03-01"));
        assertEquals(new BigDecimal("32.00"), total(member, "2025-04-01"));
        assertEquals(List.of("0.00", "0.00", "0.00", "32.00", "32.00", "32.00", "32.00", "32.00", "32.00", "32.00", "32.00",
                "32.00"), yearToDate(member, 2025));
        assertEquals(1, belowHours(branch, "year=2025&month=3"));
        assertEquals(1, belowHours(branch, "year=2025&quarter=1"));
        assertEquals(0, belowHours(branch, "year=2025&month=4"));
        assertEquals(0, belowHours(branch, "year=2025&quarter=2"));
    }

    @Test
    void hoursOfOtherTypesAndOfAnotherYearAreNotTraining() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), SINCE);
        held(branch.id(), "VOLUNTEER_SERVICE", at("2025-03-01T09:00"), line(member, "PRESENT", new BigDecimal("40")));
        held(branch.id(), "TRAINING", at("2024-12-31T20:00"), line(member, "PRESENT", new BigDecimal("40")));

        assertEquals(null, total(member, "2025-03-01"));
        assertEquals(new BigDecimal("40.00"), total(member, "2024-12-01"));
        assertEquals(1, belowHours(branch, "year=2025"));
        assertEquals(0, belowHours(branch, "year=2024"));
    }

    @Test
    void totalsAgreeWithEveryHeldTrainingsAttendance() {
        // whatever the other tests recorded and corrected in this database: no drift from the attendance lines
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), SINCE);
        UUID training = held(branch.id(), "TRAINING", at("2025-06-01T09:00"), line(member, "PRESENT", new BigDecimal("8")));
        correct(training, at("2025-07-01T09:00"), line(member, "PRESENT", new BigDecimal("6")));

        assertEquals(0, count("""
                select count(*) from (
                  select t.member_id, cast(date_trunc('month', a.held_on) as date) as held_month, sum(t.hours) as hours
                  from activity a join activity_attendance t on t.activity_id = a.id
                  where a.type = 'TRAINING' and a.status = 'HELD' and t.hours is not null
                  group by 1, 2) x
                full join (select * from member_training_hours where hours <> 0) h
                  on h.member_id = x.member_id and h.held_month = x.held_month
                where x.hours is distinct from h.hours"""));
    }

    @Test
    void yearToDateTotalsAgreeWithTheMonthlyOnes() {
        // whatever the other tests recorded and corrected in this database: element k is January..k's months
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), SINCE);
        UUID training = held(branch.id(), "TRAINING", at("2025-02-01T09:00"), line(member, "PRESENT", new BigDecimal("8")));
        correct(training, at("2025-08-01T09:00"), line(member, "PRESENT", new BigDecimal("6")));

        assertEquals(0, count("""
                select count(*) from member_training_ytd y cross join generate_series(1, 12) m
                where y.hours[m] <> (select coalesce(sum(h.hours), 0) from member_training_hours h
                                     where h.member_id = y.member_id and h.held_month >= make_date(y.year, 1, 1)
                                       and h.held_month <= make_date(y.year, m, 1))"""));
        assertEquals(0, count("""
                select count(*) from member_training_hours h where h.hours <> 0 and not exists (
                  select 1 from member_training_ytd y
                  where y.member_id = h.member_id and y.year = cast(extract(year from h.held_month) as int))"""));
    }

    @SafeVarargs
    private static void correct(UUID activity, OffsetDateTime start, Map<String, Object>... lines) {
        Map<String, Object> body = recording(start, lines);
        body.put("correctionReason", "学时登记有误");
        record(admin(), activity, body);
    }

    private static int belowHours(Org branch, String period) {
        return admin().get("/api/v1/compliance-report?orgId=" + branch.id() + "&" + period).then().statusCode(200)
                .extract().jsonPath().getInt("items[0].membersBelowTrainingHours");
    }

    private static int summaryBelowHours(Org branch, String period) {
        return admin().get("/api/v1/compliance-report?orgId=" + branch.id() + "&" + period).then().statusCode(200)
                .extract().jsonPath().getInt("summary.membersBelowTrainingHours");
    }

    /** The member's year-to-date totals at the end of each month, as text with two decimals. */
    private static List<String> yearToDate(UUID member, int year) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object> rows = em().createNativeQuery("""
                    select cast(h as text) from member_training_ytd y cross join unnest(y.hours) with ordinality as u(h, i)
                    where y.member_id = ?1 and y.year = ?2 order by u.i""")
                    .setParameter(1, member).setParameter(2, year).getResultList();
            return rows.stream().map(Object::toString).toList();
        });
    }

    private static BigDecimal total(UUID member, String month) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var rows = em().createNativeQuery("select hours from member_training_hours where member_id = ?1 and held_month = ?2")
                    .setParameter(1, member).setParameter(2, LocalDate.parse(month)).getResultList();
            return rows.isEmpty() ? null : (BigDecimal) rows.get(0);
        });
    }
}
