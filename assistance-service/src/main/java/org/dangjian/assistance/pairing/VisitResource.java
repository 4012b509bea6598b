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

@Path("/visits")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Visit log", description = "民情日记: visits, promises and follow-ups")
public class VisitResource {

    @Inject
    PairingService service;

    @POST
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.MEMBER})
    @Operation(summary = "Record a visit (民情日记)", description = "A member may record visits to a beneficiary they are paired with.")
    public Response recordVisit(@Valid @NotNull RecordVisit request) {
        return Response.status(Response.Status.CREATED).entity(service.recordVisit(request)).build();
    }

    @POST
    @Path("{id}/follow-up")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Mark the promised follow-up of a visit done",
            description = "On a visit already followed up: 200 with the visit as it stands, its first date kept (a retry). "
                    + "422 VISIT_NO_FOLLOW_UP_DUE when none was promised.")
    public VisitView followUpDone(@PathParam("id") UUID id, @Valid @NotNull FollowUpDone request) {
        return service.followUpDone(id, request);
    }

    @GET
    @Path("overdue-follow-ups")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "Follow-ups due before asOf (today by default) and not done, oldest due first",
            description = "orgId: visits to beneficiaries of that organization's subtree (404 ORGANIZATION_NOT_FOUND when "
                    + "unknown or outside your scope).")
    public ListPage<VisitView> overdue(@QueryParam("orgId") UUID orgId, @QueryParam("asOf") LocalDate asOf,
            @BeanParam ListQuery query) {
        return service.overdueFollowUps(orgId, asOf, query);
    }
}
