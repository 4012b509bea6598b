package org.dangjian.assistance.assistancecase;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Working days for the public notice (公示): Monday to Friday, except configured holidays, plus
 * configured make-up working days on weekends (调休).
 */
public final class WorkingCalendar {

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkingDays;

    public WorkingCalendar(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays) {
        this.holidays = Set.copyOf(holidays);
        this.makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (makeUpWorkingDays.contains(day)) {
            return true;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /**
     * The last day of a notice of {@code workingDays} working days posted on {@code start}: the start
     * counts when it is a working day. With no working days the notice ends the day before it starts.
     */
    public LocalDate lastDayOf(LocalDate start, int workingDays) {
        LocalDate day = start.minusDays(1);
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
