package org.dangjian.member.dues;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dangjian.member.member.MemberCategory;
import org.dangjian.platform.api.Ids;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** 党费基数: a member's monthly dues for one year, set once a year (and corrected if need be). */
@Entity
@Table(name = "dues_base")
public class DuesBase {

    @Id
    private UUID id;

    @Column(name = "member_id", nullable = false)
    private UUID memberId;

    @Column(nullable = false)
    private int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MemberCategory category;

    @Column(name = "monthly_income", precision = 14, scale = 2)
    private BigDecimal monthlyIncome;

    @Column(precision = 7, scale = 5)
    private BigDecimal rate;

    @Column(name = "monthly_amount", nullable = false, precision = 14, scale = 2)
    private BigDecimal monthlyAmount;

    @Column(name = "set_by", nullable = false)
    private String setBy;

    @Column(name = "set_at", nullable = false)
    private Instant setAt;

    @Version
    private long version;

    protected DuesBase() {
    }

    public DuesBase(UUID memberId, int year) {
        this.id = Ids.next();
        this.memberId = memberId;
        this.year = year;
    }

    public void set(MemberCategory category, BigDecimal monthlyIncome, DuesTable.Due due, String by) {
        this.category = category;
        this.monthlyIncome = monthlyIncome;
        this.rate = due.rate();
        this.monthlyAmount = due.monthlyAmount();
        this.setBy = by;
        this.setAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // as stored: a later read (or a retry) shows the same
    }

    public UUID memberId() {
        return memberId;
    }

    public int year() {
        return year;
    }

    public MemberCategory category() {
        return category;
    }

    public BigDecimal monthlyIncome() {
        return monthlyIncome;
    }

    public BigDecimal rate() {
        return rate;
    }

    public BigDecimal monthlyAmount() {
        return monthlyAmount;
    }

    public String setBy() {
        return setBy;
    }

    public long version() {
        return version;
    }
}
