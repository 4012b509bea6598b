package org.dangjian.activity.report;

import org.dangjian.platform.api.DomainException;

import java.time.LocalDate;

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
}
