package org.dangjian.assistance.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.assistance.common.Money;
import org.dangjian.assistance.common.Subtrees;
import org.dangjian.platform.api.list.Cursor;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.dangjian.assistance.config.AssistanceRules;
import org.dangjian.assistance.report.ReportDtos.AssistanceTotals;
import org.dangjian.assistance.report.ReportDtos.CategoryTotals;
import org.dangjian.assistance.report.ReportDtos.ReassessmentDue;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.api.scope.Condition;
import org.dangjian.platform.api.scope.Scope;
import org.dangjian.platform.orgtree.Organizations;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Totals by category and subtree, and the yearly re-assessment due list: local SQL over the tree copy. */
@ApplicationScoped
public class ReportService {

    @Inject
    EntityManager em;

    @Inject
    Organizations organizations;

    @Inject
    CallerScope scope;

    @Inject
    AssistanceRules rules;

    @Inject
    BusinessClock clock;

    @Inject
    Subtrees subtrees;

    @Transactional
    public AssistanceTotals totals(int year, UUID orgId) {
        Scope counted = orgId == null ? scope.get() : Scope.within(orgId, organizations.requireInScope(orgId).path());
        Condition inScope = counted.pathCondition("u.path");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = inScope.bind(em.createNativeQuery("""
                select c.category,
                       count(*) filter (where extract(year from c.applied_on) = :year),
                       count(*) filter (where c.status not in ('CLOSED', 'REJECTED')),
                       coalesce(sum(c.disbursed_amount) filter (where extract(year from c.disbursed_on) = :year), 0)
                from assistance_case c join org_unit u on u.id = c.org_id
                where /*scope*/
                group by c.category order by c.category""".replace("/*scope*/", inScope.sql())))
                .setParameter("year", year).getResultList();
        List<CategoryTotals> categories = rows.stream().map(r -> new CategoryTotals((String) r[0], ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue(), Money.of((BigDecimal) r[3]))).toList();
        BigDecimal cases = categories.stream().map(CategoryTotals::disbursed).reduce(Money.ZERO, BigDecimal::add);
        BigDecimal campaigns = (BigDecimal) inScope.bind(em.createNativeQuery("""
                select coalesce(sum(r.amount), 0) from campaign_recipient r
                join condolence_campaign k on k.id = r.campaign_id join org_unit u on u.id = k.org_id
                where /*scope*/ and r.status = 'DELIVERED' and extract(year from r.delivered_on) = :year"""
                        .replace("/*scope*/", inScope.sql())))
                .setParameter("year", year).getSingleResult();
        return new AssistanceTotals(year, orgId, categories, cases, Money.of(campaigns));
    }

    /**
     * Active beneficiaries whose last assessment (registration or the latest approval of a case) is at
     * least the configured number of months before {@code asOf}, longest waiting first, in the caller's subtree or
     * orgId's.
     */
    @Transactional
    public ListPage<ReassessmentDue> reassessmentsDue(UUID orgId, LocalDate asOf, ListQuery query) {
        query.sort("lastAssessedOn");
        Optional<Cursor> after = query.after();
        List<ReassessmentDue> rows = reassessmentsDue(subtrees.of(orgId), asOf != null ? asOf : clock.today(),
                after.orElse(null), query.limit());
        return ListPage.of(rows, query, r -> Cursor.at(r.lastAssessedOn(), r.beneficiaryId()));
    }

    /** Up to {@code limit} beneficiaries of {@code within} due on {@code day}, after a position (lastAssessedOn, id). */
    public List<ReassessmentDue> reassessmentsDue(Scope within, LocalDate day, Cursor after, int limit) {
        int months = rules.reassessmentMonths();
        Condition inScope = within.pathCondition("u.path");
        String sql = """
                select * from (
                    select b.id, b.org_id, b.kind,
                           greatest(b.registered_on, coalesce(max(c.approved_on), b.registered_on)) as last
                    from beneficiary b join org_unit u on u.id = b.org_id
                    left join assistance_case c on c.beneficiary_id = b.id
                    where b.status = 'ACTIVE' and /*scope*/
                    group by b.id, b.org_id, b.kind, b.registered_on
                    having greatest(b.registered_on, coalesce(max(c.approved_on), b.registered_on)) <= :cutoff
                ) due""".replace("/*scope*/", inScope.sql())
                + (after == null ? "" : " where (due.last, due.id) > (:cursor0, :cursor1)")
                + " order by due.last, due.id limit :limit";
        var q = inScope.bind(em.createNativeQuery(sql)).setParameter("cutoff", day.minusMonths(months))
                .setParameter("limit", limit);
        if (after != null) {
            q.setParameter("cursor0", after.date(0)).setParameter("cursor1", after.uuid(1));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> {
            LocalDate last = toDate(r[3]);
            return new ReassessmentDue((UUID) r[0], (UUID) r[1], (String) r[2], last, last.plusMonths(months));
        }).toList();
    }

    private static LocalDate toDate(Object value) {
        return value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
    }
}
