package org.dangjian.organization.organization;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.dangjian.organization.organization.OrganizationDtos.EstablishOrganization;
import org.dangjian.organization.organization.OrganizationDtos.OrganizationView;
import org.dangjian.platform.api.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organizations", description = "党组织: the organization tree")
@SecurityRequirement(name = "bearer")
public class OrganizationResource {

    @Inject
    OrganizationService service;

    @POST
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN})
    @Operation(summary = "Establish an organization (成立党组织)",
            description = "Publishes organization.established. 422 when the parent is missing, outside your scope, "
                    + "dissolved, or of a type that cannot hold the new one.")
    public Response establish(@Valid @NotNull EstablishOrganization request, @Context UriInfo uri) {
        Organization organization = service.establish(request);
        return Response.created(uri.getAbsolutePathBuilder().path(organization.id().toString()).build())
                .entity(OrganizationView.of(organization)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "One organization in your scope")
    public OrganizationView get(@PathParam("id") UUID id) {
        return OrganizationView.of(service.get(id));
    }
}
