package org.dangjian.member.dues;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.dangjian.platform.api.Ids;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/** 党费减免: reduced or waived dues for a run of months, approved by the branch general meeting. */
@Entity
@Table(name = "dues_exemption")
public class DuesExemption {

    public enum Kind {
        /** 减交: a smaller monthly amount. */
        REDUCED,
        /** 免交: nothing owed. */
        WAIVED
    }

    @Id
    private UUID id;

    @Column(name = "member_id", nullable = false)
    private UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    /** First day of the first month covered. */
    @Column(name = "from_month", nullable = false)
    private LocalDate fromMonth;

    /** First day of the last month covered. */
    @Column(name = "to_month", nullable = false)
    private LocalDate toMonth;

    /** What a REDUCED month costs; null when WAIVED. */
    @Column(name = "monthly_amount", precision = 14, scale = 2)
    private BigDecimal monthlyAmount;

    @Column(nullable = false)
    private String reason;

    @Column(name = "decision_ref", nullable = false)
    private String decisionRef;

    @Column(name = "approved_on", nullable = false)
    private LocalDate approvedOn;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected DuesExemption() {
    }

    DuesExemption(UUID memberId, Kind kind, YearMonth from, YearMonth to, BigDecimal monthlyAmount, String reason,
            String decisionRef, LocalDate approvedOn, String recordedBy) {
        this.id = Ids.next();
        this.memberId = memberId;
        this.kind = kind;
        this.fromMonth = from.atDay(1);
        this.toMonth = to.atDay(1);
        this.monthlyAmount = kind == Kind.REDUCED ? monthlyAmount : null;
        this.reason = reason;
        this.decisionRef = decisionRef;
        this.approvedOn = approvedOn;
        this.recordedBy = recordedBy;
        this.recordedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // as stored: a later read (or a retry) shows the same
    }

    public boolean covers(YearMonth month) {
        return !month.isBefore(from()) && !month.isAfter(to());
    }

    /** What the month costs under this exemption. */
    public BigDecimal amountOwed() {
        return kind == Kind.WAIVED ? BigDecimal.ZERO.setScale(2) : monthlyAmount;
    }

    public UUID id() {
        return id;
    }

    public UUID memberId() {
        return memberId;
    }

    public Kind kind() {
        return kind;
    }

    public YearMonth from() {
        return YearMonth.from(fromMonth);
    }

    public YearMonth to() {
        return YearMonth.from(toMonth);
    }

    public BigDecimal monthlyAmount() {
        return monthlyAmount;
    }

    public String reason() {
        return reason;
    }

    public String decisionRef() {
        return decisionRef;
    }

    public LocalDate approvedOn() {
        return approvedOn;
    }

    public String recordedBy() {
        return recordedBy;
    }
}
