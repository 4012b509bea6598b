package org.dangjian.assistance.common;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.orgtree.OrgTree;
import org.dangjian.platform.orgtree.OrgUnit;

import java.util.UUID;

/** Organizations named in requests: known to the local tree copy and inside the caller's scope. */
@RequestScoped
public class Organizations {

    @Inject
    CallerScope scope;

    @Inject
    OrgTree tree;

    /** The organization, or 404 ORGANIZATION_NOT_FOUND when unknown here or outside the caller's subtree. */
    public OrgUnit requireInScope(UUID orgId) {
        scope.require(orgId, "ORGANIZATION_NOT_FOUND", orgId);
        return tree.node(orgId).orElseThrow(() -> DomainException.notFound("ORGANIZATION_NOT_FOUND", orgId));
    }

    /** Whether {@code orgId} is {@code ancestorId} or lies below it in the local tree. */
    public boolean isWithin(UUID orgId, UUID ancestorId) {
        return tree.isWithin(orgId, ancestorId);
    }
}
