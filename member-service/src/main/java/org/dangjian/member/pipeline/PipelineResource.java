package org.dangjian.member.pipeline;

import org.dangjian.platform.api.list.ListQuery;
import org.dangjian.platform.api.list.ListPage;
import jakarta.ws.rs.BeanParam;
import org.dangjian.platform.api.idempotency.Idempotent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.dangjian.member.pipeline.PipelineDtos.AssignContacts;
import org.dangjian.member.pipeline.PipelineDtos.ChangeStage;
import org.dangjian.member.pipeline.PipelineDtos.ExtendProbation;
import org.dangjian.member.pipeline.PipelineDtos.StageChangeView;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/members/{id}")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Development", description = "发展党员: the development pipeline and the ends of membership")
public class PipelineResource {

    @Inject
    PipelineService service;

    @Inject
    BusinessClock clock;

    @POST
    @Path("/stage-changes")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Move a member one step along the pipeline, or end membership",
            description = "APPLICANT → ACTIVIST → CANDIDATE → PROBATIONARY → FULL, or any live stage → DECEASED, WITHDRAWN, "
                    + "REMOVED, EXPELLED. Each rule of DOMAIN.md §2 refuses with its own code (422); a skipped or "
                    + "backward step is 409. Publishes member.stage-changed or member.ended. Safe to retry: when the "
                    + "member's last change already took them to toStage on effectiveOn, 200 with that change (no second "
                    + "event or audit entry); a different date or stage still meets the rules above.")
    public Response change(@PathParam("id") UUID id, @Valid @NotNull ChangeStage request) {
        PipelineService.Recorded recorded = service.change(id, request);
        return Response.status(recorded.repeated() ? Response.Status.OK : Response.Status.CREATED)
                .entity(recorded.change()).build();
    }

    @GET
    @Path("/stage-changes")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.MEMBER})
    @Operation(summary = "The member's development history")
    public ListPage<StageChangeView> history(@PathParam("id") UUID id, @BeanParam ListQuery query) {
        query.sort("effectiveOn");
        query.size();
        query.after();
        // One record's history, short by nature: all of it in one page.
        return ListPage.complete(service.history(id));
    }

    @POST
    @Path("/probation-extensions")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Extend probation (延长预备期)", description = "Once, by 6–12 months (configurable).")
    public Response extend(@PathParam("id") UUID id, @Valid @NotNull ExtendProbation request) {
        return Response.status(Response.Status.CREATED).entity(service.extendProbation(id, request)).build();
    }

    @PUT
    @Path("/contacts")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Assign the contacts (培养联系人) of an activist")
    public Map<String, List<UUID>> contacts(@PathParam("id") UUID id, @Valid @NotNull AssignContacts request) {
        return Map.of("contactMemberIds", service.assignContacts(id, request.contactMemberIds(), clock.today()));
    }
}
