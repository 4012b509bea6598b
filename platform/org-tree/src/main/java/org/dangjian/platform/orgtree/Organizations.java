package org.dangjian.platform.orgtree;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.scope.CallerScope;

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
        // The scope first, in one statement of the tree; a platform-admin passes it for any id, so the node is
        // still looked up: an id the copy does not hold is the same 404 for everyone.
        scope.require(orgId, NOT_FOUND, orgId);
        return tree.node(orgId).orElseThrow(() -> DomainException.notFound(NOT_FOUND, orgId));
    }
}
