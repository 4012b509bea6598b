package org.dangjian.assistance.fund;

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
public class FundRepository implements PanacheRepositoryBase<Fund, UUID> {

    /** Up to {@code limit} funds of organizations in the scope, optionally of one kind, by createdAt then id, after a position. */
    public List<Fund> page(Scope scope, FundKind kind, SortOrder order, Optional<Cursor> after, int limit) {
        Condition inScope = scope.orgCondition("f.orgId", "OrgUnit");
        StringBuilder query = new StringBuilder("from Fund f where ").append(inScope.sql());
        Map<String, Object> params = new HashMap<>(inScope.parameters());
        if (kind != null) {
            query.append(" and f.kind = :kind");
            params.put("kind", kind);
        }
        if (after.isPresent()) {
            query.append(" and ").append(order.after("f.createdAt", "f.id"));
            params.put("cursor0", after.get().dateTime(0).toInstant());
            params.put("cursor1", after.get().uuid(1));
        }
        query.append(" order by ").append(order.orderBy("f.createdAt", "f.id"));
        TypedQuery<Fund> q = getEntityManager().createQuery(query.toString(), Fund.class);
        params.forEach(q::setParameter);
        return q.setMaxResults(limit).getResultList();
    }
}
