package org.dangjian.activity.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.orgtree.OrgTree;
import org.dangjian.platform.orgtree.OrgUnit;

import java.util.UUID;

/**
 * Organizations named in requests (a path, a body's orgId, an orgId filter): known to the local tree copy and
 * inside the caller's scope. The one way this service resolves them, so an organization of another subtree and an
 * id nobody ever used get the same 404 ORGANIZATION_NOT_FOUND, carrying only the id sent.
 */
@ApplicationScoped
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
}
