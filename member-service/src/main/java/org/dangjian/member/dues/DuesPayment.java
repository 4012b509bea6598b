package org.dangjian.member.dues;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.dangjian.platform.api.Ids;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/** The dues of one month, paid (possibly together with other months, quarterly or in advance). */
@Entity
@Table(name = "dues_payment")
public class DuesPayment {

    @Id
    private UUID id;

    @Column(name = "member_id", nullable = false)
    private UUID memberId;

    /** First day of the month paid for. */
    @Column(nullable = false)
    private LocalDate month;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal amount;

    @Column(name = "paid_on", nullable = false)
    private LocalDate paidOn;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected DuesPayment() {
    }

    public DuesPayment(UUID memberId, YearMonth month, BigDecimal amount, LocalDate paidOn, String recordedBy) {
        this.id = Ids.next();
        this.memberId = memberId;
        this.month = month.atDay(1);
        this.amount = amount;
        this.paidOn = paidOn;
        this.recordedBy = recordedBy;
        this.recordedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // as stored: a later read (or a retry) shows the same
    }

    public UUID memberId() {
        return memberId;
    }

    public YearMonth month() {
        return YearMonth.from(month);
    }

    public BigDecimal amount() {
        return amount;
    }

    public LocalDate paidOn() {
        return paidOn;
    }
}
