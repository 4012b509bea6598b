package org.dangjian.assistance.fund;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the funds API. Amounts in yuan with two decimals. */
public final class FundDtos {

    private FundDtos() {
    }

    @Schema(name = "OpenFund", description = "A fund an organization pays assistance from")
    public record OpenFund(
            @Schema(description = "the organization that holds the fund") @NotNull UUID orgId,
            @Schema(example = "RETAINED_DUES") @NotNull FundKind kind,
            @Schema(example = "2027年党费留存帮扶资金") @NotBlank @Size(max = 100) String name) {
    }

    @Schema(name = "SetBudget", description = "The year's budget of a fund; never below what is already spent")
    public record SetBudget(
            @Schema(example = "50000.00") @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal amount) {
    }

    @Schema(name = "Disburse", description = "Money paid out of the budget of the year it is paid in")
    public record Disburse(
            @Schema(example = "800.00") @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @Schema(description = "civil date of payment; today when omitted") @PastOrPresent LocalDate disbursedOn,
            @Schema(example = "春节慰问困难群众") @NotBlank @Size(max = 200) String purpose) {
    }

    @Schema(name = "Budget")
    public record BudgetView(int fiscalYear, BigDecimal amount, BigDecimal spent, BigDecimal remaining, long version) {

        static BudgetView of(Budget b) {
            return new BudgetView(b.fiscalYear(), b.amount(), b.spent(), b.remaining(), b.version());
        }
    }

    @Schema(name = "Fund")
    public record FundView(UUID id, UUID orgId, FundKind kind, String name, FundStatus status, Instant createdAt,
            long version, List<BudgetView> budgets) {

        static FundView of(Fund f, List<Budget> budgets) {
            return new FundView(f.id(), f.orgId(), f.kind(), f.name(), f.status(), f.createdAt(), f.version(),
                    budgets.stream().map(BudgetView::of).toList());
        }
    }

    @Schema(name = "LedgerEntry", description = "One movement on a budget (台账)")
    public record LedgerEntryView(UUID id, UUID fundId, int fiscalYear, LedgerEntryKind kind, BigDecimal amount,
            BigDecimal balanceAfter, LocalDate occurredOn, Instant recordedAt, String actor, String purpose, UUID caseId) {

        public static LedgerEntryView of(LedgerEntry e) {
            return new LedgerEntryView(e.id(), e.fundId(), e.fiscalYear(), e.kind(), e.amount(), e.balanceAfter(),
                    e.occurredOn(), e.recordedAt(), e.actor(), e.purpose(), e.caseId());
        }
    }
}
