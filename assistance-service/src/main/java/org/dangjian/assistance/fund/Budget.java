package org.dangjian.assistance.fund;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dangjian.assistance.common.Money;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.Ids;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One fund's budget for one year. Charges are checked here while the row is locked
 * ({@link BudgetRepository#lockFor}), so concurrent disbursements are serialized and the budget
 * is never overdrawn; the table's check constraint backs the rule up.
 */
@Entity
@Table(name = "budget")
public class Budget {

    @Id
    private UUID id;

    @Column(name = "fund_id", nullable = false)
    private UUID fundId;

    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal amount;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal spent;

    @Version
    private long version;

    protected Budget() {
    }

    static Budget allocate(UUID fundId, int fiscalYear, BigDecimal amount) {
        Budget budget = new Budget();
        budget.id = Ids.next();
        budget.fundId = fundId;
        budget.fiscalYear = fiscalYear;
        budget.amount = Money.of(amount);
        budget.spent = Money.ZERO;
        return budget;
    }

    /** @return the signed change of the amount */
    BigDecimal resize(BigDecimal newAmount) {
        BigDecimal target = Money.of(newAmount);
        if (target.compareTo(spent) < 0) {
            throw DomainException.unprocessable("BUDGET_BELOW_SPENT", target.toPlainString(), spent.toPlainString(),
                    String.valueOf(fiscalYear));
        }
        BigDecimal delta = target.subtract(amount);
        amount = target;
        return delta;
    }

    /** Pays {@code value} out of this budget, or refuses when what is left does not cover it. */
    void charge(BigDecimal value) {
        if (spent.add(value).compareTo(amount) > 0) {
            // Plain strings: MessageFormat would group digits of numbers (2,027).
            throw DomainException.conflict("BUDGET_EXCEEDED", value.toPlainString(), remaining().toPlainString(),
                    String.valueOf(fiscalYear));
        }
        spent = spent.add(value);
    }

    public BigDecimal remaining() {
        return amount.subtract(spent);
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

    public BigDecimal amount() {
        return amount;
    }

    public BigDecimal spent() {
        return spent;
    }

    public long version() {
        return version;
    }
}
