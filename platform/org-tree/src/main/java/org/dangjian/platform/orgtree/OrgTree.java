package org.dangjian.platform.orgtree;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/** Queries on the local organization tree. */
@ApplicationScoped
public class OrgTree implements PanacheRepositoryBase<OrgUnit, UUID> {

    public Optional<OrgUnit> node(UUID id) {
        return findByIdOptional(id);
    }

    /** Whether {@code id} lies in the subtree rooted at {@code root} (itself included). */
    public boolean isWithin(UUID id, UUID root) {
        // One round trip instead of loading both nodes: every scoped read asks this (benchmark B1).
        return getEntityManager().createQuery("""
                        select count(n) from OrgUnit n, OrgUnit r
                        where n.id = :id and r.id = :root and substring(n.path, 1, length(r.path)) = r.path""", Long.class)
                .setParameter("id", id).setParameter("root", root)
                .getSingleResult() > 0;
    }
}
