package org.dangjian.platform.orgtree;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.DomainException;

import java.util.Optional;
import java.util.UUID;

/**
 * The caller's data scope in a service that holds a copy of the tree (ARCHITECTURE.md §4): a
 * platform-admin sees everything; anyone else the subtree of their token's {@code org_id}. A record
 * outside it must be reported exactly like a missing one (404), so existence does not leak.
 */
@RequestScoped
@Deprecated(forRemoval = true)
public class OrgScope {

    private static final UUID NO_ORGANIZATION = new UUID(0, 0);

    @Inject
    Caller caller;

    @Inject
    OrgTree tree;

    /** Whether the organization lies in the caller's subtree. */
    public boolean covers(UUID orgId) {
        if (orgId == null) {
            return false;
        }
        if (caller.hasRole(Caller.PLATFORM_ADMIN)) {
            return true;
        }
        return caller.orgId().map(root -> tree.isWithin(orgId, root)).orElse(false);
    }

    /** Passes when covered; otherwise throws a 404 problem with the given code and id. */
    public void require(UUID orgId, String notFoundCode, Object id) {
        if (orgId == null || !covers(orgId)) {
            throw DomainException.notFound(notFoundCode, id);
        }
    }

    /**
     * The root of the caller's subtree for one-statement checks ({@link OrgTree#withinRoot}), or empty for
     * an unrestricted caller. A caller without an organization gets an id no organization has.
     */
    public Optional<UUID> subtreeRoot() {
        if (caller.hasRole(Caller.PLATFORM_ADMIN)) {
            return Optional.empty();
        }
        return Optional.of(caller.orgId().orElse(NO_ORGANIZATION));
    }

    /**
     * The path prefix that list queries filter on ({@code path like :prefix || '%'}), or empty for an
     * unrestricted caller. A caller whose {@code org_id} is unknown here gets a prefix that matches nothing.
     */
    public Optional<String> subtreePrefix() {
        if (caller.hasRole(Caller.PLATFORM_ADMIN)) {
            return Optional.empty();
        }
        return Optional.of(caller.orgId().flatMap(tree::node).map(OrgUnit::path).orElse("/no-scope/"));
    }
}
