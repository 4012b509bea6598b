package org.dangjian.member.pipeline;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.dangjian.member.common.Page;
import org.dangjian.member.pipeline.DevelopmentRecord.Kind;
import org.dangjian.member.pipeline.FollowUpDtos.DueView;
import org.dangjian.platform.api.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;

@Path("/development-follow-ups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Development", description = "发展党员: the development pipeline and the ends of membership")
public class FollowUpListResource {

    @Inject
    FollowUpService service;

    @GET
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR})
    @Operation(summary = "Talks or reviews due in your subtree (谈话 / 考察提醒)",
            description = "kind=TALK: applicants not yet talked with; kind=REVIEW: activists whose next review is due. "
                    + "Those due on or before `until` (default today), oldest due first; overdue=true when already late.")
    public Page<DueView> due(@QueryParam("kind") @NotNull Kind kind, @QueryParam("until") LocalDate until,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return service.due(kind, until, page, size);
    }
}
