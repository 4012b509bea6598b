package org.dangjian.activity.participation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.dangjian.activity.participation.ParticipationDtos.Participation;
import org.dangjian.platform.api.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/members/{memberId}/participation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Participation", description = "a member's activities, attendance and hours")
public class ParticipationResource {

    @Inject
    ParticipationService service;

    @GET
    // Not auditors: leave reasons are personal; auditors read the audit trail.
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.INTEGRATION, Caller.MEMBER})
    @Operation(summary = "A member's participation in a year",
            description = "A member sees only their own; others see members currently in their subtree (404 otherwise).")
    public Participation get(@PathParam("memberId") UUID memberId,
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year) {
        return service.of(memberId, year);
    }
}
