package org.dangjian.assistance.pairing;

import org.dangjian.platform.api.idempotency.Idempotent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import jakarta.ws.rs.BeanParam;
import org.dangjian.assistance.pairing.PairingDtos.EndPairing;
import org.dangjian.assistance.pairing.PairingDtos.FollowUpDone;
import org.dangjian.assistance.pairing.PairingDtos.Pair;
import org.dangjian.assistance.pairing.PairingDtos.PairingView;
import org.dangjian.assistance.pairing.PairingDtos.RecordVisit;
import org.dangjian.assistance.pairing.PairingDtos.VisitView;
import org.dangjian.platform.api.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/pairings")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Pairing", description = "结对帮扶: members paired with beneficiaries")
public class PairingResource {

    @Inject
    PairingService service;

    @POST
        @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Pair a member with a beneficiary of your subtree",
            description = "memberId must name a member this service knows from member-service's events, still a member "
                    + "(not ended), on the platform, whose branch is in your subtree; otherwise 422 MEMBER_UNKNOWN, the same "
                    + "answer for each reason. The pairing then ends by itself (status ENDED, endedOn the event's date, "
                    + "history kept) when its member's membership ends (endReason MEMBER_ENDED), when they transfer to an "
                    + "organization outside the platform (MEMBER_LEFT_PLATFORM), or when they transfer by letter to an "
                    + "organization that is not the beneficiary's organization or below it (MEMBER_TRANSFERRED). A move of "
                    + "the whole branch (merge, split) keeps it, and a pairing follows its beneficiary when the beneficiary's "
                    + "organization merges into another.")
    public Response pair(@Valid @NotNull Pair request) {
        return Response.status(Response.Status.CREATED).entity(service.pair(request)).build();
    }

    @POST
    @Path("{id}/end")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "End a pairing, with date and reason (kept as history)",
            description = "On a pairing already ENDED (by hand or by its member's event): 200 with the pairing as it stands, "
                    + "its first end date and reason kept, nothing audited twice (a retry).")
    public PairingView end(@PathParam("id") UUID id, @Valid @NotNull EndPairing request) {
        return service.end(id, request);
    }

    @GET
        @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "Pairings of your subtree, current and ended, by start date",
            description = "A pairing belongs to its beneficiary's organization. orgId: that organization's subtree (404 "
                    + "ORGANIZATION_NOT_FOUND when unknown or outside your scope); beneficiaryId: one beneficiary's (404 "
                    + "BENEFICIARY_NOT_FOUND); status: ACTIVE or ENDED. sort: startedOn (default) or -startedOn. endReason is "
                    + "the text given when ended by hand, or MEMBER_ENDED, MEMBER_LEFT_PLATFORM or MEMBER_TRANSFERRED when "
                    + "member-service's event ended it.")
    public ListPage<PairingView> pairings(@QueryParam("orgId") UUID orgId, @QueryParam("beneficiaryId") UUID beneficiaryId,
            @QueryParam("status") Pairing.Status status, @BeanParam ListQuery query) {
        return service.pairings(orgId, beneficiaryId, status, query);
    }
}
