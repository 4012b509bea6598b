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
import org.dangjian.platform.api.idempotency.Idempotent;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/organizations/{id}/leadership")
@Idempotent
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
                    + "day and the elected take theirs. Publishes organization.leadership-changed. Each elected member "
                    + "must be on the roster of the organization or below it: 422 MEMBER_NOT_FOUND_IN_ORGANIZATION "
                    + "(unknown, outside your scope and elsewhere alike). 409 LEADERSHIP_SEAT_TAKEN / "
                    + "LEADERSHIP_MEMBER_ALREADY_SEATED when the list names a single seat or a member's seat twice."
                    + Idempotent.DOC)
    public LeadershipView elect(@PathParam("id") UUID id, @Valid @NotNull Election election) {
        return service.elect(id, election);
    }

    @POST
    @Path("/seats")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN})
    @Operation(summary = "A member takes a seat (增补)", description = "The member must be on the roster of the organization "
            + "or below it: 422 MEMBER_NOT_FOUND_IN_ORGANIZATION (unknown, outside your scope and elsewhere alike). "
            + "409 LEADERSHIP_SEAT_TAKEN when a single seat is held, LEADERSHIP_MEMBER_ALREADY_SEATED when the member "
            + "holds this seat already (a retry)." + Idempotent.DOC)
    public LeadershipView appoint(@PathParam("id") UUID id, @Valid @NotNull Appointment appointment) {
        return service.appoint(id, appointment);
    }

    @POST
    @Path("/seats/{seatId}/end")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN})
    @Operation(summary = "A member leaves a seat",
            description = "Seats also end without a call: on the member's transfer away, departure from the platform "
                    + "or end of membership (member.* events) and on the organization's dissolution. Safe to retry: when the seat "
                    + "has already ended (on endedOn, when sent), 200 with the team as it is and no second event; "
                    + "ended on another day stays 422 LEADERSHIP_SEAT_ALREADY_ENDED." + Idempotent.DOC)
    public LeadershipView end(@PathParam("id") UUID id, @PathParam("seatId") UUID seatId, @Valid @NotNull SeatEnd end) {
        return service.end(id, seatId, end);
    }
}
