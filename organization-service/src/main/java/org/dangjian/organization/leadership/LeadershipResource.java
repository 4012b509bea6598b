package org.dangjian.organization.leadership;

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
import org.dangjian.organization.leadership.LeadershipDtos.Appointment;
import org.dangjian.organization.leadership.LeadershipDtos.Election;
import org.dangjian.organization.leadership.LeadershipDtos.LeadershipView;
import org.dangjian.organization.leadership.LeadershipDtos.SeatEnd;
import org.dangjian.platform.api.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/organizations/{id}/leadership")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Leadership", description = "班子: the leadership team, its seats and terms")
public class LeadershipResource {

    @Inject
    LeadershipService service;

    @GET
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "The team today: term and open seats")
    public LeadershipView get(@PathParam("id") UUID id) {
        return service.view(id);
    }

    @POST
    @Path("/elections")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN})
    @Operation(summary = "Record a re-election (换届选举)",
            description = "Starts a term of the configured length for the organization's type; the open seats end that "
                    + "day and the elected take theirs. Publishes organization.leadership-changed.")
    public LeadershipView elect(@PathParam("id") UUID id, @Valid @NotNull Election election) {
        return service.elect(id, election);
    }

    @POST
    @Path("/seats")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN})
    @Operation(summary = "A member takes a seat (增补)", description = "409 LEADERSHIP_SEAT_TAKEN when a single seat is held.")
    public LeadershipView appoint(@PathParam("id") UUID id, @Valid @NotNull Appointment appointment) {
        return service.appoint(id, appointment);
    }

    @POST
    @Path("/seats/{seatId}/end")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN})
    @Operation(summary = "A member leaves a seat")
    public LeadershipView end(@PathParam("id") UUID id, @PathParam("seatId") UUID seatId, @Valid @NotNull SeatEnd end) {
        return service.end(id, seatId, end);
    }
}
