package org.dangjian.assistance.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.api.scope.Scope;
import org.dangjian.platform.orgtree.Organizations;

import java.util.UUID;

/** The {@code orgId} filter every list takes: that organization's subtree, within the caller's scope. */
@ApplicationScoped
public class Subtrees {

    @Inject
    Organizations organizations;

    @Inject
    CallerScope scope;

    /**
     * The caller's scope, or the subtree of {@code orgId} when given: 404 ORGANIZATION_NOT_FOUND when it is unknown
     * here or outside the caller's scope, the same answer for both.
     */
    public Scope of(UUID orgId) {
        if (orgId == null) {
            return scope.get();
        }
        return Scope.within(orgId, organizations.requireInScope(orgId).path());
    }
}
