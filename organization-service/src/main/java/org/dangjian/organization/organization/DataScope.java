package org.dangjian.organization.organization;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.dangjian.platform.api.Caller;

import java.util.Optional;

/**
 * The caller's data scope: a platform-admin sees the whole tree, everyone else the subtree of the
 * organization their token names ({@code org_id}). Outside it, a record does not exist for them.
 */
@RequestScoped
public class DataScope {

    @Inject
    Caller caller;

    @Inject
    OrganizationRepository organizations;

    public boolean covers(Organization organization) {
        if (caller.hasRole(Caller.PLATFORM_ADMIN)) {
            return true;
        }
        return scopeRoot().map(root -> root.contains(organization)).orElse(false);
    }

    /**
     * The path prefix of everything the caller may see ({@code /} for a platform-admin), for list
     * queries ({@code path like prefix || '%'}); empty when the caller acts for no organization.
     */
    public Optional<String> subtreePrefix() {
        if (isUnrestricted()) {
            return Optional.of("/");
        }
        return scopeRoot().map(Organization::path);
    }

    public boolean isUnrestricted() {
        return caller.hasRole(Caller.PLATFORM_ADMIN);
    }

    private Optional<Organization> scopeRoot() {
        return caller.orgId().flatMap(organizations::byId);
    }
}
