package org.dangjian.assistance.fund;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.dangjian.assistance.common.Page;

import java.util.UUID;

@ApplicationScoped
public class FundRepository implements PanacheRepositoryBase<Fund, UUID> {

    /** Funds of organizations in the subtree, optionally of one kind, oldest first. */
    public Page<Fund> inSubtree(String prefix, FundKind kind, int page, int size) {
        String query = "orgId in (select u.id from OrgUnit u where u.path like concat(:prefix, '%'))"
                + (kind == null ? "" : " and kind = :kind");
        Parameters params = Parameters.with("prefix", prefix);
        if (kind != null) {
            params.and("kind", kind);
        }
        var found = find(query, Sort.by("createdAt").and("id"), params);
        return new Page<>(found.page(io.quarkus.panache.common.Page.of(page, size)).list(), page, size, found.count());
    }
}
