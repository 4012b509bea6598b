package org.dangjian.activity.report;

import org.dangjian.activity.config.ActivityRules.Unit;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which months, quarters and years a period owes a cadence in, and how the units that fell short are named. */
class CadenceTest {

    private static final ReportPeriod YEAR = ReportPeriod.of(2025, null, null);
    private static final ReportPeriod Q2 = ReportPeriod.of(2025, 2, null);
    private static final ReportPeriod MARCH = ReportPeriod.of(2025, null, 3);

    @Test
    void aYearOwesAMonthlyCadenceInEachOfItsTwelveMonths() {
        Cadence monthly = new Cadence(1, Unit.MONTH);
        assertEquals(List.of("2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09",
                "2025-10", "2025-11", "2025-12"), monthly.unitsIn(YEAR).stream().map(ReportPeriod::label).toList());
        assertEquals(12, monthly.requiredIn(YEAR));
    }

    @Test
    void aQuarterOwesAMonthlyCadenceInItsOwnThreeMonths() {
        List<ReportPeriod> units = new Cadence(2, Unit.MONTH).unitsIn(Q2);
        assertEquals(List.of("2025-04", "2025-05", "2025-06"), units.stream().map(ReportPeriod::label).toList());
        assertEquals(List.of(4, 5, 6), units.stream().map(ReportPeriod::firstMonth).toList());
        assertEquals(6, new Cadence(2, Unit.MONTH).requiredIn(Q2));
    }

    @Test
    void aYearOwesAQuarterlyCadenceInEachQuarter() {
        List<ReportPeriod> units = new Cadence(1, Unit.QUARTER).unitsIn(YEAR);
        assertEquals(List.of("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"), units.stream().map(ReportPeriod::label).toList());
        assertEquals(List.of(1, 4, 7, 10), units.stream().map(ReportPeriod::firstMonth).toList());
        assertEquals(List.of(3, 6, 9, 12), units.stream().map(ReportPeriod::lastMonth).toList());
    }

    @Test
    void aPeriodShorterThanTheUnitOwesNothingOfIt() {
        assertFalse(new Cadence(1, Unit.QUARTER).owedIn(MARCH));
        assertFalse(new Cadence(1, Unit.YEAR).owedIn(Q2));
        assertEquals(0, new Cadence(1, Unit.YEAR).requiredIn(Q2));
        assertTrue(new Cadence(1, Unit.QUARTER).owedIn(Q2));
        assertTrue(new Cadence(1, Unit.MONTH).owedIn(MARCH));
    }

    @Test
    void aMinimumOfZeroIsOwedNowhere() {
        assertFalse(new Cadence(0, Unit.MONTH).owedIn(YEAR));
    }

    @Test
    void aNegativeMinimumIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Cadence(-1, Unit.MONTH));
    }

    @Test
    void theMissedUnitsAreNamedFromTheirBitsInOrder() {
        Cadence monthly = new Cadence(1, Unit.MONTH);
        assertEquals(List.of("2025-01", "2025-12"), monthly.missedPeriods(1 | 1 << 11, YEAR));
        assertEquals(List.of(), monthly.missedPeriods(0, YEAR));
        assertEquals(List.of("2025-05"), monthly.missedPeriods(0b010, Q2));
        assertEquals(List.of("2025-Q4"), new Cadence(1, Unit.QUARTER).missedPeriods(0b1000, YEAR));
    }

    @Test
    void theMaskHasOneBitPerUnitSetWhenItsCountIsBelowTheMinimum() {
        assertEquals("(case when coalesce(a, 0) < 2 then 1 else 0 end + case when coalesce(b, 0) < 2 then 2 else 0 end)",
                new Cadence(2, Unit.MONTH).missedMask(List.of("a", "b")));
    }
}
