package org.dangjian.member.dues;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.dangjian.member.member.MemberCategory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the dues API. Money: exact decimals, two places (fen). */
public final class DuesDtos {

    private DuesDtos() {
    }

    @Schema(name = "SetDuesBase", description = "党费基数 for a year: monthlyIncome (after tax) for employed and retired "
            + "members; monthlyAmount for farmers (within the configured range); nothing for fixed-amount categories")
    public record SetBase(
            @Schema(example = "5000.00") @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal monthlyIncome,
            @Schema(example = "0.50") @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal monthlyAmount) {
    }

    @Schema(name = "DuesBase")
    public record BaseView(UUID memberId, int year, MemberCategory category, BigDecimal monthlyIncome, BigDecimal rate,
            BigDecimal monthlyAmount, String setBy, long version) {

        static BaseView of(DuesBase b) {
            return new BaseView(b.memberId(), b.year(), b.category(), b.monthlyIncome(), b.rate(), b.monthlyAmount(),
                    b.setBy(), b.version());
        }
    }

    @Schema(name = "PayDues", description = "交纳党费 for one or several months (quarterly, in advance, or arrears)")
    public record Pay(
            @Schema(example = "[\"2026-10\", \"2026-11\", \"2026-12\"]") @NotEmpty @Size(max = 36) List<@NotNull YearMonth> months,
            @Schema(description = "today when omitted") @PastOrPresent LocalDate paidOn) {
    }

    @Schema(name = "DuesPayment")
    public record PaymentView(YearMonth month, BigDecimal amount, LocalDate paidOn) {

        static PaymentView of(DuesPayment p) {
            return new PaymentView(p.month(), p.amount(), p.paidOn());
        }
    }

    @Schema(name = "DuesPaymentReceipt")
    public record Receipt(UUID memberId, List<PaymentView> payments, BigDecimal total) {
    }

    @Schema(name = "DuesMonth", description = "amount is null when no base is set for the month's year; exemption is "
            + "REDUCED (amount is the reduced one) or WAIVED (nothing owed, not counted as unpaid) when one covers the month")
    public record MonthView(YearMonth month, BigDecimal amount, boolean paid, LocalDate paidOn, DuesExemption.Kind exemption) {
    }

    @Schema(name = "GrantDuesExemption", description = "党费减免: on the branch general meeting's decision, for a member in "
            + "real hardship. REDUCED needs monthlyAmount; WAIVED (免交) owes nothing.")
    public record GrantExemption(
            @NotNull DuesExemption.Kind kind,
            @Schema(example = "2026-07") @NotNull YearMonth from,
            @Schema(example = "2026-12") @NotNull YearMonth to,
            @Schema(example = "0.20") @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal monthlyAmount,
            @Schema(example = "大病住院，家庭生活困难") @NotBlank @Size(max = 500) String reason,
            @Schema(example = "支部党员大会〔2026〕5号") @NotBlank @Size(max = 100) String decisionRef,
            @NotNull @PastOrPresent LocalDate approvedOn) {
    }

    @Schema(name = "DuesExemption")
    public record ExemptionView(UUID id, UUID memberId, DuesExemption.Kind kind, YearMonth from, YearMonth to,
            BigDecimal monthlyAmount, String reason, String decisionRef, LocalDate approvedOn, String recordedBy) {

        static ExemptionView of(DuesExemption e) {
            return new ExemptionView(e.id(), e.memberId(), e.kind(), e.from(), e.to(), e.monthlyAmount(), e.reason(),
                    e.decisionRef(), e.approvedOn(), e.recordedBy());
        }
    }

    @Schema(name = "DuesStatement", description = "Months owed from admission (or the first tracked month) to asOf")
    public record Statement(UUID memberId, String name, YearMonth owedFrom, YearMonth asOf, List<MonthView> months,
            int unpaidMonths, BigDecimal arrears, int longestUnpaidRun,
            @Schema(description = "unpaid for the configured number of consecutive months (6): 自行脱党 unless excused")
            boolean lapsed) {
    }
}
