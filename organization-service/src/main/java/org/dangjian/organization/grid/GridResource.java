package org.dangjian.organization.grid;

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
import org.dangjian.organization.grid.GridDtos.AddMember;
import org.dangjian.organization.grid.GridDtos.CreateGrid;
import org.dangjian.organization.grid.GridDtos.GridView;
import org.dangjian.platform.api.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/grids")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Grids", description = "网格化: grids, their leaders, areas, households and members")
public class GridResource {

    @Inject
    GridService service;

    @POST
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN})
    @Operation(summary = "Create a grid", description = "422 GRID_TOO_DEEP below the last configured level (4).")
    public Response create(@Valid @NotNull CreateGrid request) {
        return Response.status(201).entity(service.create(request)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "One grid with its members")
    public GridView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @GET
    @Path("/{id}/children")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "The grids directly inside this one")
    public List<GridView> children(@PathParam("id") UUID id) {
        return service.children(id);
    }

    @POST
    @Path("/{id}/members")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "A member joins the grid")
    public GridView addMember(@PathParam("id") UUID id, @Valid @NotNull AddMember request) {
        return service.addMember(id, request);
    }
}
