package org.dangjian.assistance.fund;

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
import java.util.UUID;

/** One movement on a budget (台账); written once, never changed. */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry {

    @Id
    private UUID id;

    @Column(name = "fund_id", nullable = false)
    private UUID fundId;

    @Column(name = "budget_id", nullable = false)
    private UUID budgetId;

    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LedgerEntryKind kind;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal amount;

    /** What is left of the budget after this movement. */
    @Column(name = "balance_after", nullable = false, precision = 14, scale = 2)
    private BigDecimal balanceAfter;

    @Column(name = "occurred_on", nullable = false)
    private LocalDate occurredOn;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(nullable = false)
    private String actor;

    private String purpose;

    @Column(name = "case_id")
    private UUID caseId;

    protected LedgerEntry() {
    }

    static LedgerEntry of(Budget budget, LedgerEntryKind kind, BigDecimal amount, LocalDate occurredOn, String actor,
            String purpose, UUID caseId) {
        LedgerEntry entry = new LedgerEntry();
        entry.id = Ids.next();
        entry.fundId = budget.fundId();
        entry.budgetId = budget.id();
        entry.fiscalYear = budget.fiscalYear();
        entry.kind = kind;
        entry.amount = amount;
        entry.balanceAfter = budget.remaining();
        entry.occurredOn = occurredOn;
        entry.recordedAt = Instant.now();
        entry.actor = actor;
        entry.purpose = purpose;
        entry.caseId = caseId;
        return entry;
    }

    public UUID id() {
        return id;
    }

    public UUID fundId() {
        return fundId;
    }

    public int fiscalYear() {
        return fiscalYear;
    }

    public LedgerEntryKind kind() {
        return kind;
    }

    public BigDecimal amount() {
        return amount;
    }

    public BigDecimal balanceAfter() {
        return balanceAfter;
    }

    public LocalDate occurredOn() {
        return occurredOn;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String actor() {
        return actor;
    }

    public String purpose() {
        return purpose;
    }

    public UUID caseId() {
        return caseId;
    }
}
