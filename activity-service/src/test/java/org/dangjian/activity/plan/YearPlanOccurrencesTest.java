package org.dangjian.activity.plan;

import org.dangjian.activity.config.ActivityRules;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where a generated plan puts each occurrence: evenly inside its month, quarter or year. */
class YearPlanOccurrencesTest {

    private static ActivityRules.Frequency every(int minimum, ActivityRules.Unit per) {
        return new ActivityRules.Frequency() {
            public int minimum() { return minimum; }
            public ActivityRules.Unit per() { return per; }
            public ActivityRules.Condition appliesWhen() { return ActivityRules.Condition.ALWAYS; }
        };
    }

    @Test
    void oncePerQuarterLandsMidQuarter() {
        assertEquals(List.of(LocalDate.of(2028, 2, 15), LocalDate.of(2028, 5, 16), LocalDate.of(2028, 8, 16),
                LocalDate.of(2028, 11, 16)), YearPlanService.occurrences(2028, every(1, ActivityRules.Unit.QUARTER)));
    }

    @Test
    void twicePerMonthInALeapFebruaryStaysInFebruary() {
        List<LocalDate> days = YearPlanService.occurrences(2028, every(2, ActivityRules.Unit.MONTH));
        assertEquals(24, days.size());
        assertEquals(List.of(LocalDate.of(2028, 2, 10), LocalDate.of(2028, 2, 20)), days.subList(2, 4));
    }

    @Test
    void oncePerYearLandsAtMidYear() {
        assertEquals(List.of(LocalDate.of(2028, 7, 2)), YearPlanService.occurrences(2028, every(1, ActivityRules.Unit.YEAR)));
    }
}
