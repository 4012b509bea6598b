package org.dangjian.organization.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.dangjian.organization.event.OrganizationEvents;
import org.dangjian.organization.organization.OrganizationDtos.EstablishOrganization;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.DomainException;

import java.util.UUID;

@ApplicationScoped
public class OrganizationService {

    @Inject
    OrganizationRepository organizations;

    @Inject
    DataScope scope;

    @Inject
    OrganizationEvents events;

    @Inject
    BusinessClock clock;

    @Transactional
    public Organization establish(EstablishOrganization request) {
        Organization parent = null;
        if (request.parentId() != null) {
            // A parent outside the caller's scope is reported exactly like a missing one.
            parent = organizations.byId(request.parentId()).filter(scope::covers)
                    .orElseThrow(() -> DomainException.unprocessable("ORGANIZATION_PARENT_NOT_FOUND", request.parentId()));
        } else if (!scope.isUnrestricted()) {
            throw DomainException.unprocessable("ORGANIZATION_ROOT_NOT_ALLOWED", request.type());
        }
        String code = request.code() != null ? request.code() : organizations.nextCode();
        if (organizations.codeTaken(code)) {
            throw DomainException.conflict("ORGANIZATION_CODE_TAKEN", code);
        }
        Organization organization = Organization.establish(code, request.name().strip(), request.type(), request.sector(),
                parent, request.establishedOn() != null ? request.establishedOn() : clock.today());
        organizations.persistAndFlush(organization);
        events.established(organization);
        return organization;
    }

    @Transactional
    public Organization get(UUID id) {
        return organizations.byId(id).filter(scope::covers)
                .orElseThrow(() -> DomainException.notFound("ORGANIZATION_NOT_FOUND", id));
    }
}
