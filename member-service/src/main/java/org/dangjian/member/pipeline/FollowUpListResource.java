package org.dangjian.member.pipeline;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.BeanParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.dangjian.member.pipeline.DevelopmentRecord.Kind;
import org.dangjian.member.pipeline.FollowUpDtos.DueView;
import org.dangjian.platform.api.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.UUID;

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
                    + "Those due on or before `until` (default today), oldest due first; overdue=true when already late. "
                    + "orgId limits them to that organization's subtree (404 ORGANIZATION_NOT_FOUND outside your scope, "
                    + "as an unknown one).")
    public ListPage<DueView> due(@QueryParam("kind") @NotNull Kind kind, @QueryParam("until") LocalDate until,
            @Parameter(description = "an organization in your scope: only its subtree") @QueryParam("orgId") UUID orgId,
            @BeanParam ListQuery query) {
        return service.due(kind, until, orgId, query);
    }
}
