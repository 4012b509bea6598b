package org.dangjian.organization.grid;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.dangjian.organization.audit.AuditLog;
import org.dangjian.organization.grid.GridDtos.AddMember;
import org.dangjian.organization.grid.GridDtos.ChangeLeader;
import org.dangjian.organization.grid.GridDtos.LeaveGrid;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.EntityTags;
import org.dangjian.organization.grid.GridDtos.CreateGrid;
import org.dangjian.organization.grid.GridDtos.GridView;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import jakarta.ws.rs.BeanParam;
import org.dangjian.platform.api.idempotency.Idempotent;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/grids")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Grids", description = "网格化: grids, their leaders, areas, households and members")
public class GridResource {

    @Inject
    GridService service;

    @Inject
    AuditLog audit;

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
    @Operation(summary = "The grids directly inside this one, by name (keyset pages; sort: name only)")
    public ListPage<GridView> children(@PathParam("id") UUID id, @BeanParam ListQuery query) {
        return service.children(id, query);
    }

    @POST
    @Path("/{id}/members")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "A member joins the grid", description = "The member must be on the roster of the grid's "
            + "organization or below it: 422 MEMBER_NOT_FOUND_IN_ORGANIZATION (unknown, outside your scope and elsewhere "
            + "alike). 409 GRID_MEMBER_ALREADY_IN when they are in it already (a retry)." + Idempotent.DOC)
    public GridView addMember(@PathParam("id") UUID id, @Valid @NotNull AddMember request) {
        return service.addMember(id, request);
    }

    @POST
    @Path("/{id}/members/{memberId}/leave")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "A member leaves the grid",
            description = "The membership is kept with its join and leave dates and the reason (see history). Safe to "
                    + "retry: when the member's latest membership has already ended (on leftOn, when sent), 200 with "
                    + "the grid as it is and no second history entry; never a member (or left on another day) is 404 "
                    + "GRID_MEMBER_NOT_FOUND." + Idempotent.DOC)
    public GridView leave(@PathParam("id") UUID id, @PathParam("memberId") UUID memberId,
            @Valid @NotNull LeaveGrid request) {
        return service.leave(id, memberId, request);
    }

    @POST
    @Path("/{id}/leader")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN})
    @Operation(summary = "Change the grid's leader (格长) or contact person (联络员)",
            description = "The previous leader stays in the history. Send the grid's version as If-Match: 412 when "
                    + "it changed since.")
    public GridView changeLeader(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ChangeLeader request) {
        return service.changeLeader(id, expectedVersion(ifMatch), request);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.AUDITOR})
    @Operation(summary = "Creation, leader changes, members joining and leaving: who, when, why (oldest first, keyset pages; sort: occurredAt only)")
    public ListPage<AuditLog.Entry> history(@PathParam("id") UUID id, @BeanParam ListQuery query) {
        return audit.history(GridService.AUDIT_TARGET, service.visible(id), query);
    }

    /** {@code "3"} (or W/"3") → 3; absent → no check; anything else can never match. */
    private static Long expectedVersion(String ifMatch) {
        try {
            java.util.OptionalLong version = EntityTags.version(ifMatch);
            return version.isPresent() ? version.getAsLong() : null;
        } catch (IllegalArgumentException e) {
            throw new DomainException(412, "PRECONDITION_FAILED", ifMatch, "?");
        }
    }
}
