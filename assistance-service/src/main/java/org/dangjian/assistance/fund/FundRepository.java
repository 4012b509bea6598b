package org.dangjian.assistance.fund;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.dangjian.assistance.common.Page;
import org.dangjian.platform.api.scope.Condition;
import org.dangjian.platform.api.scope.Scope;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class FundRepository implements PanacheRepositoryBase<Fund, UUID> {

    /** Funds of organizations in the scope, optionally of one kind, oldest first. */
    public Page<Fund> inScope(Scope scope, FundKind kind, int page, int size) {
        Condition inScope = scope.orgCondition("orgId", "OrgUnit");
        String query = inScope.sql() + (kind == null ? "" : " and kind = :kind");
        Map<String, Object> params = new HashMap<>(inScope.parameters());
        if (kind != null) {
            params.put("kind", kind);
        }
        var found = find(query, Sort.by("createdAt").and("id"), params);
        return new Page<>(found.page(io.quarkus.panache.common.Page.of(page, size)).list(), page, size, found.count());
    }
}
