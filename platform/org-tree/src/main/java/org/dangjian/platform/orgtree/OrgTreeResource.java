package org.dangjian.platform.orgtree;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.scope.CallerScope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.UUID;

/** Read access to this service's copy of the organization tree, so operators and integrations can check what it knows. */
@Path("/organization-tree")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organization tree copy", description = "this service's local copy of organization-service's tree")
public class OrgTreeResource {

    public record OrgUnitView(UUID id, UUID parentId, String path, String code, String name, String type, String status,
            long sourceVersion, Instant updatedAt) {

        static OrgUnitView of(OrgUnit unit) {
            return new OrgUnitView(unit.id(), unit.parentId(), unit.path(), unit.code(), unit.name(), unit.type(),
                    unit.status(), unit.sourceVersion(), unit.updatedAt());
        }
    }

    @Inject
    OrgTree tree;

    @Inject
    CallerScope scope;

    @GET
    @Path("/{id}")
    @Transactional
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "One organization as this service knows it")
    public OrgUnitView get(@PathParam("id") UUID id) {
        scope.require(id, "ORGANIZATION_NOT_FOUND", id);
        return tree.node(id).map(OrgUnitView::of).orElseThrow(() -> DomainException.notFound("ORGANIZATION_NOT_FOUND", id));
    }
}
