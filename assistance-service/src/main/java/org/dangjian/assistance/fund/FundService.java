package org.dangjian.assistance.fund;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.dangjian.assistance.common.Money;
import org.dangjian.assistance.common.Subtrees;
import org.dangjian.platform.api.list.Cursor;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.dangjian.platform.api.list.SortOrder;
import org.dangjian.assistance.fund.FundDtos.Disburse;
import org.dangjian.assistance.fund.FundDtos.FundView;
import org.dangjian.assistance.fund.FundDtos.LedgerEntryView;
import org.dangjian.assistance.fund.FundDtos.OpenFund;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.audit.AuditTrail;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.orgtree.Organizations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class FundService {

    @Inject
    FundRepository funds;

    @Inject
    BudgetRepository budgets;

    @Inject
    LedgerRepository ledger;

    @Inject
    Organizations organizations;

    @Inject
    CallerScope scope;

    @Inject
    Caller caller;

    @Inject
    BusinessClock clock;

    @Inject
    AuditTrail audit;

    @Inject
    Subtrees subtrees;

    @Transactional
    public FundView open(OpenFund request) {
        organizations.requireInScope(request.orgId());
        Fund fund = Fund.open(request.orgId(), request.kind(), request.name().strip(), caller.subject());
        funds.persistAndFlush(fund);
        FundView view = FundView.of(fund, java.util.List.of());
        audit.write("FUND_OPENED", "fund", fund.id(), null, view);
        return view;
    }

    @Transactional
    public FundView get(UUID id) {
        Fund fund = requireFund(id);
        return FundView.of(fund, budgets.ofFund(id));
    }

    @Transactional
    public ListPage<FundView> list(UUID orgId, FundKind kind, ListQuery query) {
        SortOrder order = query.sort("createdAt");
        Optional<Cursor> after = query.after();
        return ListPage.of(funds.page(subtrees.of(orgId), kind, order, after, query.limit()), query,
                        f -> Cursor.at(f.createdAt(), f.id()))
                .map(f -> FundView.of(f, budgets.ofFund(f.id())));
    }

    /** Sets the year's budget: an allocation the first time, an adjustment (signed difference) afterwards. */
    @Transactional
    public FundView setBudget(UUID fundId, int fiscalYear, BigDecimal amount) {
        Fund fund = requireFund(fundId);
        Budget budget = budgets.lockFor(fundId, fiscalYear).orElse(null);
        LedgerEntry entry;
        if (budget == null) {
            budget = Budget.allocate(fundId, fiscalYear, amount);
            budgets.persistAndFlush(budget);
            entry = LedgerEntry.of(budget, LedgerEntryKind.ALLOCATION, budget.amount(), clock.today(), caller.subject(),
                    null, null);
        } else {
            BigDecimal before = budget.amount();
            BigDecimal delta = budget.resize(amount);
            entry = LedgerEntry.of(budget, LedgerEntryKind.ADJUSTMENT, delta, clock.today(), caller.subject(),
                    "from " + before, null);
        }
        ledger.persist(entry);
        budgets.flush();
        audit.write("BUDGET_SET", "fund", fundId, null, LedgerEntryView.of(entry));
        return FundView.of(fund, budgets.ofFund(fundId));
    }

    /**
     * Money paid out directly (not for a case), e.g. a one-off condolence payment. A retry with the
     * same Idempotency-Key returns the first payment instead of paying twice (platform @Idempotent
     * on the resource: the key commits with the payment).
     */
    @Transactional
    public LedgerEntryView disburse(UUID fundId, Disburse request) {
        requireFund(fundId);
        LocalDate on = request.disbursedOn() != null ? request.disbursedOn() : clock.today();
        BigDecimal amount = Money.of(request.amount());
        String purpose = request.purpose().strip();
        LedgerEntry entry = charge(fundId, amount, on, purpose, null);
        budgets.flush();
        LedgerEntryView view = LedgerEntryView.of(entry);
        audit.write("FUND_DISBURSED", "fund", fundId, null, view);
        return view;
    }

    /**
     * Charges the budget of the payment's year inside the caller's transaction: the budget row stays
     * locked until it commits, so the no-overdraw check cannot race another charge.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LedgerEntry charge(UUID fundId, BigDecimal amount, LocalDate on, String purpose, UUID caseId) {
        int year = on.getYear();
        Budget budget = budgets.lockFor(fundId, year)
                .orElseThrow(() -> DomainException.unprocessable("BUDGET_NOT_SET", fundId, String.valueOf(year)));
        budget.charge(amount);
        LedgerEntry entry = LedgerEntry.of(budget, LedgerEntryKind.DISBURSEMENT, amount, on, caller.subject(), purpose, caseId);
        ledger.persist(entry);
        budgets.flush();
        return entry;
    }

    @Transactional
    public ListPage<LedgerEntryView> ledger(UUID fundId, Integer fiscalYear, ListQuery query) {
        query.sort("recordedAt");
        Optional<Cursor> after = query.after();
        requireFund(fundId);
        return ListPage.of(ledger.ofFund(fundId, fiscalYear, after, query.limit()), query,
                e -> Cursor.at(e.recordedAt(), e.id())).map(LedgerEntryView::of);
    }

    /** The fund, or 404 when it does not exist or lies outside the caller's subtree. */
    public Fund requireFund(UUID id) {
        Fund fund = funds.findByIdOptional(id).orElseThrow(() -> DomainException.notFound("FUND_NOT_FOUND", id));
        scope.require(fund.orgId(), "FUND_NOT_FOUND", id);
        return fund;
    }
}
