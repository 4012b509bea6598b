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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.dangjian.member.pipeline.FollowUpDtos.DevelopmentRecordView;
import org.dangjian.member.pipeline.FollowUpDtos.RecordReview;
import org.dangjian.member.pipeline.FollowUpDtos.RecordTalk;
import org.dangjian.platform.api.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/members/{id}/development-records")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Development", description = "发展党员: the development pipeline and the ends of membership")
public class FollowUpResource {

    @Inject
    FollowUpService service;

    @POST
    @Path("/talks")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Record the branch's talk with an applicant (谈话)",
            description = "Due within 1 month (configurable) of the application; a later talk is recorded with late=true. "
                    + "An applicant becomes an activist only after a talk (422 MEMBER_TALK_REQUIRED).")
    public Response talk(@PathParam("id") UUID id, @Valid @NotNull RecordTalk request) {
        return Response.status(Response.Status.CREATED).entity(service.recordTalk(id, request)).build();
    }

    @POST
    @Path("/reviews")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Record a review of an activist (考察)",
            description = "Due every 6 months (configurable) from the activist date or the last review; a later one is "
                    + "recorded with late=true. Candidacy needs a review no older than the interval "
                    + "(422 MEMBER_ACTIVIST_REVIEW_OVERDUE).")
    public Response review(@PathParam("id") UUID id, @Valid @NotNull RecordReview request) {
        return Response.status(Response.Status.CREATED).entity(service.recordReview(id, request)).build();
    }

    @GET
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.MEMBER})
    @Operation(summary = "The talks and reviews of a person in development, oldest first")
    public ListPage<DevelopmentRecordView> records(@PathParam("id") UUID id, @BeanParam ListQuery query) {
        query.sort("heldOn");
        query.size();
        query.after();
        // One record's history, short by nature: all of it in one page.
        return ListPage.complete(service.history(id));
    }
}
