package org.dangjian.assistance.assistancecase;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import org.dangjian.platform.api.list.Cursor;
import org.dangjian.platform.api.list.SortOrder;
import org.dangjian.platform.api.scope.Condition;
import org.dangjian.platform.api.scope.Scope;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<AssistanceCase, UUID> {

    /** The statuses of a case still being worked on: those follow their member and wait for reassignment. */
    public static final EnumSet<CaseStatus> OPEN = EnumSet.of(CaseStatus.APPLIED, CaseStatus.VERIFIED, CaseStatus.BRANCH_REVIEWED,
            CaseStatus.APPROVED, CaseStatus.PUBLIC_NOTICE, CaseStatus.DISBURSED, CaseStatus.FOLLOW_UP);

    /**
     * A filter on the list; null fields do not filter. {@code memberId}: only cases of that member as beneficiary;
     * {@code from}/{@code to}: applied on those days, both included; {@code amountAbove}/{@code amountUpTo}: the
     * requested amount's band (an approval level's).
     */
    public record Filter(Scope scope, CaseStatus status, Boolean reassignmentNeeded, UUID beneficiaryId, UUID memberId,
            LocalDate from, LocalDate to, BigDecimal amountAbove, BigDecimal amountUpTo) {

        public Filter(Scope scope, CaseStatus status, Boolean reassignmentNeeded, UUID beneficiaryId, UUID memberId) {
            this(scope, status, reassignmentNeeded, beneficiaryId, memberId, null, null, null, null);
        }
    }

    /** The list's sort choices: when the case was applied for (the default, oldest first). */
    public static final String BY_APPLIED_ON = "appliedOn";

    /** One page of the cases matching, in {@code order} by appliedOn then id, after {@code after}; {@code limit} rows at most. */
    public List<AssistanceCase> page(Filter filter, SortOrder order, Optional<Cursor> after, int limit) {
        Condition inScope = filter.scope().orgCondition("c.orgId", "OrgUnit");
        StringBuilder query = new StringBuilder("from AssistanceCase c where ").append(inScope.sql());
        Map<String, Object> params = new HashMap<>(inScope.parameters());
        if (filter.status() != null) {
            query.append(" and c.status = :status");
            params.put("status", filter.status());
        }
        if (filter.reassignmentNeeded() != null) {
            query.append(" and c.reassignmentNeeded = :reassign");
            params.put("reassign", filter.reassignmentNeeded());
        }
        if (filter.beneficiaryId() != null) {
            query.append(" and c.beneficiaryId = :beneficiary");
            params.put("beneficiary", filter.beneficiaryId());
        }
        if (filter.memberId() != null) {
            query.append(" and c.beneficiaryId in (select b.id from Beneficiary b where b.memberId = :member)");
            params.put("member", filter.memberId());
        }
        if (filter.from() != null) {
            query.append(" and c.appliedOn >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            query.append(" and c.appliedOn <= :to");
            params.put("to", filter.to());
        }
        if (filter.amountAbove() != null) {
            query.append(" and c.requestedAmount > :amountAbove");
            params.put("amountAbove", filter.amountAbove());
        }
        if (filter.amountUpTo() != null) {
            query.append(" and c.requestedAmount <= :amountUpTo");
            params.put("amountUpTo", filter.amountUpTo());
        }
        if (after.isPresent()) {
            query.append(" and ").append(order.after("c.appliedOn", "c.id"));
            params.put("cursor0", after.get().date(0));
            params.put("cursor1", after.get().uuid(1));
        }
        query.append(" order by ").append(order.orderBy("c.appliedOn", "c.id"));
        TypedQuery<AssistanceCase> q = getEntityManager().createQuery(query.toString(), AssistanceCase.class);
        params.forEach(q::setParameter);
        return q.setMaxResults(limit).getResultList();
    }

    /** The position of a case in the list. */
    public static Cursor position(AssistanceCase c) {
        return Cursor.at(c.appliedOn(), c.id());
    }

    public List<AssistanceCase> openInOrganization(UUID orgId) {
        return list("orgId = ?1 and status in ?2", orgId, OPEN);
    }
}
