package org.dangjian.assistance.assistancecase;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WorkingCalendarTest {

    private static final WorkingCalendar PLAIN = new WorkingCalendar(Set.of(), Set.of());

    @Test
    void fiveWorkingDaysFromAMondayEndOnFriday() {
        assertEquals(LocalDate.of(2025, 3, 7), PLAIN.lastDayOf(LocalDate.of(2025, 3, 3), 5));
    }

    @Test
    void theWeekendIsSkipped() {
        // Friday counts as day one; Saturday and Sunday do not count.
        assertEquals(LocalDate.of(2025, 3, 13), PLAIN.lastDayOf(LocalDate.of(2025, 3, 7), 5));
    }

    @Test
    void aNoticePostedOnSaturdayStartsCountingOnMonday() {
        assertEquals(LocalDate.of(2025, 3, 14), PLAIN.lastDayOf(LocalDate.of(2025, 3, 8), 5));
        assertEquals(LocalDate.of(2025, 3, 14), PLAIN.lastDayOf(LocalDate.of(2025, 3, 9), 5));
    }

    @Test
    void aConfiguredHolidayIsSkipped() {
        WorkingCalendar qingming = new WorkingCalendar(Set.of(LocalDate.of(2025, 4, 4)), Set.of());
        assertEquals(LocalDate.of(2025, 4, 7), PLAIN.lastDayOf(LocalDate.of(2025, 4, 1), 5));
        assertEquals(LocalDate.of(2025, 4, 8), qingming.lastDayOf(LocalDate.of(2025, 4, 1), 5));
    }

    @Test
    void aMakeUpWorkingDayOnAWeekendCounts() {
        WorkingCalendar mayDay = new WorkingCalendar(Set.of(), Set.of(LocalDate.of(2025, 4, 27)));
        // Thursday 24, Friday 25, Sunday 27 (worked), Monday 28, Tuesday 29.
        assertEquals(LocalDate.of(2025, 4, 29), mayDay.lastDayOf(LocalDate.of(2025, 4, 24), 5));
        assertEquals(LocalDate.of(2025, 4, 30), PLAIN.lastDayOf(LocalDate.of(2025, 4, 24), 5));
    }

    @Test
    void withoutWorkingDaysTheNoticeEndsTheDayBeforeItStarts() {
        assertEquals(LocalDate.of(2025, 3, 2), PLAIN.lastDayOf(LocalDate.of(2025, 3, 3), 0));
    }
}
