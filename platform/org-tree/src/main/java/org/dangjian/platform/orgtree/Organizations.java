package org.dangjian.platform.orgtree;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.scope.CallerScope;

import java.util.Optional;
import java.util.UUID;

/**
 * Organizations named in requests (a path, a body's orgId, an orgId filter): known to the local tree copy and
 * inside the caller's scope. The one way a service resolves them, so an organization of another subtree and an id
 * nobody ever used get the same 404 {@value #NOT_FOUND}, carrying only the id sent (its message is the platform's,
 * platform-messages).
 */
@ApplicationScoped
public class Organizations {

    /** The problem code of an organization that is unknown here or outside the caller's scope. */
    public static final String NOT_FOUND = "ORGANIZATION_NOT_FOUND";

    @Inject
    CallerScope scope;

    @Inject
    OrgTree tree;

    /** The organization, or 404 {@value #NOT_FOUND} when unknown here or outside the caller's subtree. */
    public OrgUnit requireInScope(UUID orgId) {
        // One created a moment ago may still be on its way to this copy (OrgTree#nodeOrArriving): waited for, not refused.
        Optional<OrgUnit> node = tree.nodeOrArriving(orgId);
        // A platform-admin passes the scope for any id, so an id the copy does not hold is the same 404 for everyone.
        scope.require(orgId, NOT_FOUND, orgId);
        return node.orElseThrow(() -> DomainException.notFound(NOT_FOUND, orgId));
    }
}
