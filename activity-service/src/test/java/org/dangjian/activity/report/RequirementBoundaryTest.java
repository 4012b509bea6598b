package org.dangjian.activity.report;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.dangjian.activity.activity.ActivityType;
import org.dangjian.activity.config.ActivityRules.Condition;
import org.dangjian.activity.config.ActivityRules.Unit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.dangjian.activity.Fixtures.em;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each requirement's SQL evaluated by PostgreSQL at its boundaries, on one organization's year-to-date figures
 * written as the report reads them (element k: held from 1 January to the end of month k): which months or
 * quarters of a period it flags, and which branches owe it.
 */
@QuarkusTest
class RequirementBoundaryTest {

    private static final ReportPeriod YEAR = ReportPeriod.of(2025, null, null);
    private static final RequirementPolicy MONTHLY = policy(1, Unit.MONTH, Condition.ALWAYS);
    private static final RequirementPolicy QUARTERLY = policy(1, Unit.QUARTER, Condition.ALWAYS);

    @Test
    void aMonthWithNoneIsMissedAndAMonthWithOneIsNot() {
        ReportPeriod february = ReportPeriod.of(2025, null, 2);
        assertEquals(List.of("2025-02"), missed(MONTHLY, february, held(1, 0, 1, 3)));
        assertEquals(List.of(), missed(MONTHLY, february, held(0, 1, 0, 0)));
    }

    @Test
    void twelveMeetingsAllInDecemberMissElevenMonthsOfTheYear() {
        int[] december = new int[12];
        december[11] = 12;
        assertEquals(List.of("2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09",
                "2025-10", "2025-11"), missed(MONTHLY, YEAR, december));
        assertEquals(12, heldInPeriod(MONTHLY, YEAR, december));
    }

    @Test
    void oneEachMonthMeetsTheYear() {
        int[] each = new int[12];
        Arrays.fill(each, 1);
        assertEquals(List.of(), missed(MONTHLY, YEAR, each));
    }

    @Test
    void aQuarterIsMetByOneInAnyOfItsMonthsAndNotByOneInTheNextQuarter() {
        // 31 March counts for the first quarter, 1 April for the second
        assertEquals(List.of("2025-Q3", "2025-Q4"), missed(QUARTERLY, YEAR, held(0, 0, 1, 1)));
        assertEquals(List.of("2025-Q1", "2025-Q3", "2025-Q4"), missed(QUARTERLY, YEAR, held(0, 0, 0, 2)));
        assertEquals(List.of(), missed(QUARTERLY, ReportPeriod.of(2025, 1, null), held(0, 0, 1)));
        assertEquals(List.of("2025-Q2"), missed(QUARTERLY, ReportPeriod.of(2025, 2, null), held(0, 0, 1, 0, 0, 0, 1)));
    }

    @Test
    void theFirstMonthOfTheYearReadsNothingBeforeJanuary() {
        ReportPeriod january = ReportPeriod.of(2025, null, 1);
        assertEquals(List.of(), missed(MONTHLY, january, held(1)));
        assertEquals(List.of("2025-01"), missed(MONTHLY, january, held(0, 5)));
    }

    @Test
    void theLastMonthOfTheYearCountsOnlyWhatDecemberAdded() {
        ReportPeriod december = ReportPeriod.of(2025, null, 12);
        int[] allButDecember = new int[12];
        Arrays.fill(allButDecember, 0, 11, 1);
        assertEquals(List.of("2025-12"), missed(MONTHLY, december, allButDecember));
        allButDecember[11] = 1;
        assertEquals(List.of(), missed(MONTHLY, december, allButDecember));
    }

    @Test
    void aYearWithoutAnyOfTheTypeMissesEveryUnit() {
        assertEquals(4, missed(QUARTERLY, YEAR, null).size());
    }

    @Test
    void aMinimumOfTwoIsMissedByOneAndMetByTwo() {
        RequirementPolicy twice = policy(2, Unit.MONTH, Condition.ALWAYS);
        ReportPeriod march = ReportPeriod.of(2025, null, 3);
        assertEquals(List.of("2025-03"), missed(twice, march, held(0, 0, 1)));
        assertEquals(List.of(), missed(twice, march, held(0, 0, 2)));
    }

    @Test
    void aCommitteeMeetingIsOwedFromTheCommitteeThresholdOn() {
        RequirementPolicy committee = policy(1, Unit.MONTH, Condition.HAS_COMMITTEE);
        assertFalse(owes(committee, 6, false, null));
        assertTrue(owes(committee, 7, false, null));
        assertFalse(owes(committee, null, false, null));
    }

    @Test
    void aGroupMeetingIsOwedByABranchWithGroups() {
        RequirementPolicy groups = policy(1, Unit.MONTH, Condition.HAS_GROUPS);
        assertFalse(owes(groups, 20, false, null));
        assertTrue(owes(groups, 0, true, null));
    }

    @Test
    void aSectorRuleIsOwedInItsSectorOnlyAndTheGeneralRuleEverywhereElse() {
        RequirementPolicy organs = new RequirementPolicy(ActivityType.STUDY_SESSION, new Cadence(24, Unit.YEAR),
                Set.of(Sector.GOVERNMENT_ORGAN), Set.of(), Condition.ALWAYS);
        RequirementPolicy others = new RequirementPolicy(ActivityType.STUDY_SESSION, new Cadence(1, Unit.QUARTER), Set.of(),
                Set.of(Sector.GOVERNMENT_ORGAN), Condition.ALWAYS);
        assertTrue(owes(organs, 0, false, "GOVERNMENT_ORGAN"));
        assertFalse(owes(organs, 0, false, "VILLAGE"));
        assertFalse(owes(organs, 0, false, null));
        assertFalse(owes(others, 0, false, "GOVERNMENT_ORGAN"));
        assertTrue(owes(others, 0, false, "VILLAGE"));
        assertTrue(owes(others, 0, false, null));
    }

    @Test
    void twentyFourStudySessionsAYearAreMetByTwentyFourAnywhereInIt() {
        RequirementPolicy organs = new RequirementPolicy(ActivityType.STUDY_SESSION, new Cadence(24, Unit.YEAR),
                Set.of(Sector.GOVERNMENT_ORGAN), Set.of(), Condition.ALWAYS);
        int[] h = new int[12];
        h[5] = 23;
        assertEquals(List.of("2025"), missed(organs, YEAR, h));
        h[11] = 1;
        assertEquals(List.of(), missed(organs, YEAR, h));
    }

    private static RequirementPolicy policy(int minimum, Unit per, Condition when) {
        return new RequirementPolicy(ActivityType.BRANCH_COMMITTEE_MEETING, new Cadence(minimum, per), Set.of(), Set.of(), when);
    }

    /** Held per month from January; the months not given held none. */
    private static int[] held(int... perMonth) {
        return Arrays.copyOf(perMonth, 12);
    }

    /** The policy's units in the period that PostgreSQL flags as held below the minimum (perMonth null: no row of the type). */
    private static List<String> missed(RequirementPolicy policy, ReportPeriod period, int[] perMonth) {
        List<String> perUnit = new ArrayList<>();
        policy.cadence().unitsIn(period).forEach(unit -> perUnit.add(policy.heldIn(unit, "t.ytd")));
        int mask = evaluate(policy.cadence().missedMask(perUnit), perMonth);
        return policy.cadence().missedPeriods(mask, period);
    }

    private static int heldInPeriod(RequirementPolicy policy, ReportPeriod period, int[] perMonth) {
        List<String> perUnit = new ArrayList<>();
        policy.cadence().unitsIn(period).forEach(unit -> perUnit.add("(" + policy.heldIn(unit, "t.ytd") + ")"));
        return evaluate(String.join(" + ", perUnit), perMonth);
    }

    private static int evaluate(String expression, int[] perMonth) {
        String ytd = perMonth == null ? null : ytd(perMonth);
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em()
                .createNativeQuery("select " + expression + " from (select cast(cast(?1 as text) as int[]) as ytd) t")
                .setParameter(1, ytd).getSingleResult()).intValue());
    }

    /** The year-to-date array as activity_figures_ytd keeps it. */
    private static String ytd(int[] perMonth) {
        int[] ytd = new int[12];
        int sum = 0;
        for (int m = 0; m < 12; m++) {
            sum += perMonth[m];
            ytd[m] = sum;
        }
        return Arrays.toString(ytd).replace('[', '{').replace(']', '}');
    }

    private static boolean owes(RequirementPolicy policy, Integer fullMembers, boolean hasGroups, String sector) {
        String sql = "select " + policy.owedBy(new RequirementPolicy.BranchFacts("f.full_members", "f.has_groups", "f.sector"), 7)
                + " from (select cast(cast(?1 as text) as int) as full_members, cast(?2 as boolean) as has_groups,"
                + " cast(?3 as text) as sector) f";
        return QuarkusTransaction.requiringNew().call(() -> (Boolean) em().createNativeQuery(sql)
                .setParameter(1, fullMembers == null ? null : fullMembers.toString()).setParameter(2, hasGroups)
                .setParameter(3, sector).getSingleResult());
    }
}
