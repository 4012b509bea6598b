package org.dangjian.activity.report;

import org.dangjian.activity.activity.ActivityType;
import org.dangjian.activity.config.ActivityRules.Unit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The compliance report (台账) as the API returns it. */
public final class ComplianceDtos {

    private ComplianceDtos() {
    }

    /** present / expected, 4 decimals; null when nobody was expected. */
    static BigDecimal rate(long present, long expected) {
        return expected == 0 ? null : BigDecimal.valueOf(present).divide(BigDecimal.valueOf(expected), 4, RoundingMode.HALF_UP);
    }

    @Schema(name = "ComplianceRequirement", description = "one required type of activity: at least minimum in each month, "
            + "quarter or year (per) of the period; met when none of them fell short")
    public record Requirement(ActivityType type, String label,
            @Schema(description = "minimum × the months/quarters/years in the period") int required,
            @Schema(description = "held in the whole period") long held,
            @Schema(description = "no month/quarter/year of the period held fewer than minimum (not: held ≥ required)") boolean met,
            @Schema(description = "at least this many in each unit") int minimum, Unit per,
            @Schema(description = "the units that held fewer than minimum, labelled like periods: 2025-03, 2025-Q2, 2025")
            List<String> missedPeriods) {
    }

    @Schema(name = "ComplianceRuleCheck", description = "a rule beyond frequencies by type, e.g. SECRETARY_LECTURE (书记讲党课), "
            + "checked like a requirement in each unit of the period")
    public record RuleCheck(ComplianceRule code, String label, int required, long held, boolean met, int minimum, Unit per,
            @Schema(description = "the units that held fewer than minimum") List<String> missedPeriods) {
    }

    @Schema(name = "ComplianceAttendance")
    public record AttendanceFigures(long expected, long present, long leave, long absent, BigDecimal rate) {
    }

    @Schema(name = "BranchCompliance")
    public record BranchCompliance(UUID orgId, String name, String path, String orgType, long fullMembers,
            boolean hasGroups, List<Requirement> requirements,
            @Schema(description = "rules checked for the period, e.g. the secretary's lecture in a year report") List<RuleCheck> rules,
            AttendanceFigures attendance,
            @Schema(description = "roster members with fewer training hours than their yearly requirement (members 32, "
                    + "secretaries and committee members 56, as seated on the period's last day), counted from 1 January "
                    + "to the period's end") long membersBelowTrainingHours,
            @Schema(description = "of membersBelowTrainingHours, those held to the leaders' requirement")
            long leadersBelowTrainingHours,
            boolean behind,
            List<ActivityType> behindOn,
            @Schema(description = "codes of the rules not met") List<ComplianceRule> behindOnRules) {
    }

    @Schema(name = "ComplianceSummary", description = "the whole subtree, whatever page of branches is returned")
    public record Summary(int branches, int branchesBehind, int requirements, int requirementsMet,
            AttendanceFigures attendance,
            @Schema(description = "roster members of the subtree's branches below their training hours")
            long membersBelowTrainingHours,
            @Schema(description = "of membersBelowTrainingHours, those held to the leaders' requirement")
            long leadersBelowTrainingHours) {
    }

    @Schema(name = "ComplianceChildSummary", description = "分级汇总: the branches under one direct child organization")
    public record ChildSummary(UUID orgId, String name, int branches, int branchesBehind, BigDecimal attendanceRate,
            long membersBelowTrainingHours) {
    }

    /**
     * The report is a list of branches with the whole subtree's totals beside it: {@code items} and {@code nextCursor}
     * are the one list envelope (ListPage), so a client walks the branches like any list; {@code summary} and
     * {@code byChild} are the same on every page.
     */
    @Schema(name = "ComplianceReport", description = "台账 of a subtree: one page of its branch-type organizations in "
            + "tree order (items, nextCursor: the list envelope every list has), with the summary and 分级汇总 of all "
            + "of them, the same on every page")
    public record Report(UUID orgId, String period, LocalDate from, LocalDate to, Summary summary,
            List<ChildSummary> byChild,
            @Schema(description = "one page of the branch-type organizations, in tree-path order") List<BranchCompliance> items,
            @Schema(nullable = true, description = "pass back as cursor for the next page of branches; null on the last page")
            String nextCursor) {

        Report(UUID orgId, String period, LocalDate from, LocalDate to, Summary summary, List<ChildSummary> byChild,
                org.dangjian.platform.api.list.ListPage<BranchCompliance> page) {
            this(orgId, period, from, to, summary, byChild, page.items(), page.nextCursor());
        }
    }
}
