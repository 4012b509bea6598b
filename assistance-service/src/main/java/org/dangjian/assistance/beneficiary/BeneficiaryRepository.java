package org.dangjian.assistance.beneficiary;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.dangjian.assistance.common.Page;
import org.dangjian.platform.api.scope.Condition;
import org.dangjian.platform.api.scope.Scope;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class BeneficiaryRepository implements PanacheRepositoryBase<Beneficiary, UUID> {

    /** A filter on the list; null fields do not filter, the scope always does. */
    public record Filter(Scope scope, BeneficiaryKind kind, HardshipCategory category, String nationalIdIndex,
            UUID memberId) {
    }

    public Page<Beneficiary> find(Filter filter, int page, int size) {
        Condition inScope = filter.scope().orgCondition("orgId", "OrgUnit");
        StringBuilder query = new StringBuilder(inScope.sql());
        Map<String, Object> params = new HashMap<>(inScope.parameters());
        if (filter.kind() != null) {
            query.append(" and kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.category() != null) {
            query.append(" and :category member of categories");
            params.put("category", filter.category());
        }
        if (filter.nationalIdIndex() != null) {
            query.append(" and nationalIdIndex = :nid");
            params.put("nid", filter.nationalIdIndex());
        }
        if (filter.memberId() != null) {
            query.append(" and memberId = :member");
            params.put("member", filter.memberId());
        }
        var found = find(query.toString(), Sort.by("registeredOn").and("id"), params);
        return new Page<>(found.page(io.quarkus.panache.common.Page.of(page, size)).list(), page, size, found.count());
    }

    public boolean activeWithNationalId(String index) {
        return count("nationalIdIndex = ?1 and status = ?2", index, BeneficiaryStatus.ACTIVE) > 0;
    }

    public boolean activeForMember(UUID memberId) {
        return count("memberId = ?1 and status = ?2", memberId, BeneficiaryStatus.ACTIVE) > 0;
    }
}
