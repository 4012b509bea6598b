package org.dangjian.platform.orgtree;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.dangjian.platform.api.scope.OrgPaths;

import java.util.Optional;
import java.util.UUID;

/** Queries on the local organization tree; the {@link OrgPaths} the caller's scope is resolved with. */
@ApplicationScoped
public class OrgTree implements PanacheRepositoryBase<OrgUnit, UUID>, OrgPaths {

    public Optional<OrgUnit> node(UUID id) {
        return findByIdOptional(id);
    }

    @Override
    public Optional<String> pathOf(UUID orgId) {
        return orgId == null ? Optional.empty() : node(orgId).map(OrgUnit::path);
    }

    /**
     * Node {@code n} lies under node {@code r} (or is it): its path starts with r's. Valid both as JPQL and
     * as PostgreSQL, so every subtree test, in whichever query language, compares paths the same way.
     */
    private static final String SAME_PATH_PREFIX = "substring(n.path, 1, length(r.path)) = r.path";

    /** Whether {@code id} lies in the subtree rooted at {@code root} (itself included). */
    @Override
    public boolean isWithin(UUID id, UUID root) {
        // One round trip instead of loading both nodes: every scoped read asks this (benchmark B1).
        return getEntityManager().createQuery("select count(n) from OrgUnit n, OrgUnit r where n.id = :id and r.id = :root and "
                        + SAME_PATH_PREFIX, Long.class)
                .setParameter("id", id).setParameter("root", root)
                .getSingleResult() > 0;
    }

    /**
     * A JPQL condition that the organization {@code orgIdExpression} (e.g. {@code m.orgId}) lies in the
     * subtree of the parameter {@code :root}, so a record and its scope check load in one statement
     * ({@link org.dangjian.platform.api.scope.CallerScope#oneStatement}).
     */
    public static String withinRoot(String orgIdExpression) {
        return "exists (select 1 from OrgUnit n, OrgUnit r where n.id = " + orgIdExpression + " and r.id = :root and "
                + SAME_PATH_PREFIX + ")";
    }

    /** {@link #withinRoot} for plain SQL: the root is the next positional parameter ({@code ?}). */
    public static String withinRootSql(String orgIdColumn) {
        return "exists (select 1 from org_unit n, org_unit r where n.id = " + orgIdColumn + " and r.id = ? and "
                + SAME_PATH_PREFIX + ")";
    }
}
