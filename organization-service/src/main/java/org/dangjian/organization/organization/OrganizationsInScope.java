package org.dangjian.organization.organization;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.scope.CallerScope;

import java.util.Optional;
import java.util.UUID;

/**
 * Organizations named in requests, resolved against the caller's scope ({@link CallerScope}, the platform's one
 * definition of it; this service's {@link OrganizationRepository} is the tree it is resolved with).
 *
 * <p>Every organization id a request carries (path, body or query) is resolved here, through {@link #find}:
 * an id of another subtree and an id nobody ever used give the same empty answer, so each caller turns
 * both into the same problem (404 for the record a path names, 422 with the field's code for a body
 * reference, see {@link #referenced}), carrying only the id the client sent.
 */
@RequestScoped
public class OrganizationsInScope {

    @Inject
    CallerScope scope;

    @Inject
    OrganizationRepository organizations;

    /** The organization when it exists and lies in the caller's scope; empty alike for unknown and out of scope. */
    public Optional<Organization> find(UUID id) {
        return id == null ? Optional.empty() : organizations.byId(id).filter(this::covers);
    }

    /** Whether the organization with this id exists and lies in the caller's scope. */
    public boolean covers(UUID organizationId) {
        return find(organizationId).isPresent();
    }

    /**
     * An organization named in a request body (a parent, a merge source, a partner, a covering branch ...):
     * in scope, else 422 {@code code} with the id as sent, the same answer for an unknown id.
     */
    public Organization referenced(UUID id, String code) {
        return find(id).orElseThrow(() -> DomainException.unprocessable(code, id));
    }

    public boolean covers(Organization organization) {
        return scope.get().covers(organization.path());
    }
}
