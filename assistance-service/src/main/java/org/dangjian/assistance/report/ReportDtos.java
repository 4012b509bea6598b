package org.dangjian.assistance.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public final class ReportDtos {

    private ReportDtos() {
    }

    @Schema(name = "CategoryTotals", description = "Cases applied for and money paid in the year, and cases open now")
    public record CategoryTotals(String category, long casesApplied, long casesOpenNow, BigDecimal disbursed) {
    }

    @Schema(name = "AssistanceTotals", description = "帮扶统计 of a subtree for one year")
    public record AssistanceTotals(int year, UUID orgId, List<CategoryTotals> categories, BigDecimal casesDisbursed,
            BigDecimal campaignsDelivered) {
    }

    @Schema(name = "ReassessmentDue", description = "年度复核: a beneficiary whose last assessment is a year old or more")
    public record ReassessmentDue(UUID beneficiaryId, UUID orgId, String kind, LocalDate lastAssessedOn, LocalDate dueOn) {
    }
}
