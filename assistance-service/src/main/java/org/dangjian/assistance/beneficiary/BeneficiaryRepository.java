package org.dangjian.assistance.beneficiary;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import org.dangjian.platform.api.list.Cursor;
import org.dangjian.platform.api.list.SortOrder;
import org.dangjian.platform.api.scope.Condition;
import org.dangjian.platform.api.scope.Scope;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class BeneficiaryRepository implements PanacheRepositoryBase<Beneficiary, UUID> {

    /** A filter on the list; null fields do not filter, the scope always does. */
    public record Filter(Scope scope, BeneficiaryKind kind, HardshipCategory category, String nationalIdIndex,
            UUID memberId) {
    }

    /** Up to {@code limit} beneficiaries matching, by registeredOn then id in {@code order}, after a position. */
    public List<Beneficiary> page(Filter filter, SortOrder order, Optional<Cursor> after, int limit) {
        Condition inScope = filter.scope().orgCondition("b.orgId", "OrgUnit");
        StringBuilder query = new StringBuilder("from Beneficiary b where ").append(inScope.sql());
        Map<String, Object> params = new HashMap<>(inScope.parameters());
        if (filter.kind() != null) {
            query.append(" and b.kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.category() != null) {
            query.append(" and :category member of b.categories");
            params.put("category", filter.category());
        }
        if (filter.nationalIdIndex() != null) {
            query.append(" and b.nationalIdIndex = :nid");
            params.put("nid", filter.nationalIdIndex());
        }
        if (filter.memberId() != null) {
            query.append(" and b.memberId = :member");
            params.put("member", filter.memberId());
        }
        if (after.isPresent()) {
            query.append(" and ").append(order.after("b.registeredOn", "b.id"));
            params.put("cursor0", after.get().date(0));
            params.put("cursor1", after.get().uuid(1));
        }
        query.append(" order by ").append(order.orderBy("b.registeredOn", "b.id"));
        TypedQuery<Beneficiary> q = getEntityManager().createQuery(query.toString(), Beneficiary.class);
        params.forEach(q::setParameter);
        return q.setMaxResults(limit).getResultList();
    }

    public boolean activeWithNationalId(String index) {
        return count("nationalIdIndex = ?1 and status = ?2", index, BeneficiaryStatus.ACTIVE) > 0;
    }

    public boolean activeForMember(UUID memberId) {
        return count("memberId = ?1 and status = ?2", memberId, BeneficiaryStatus.ACTIVE) > 0;
    }
}
