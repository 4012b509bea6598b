package org.dangjian.activity.report;

import org.dangjian.activity.config.ActivityRules.Unit;
import org.dangjian.platform.api.DomainException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A calendar year, quarter or month: the span a compliance report (台账) covers, end exclusive. */
public record ReportPeriod(String label, LocalDate start, LocalDate end, int months) {

    public static ReportPeriod of(int year, Integer quarter, Integer month) {
        if (quarter != null && month != null) {
            throw DomainException.badRequest("REPORT_PERIOD_AMBIGUOUS");
        }
        if (quarter != null) {
            if (quarter < 1 || quarter > 4) {
                throw DomainException.badRequest("REPORT_PERIOD_INVALID", "quarter", quarter);
            }
            LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
            return new ReportPeriod(year + "-Q" + quarter, start, start.plusMonths(3), 3);
        }
        if (month != null) {
            if (month < 1 || month > 12) {
                throw DomainException.badRequest("REPORT_PERIOD_INVALID", "month", month);
            }
            LocalDate start = LocalDate.of(year, month, 1);
            return new ReportPeriod(String.format("%d-%02d", year, month), start, start.plusMonths(1), 1);
        }
        LocalDate start = LocalDate.of(year, 1, 1);
        return new ReportPeriod(String.valueOf(year), start, start.plusYears(1), 12);
    }

    public LocalDate lastDay() {
        return end.minusDays(1);
    }

    /**
     * The calendar months, quarters or years that make up this period, in order, each labelled as a report of it
     * would be ("2025-03", "2025-Q2", "2025"); none when the unit is longer than the period (a month report owes
     * no quarterly meeting). Periods are whole calendar units, so the units always tile them exactly.
     */
    public List<ReportPeriod> units(Unit per) {
        List<ReportPeriod> units = new ArrayList<>();
        for (int k = 0; k < per.unitsIn(months); k++) {
            LocalDate from = start.plusMonths((long) k * per.months());
            units.add(switch (per) {
                case MONTH -> of(from.getYear(), null, from.getMonthValue());
                case QUARTER -> of(from.getYear(), (from.getMonthValue() - 1) / 3 + 1, null);
                case YEAR -> of(from.getYear(), null, null);
            });
        }
        return units;
    }

    /** The month (1..12) of the period's first day and of its last day: elements of the year-to-date figures. */
    public int firstMonth() {
        return start.getMonthValue();
    }

    public int lastMonth() {
        return lastDay().getMonthValue();
    }
}
