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
        Optional<OrgUnit> scope = node(root);
        return scope.isPresent() && node(id).map(scope.get()::contains).orElse(false);
    }
}
