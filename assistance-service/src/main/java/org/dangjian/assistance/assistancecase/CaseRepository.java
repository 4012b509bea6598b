package org.dangjian.assistance.assistancecase;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.dangjian.assistance.common.Page;
import org.dangjian.platform.api.scope.Condition;
import org.dangjian.platform.api.scope.Scope;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<AssistanceCase, UUID> {

    /** The statuses of a case still being worked on: those follow their member and wait for reassignment. */
    public static final EnumSet<CaseStatus> OPEN = EnumSet.of(CaseStatus.APPLIED, CaseStatus.VERIFIED, CaseStatus.BRANCH_REVIEWED,
            CaseStatus.APPROVED, CaseStatus.PUBLIC_NOTICE, CaseStatus.DISBURSED, CaseStatus.FOLLOW_UP);

    /** A filter on the list; null fields do not filter. {@code memberId}: only cases of that member as beneficiary. */
    public record Filter(Scope scope, CaseStatus status, Boolean reassignmentNeeded, UUID beneficiaryId, UUID memberId) {
    }

    public Page<AssistanceCase> find(Filter filter, int page, int size) {
        Condition inScope = filter.scope().orgCondition("orgId", "OrgUnit");
        StringBuilder query = new StringBuilder(inScope.sql());
        Map<String, Object> params = new HashMap<>(inScope.parameters());
        if (filter.status() != null) {
            query.append(" and status = :status");
            params.put("status", filter.status());
        }
        if (filter.reassignmentNeeded() != null) {
            query.append(" and reassignmentNeeded = :reassign");
            params.put("reassign", filter.reassignmentNeeded());
        }
        if (filter.beneficiaryId() != null) {
            query.append(" and beneficiaryId = :beneficiary");
            params.put("beneficiary", filter.beneficiaryId());
        }
        if (filter.memberId() != null) {
            query.append(" and beneficiaryId in (select b.id from Beneficiary b where b.memberId = :member)");
            params.put("member", filter.memberId());
        }
        var found = find(query.toString(), Sort.by("appliedOn").and("id"), params);
        return new Page<>(found.page(io.quarkus.panache.common.Page.of(page, size)).list(), page, size, found.count());
    }

    public List<AssistanceCase> openInOrganization(UUID orgId) {
        return list("orgId = ?1 and status in ?2", orgId, OPEN);
    }
}
