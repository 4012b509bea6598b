package org.dangjian.member.conduct;

import org.dangjian.platform.api.idempotency.Idempotent;
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
import org.dangjian.member.conduct.ConductDtos.Commendation;
import org.dangjian.member.conduct.ConductDtos.Conduct;
import org.dangjian.member.conduct.ConductDtos.Discipline;
import org.dangjian.member.conduct.ConductDtos.Evaluation;
import org.dangjian.platform.api.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/members/{id}/conduct")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Conduct", description = "表彰、处分、民主评议 on the member record")
public class ConductResource {

    @Inject
    ConductService service;

    @GET
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.MEMBER})
    @Operation(summary = "Commendations, discipline and democratic evaluations of the member")
    public Conduct get(@PathParam("id") UUID id) {
        return service.conduct(id);
    }

    @POST
    @Path("/commendations")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Record a commendation (表彰)")
    public Response commend(@PathParam("id") UUID id, @Valid @NotNull Commendation request) {
        return Response.status(Response.Status.CREATED).entity(service.commend(id, request)).build();
    }

    @POST
    @Path("/disciplines")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN})
    @Operation(summary = "Record a disciplinary measure (党纪处分)", description = "Expulsion ends membership: use stage-changes with EXPELLED.")
    public Response discipline(@PathParam("id") UUID id, @Valid @NotNull Discipline request) {
        return Response.status(Response.Status.CREATED).entity(service.discipline(id, request)).build();
    }

    @POST
    @Path("/evaluations")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Record the year's democratic evaluation result (民主评议)", description = "One per member and year.")
    public Response evaluate(@PathParam("id") UUID id, @Valid @NotNull Evaluation request) {
        return Response.status(Response.Status.CREATED).entity(service.evaluate(id, request)).build();
    }
}
