package org.dangjian.activity.plan;

import org.dangjian.platform.api.idempotency.Idempotent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.dangjian.activity.activity.ActivityDtos.ActivityLine;
import org.dangjian.platform.api.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/organizations/{orgId}/year-plans")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Year plans", description = "年度计划 generated from the required frequencies")
public class YearPlanResource {

    @Schema(name = "GenerateYearPlan")
    public record GenerateYearPlan(@Schema(example = "2027") @NotNull @Min(2000) @Max(2100) Integer year) {
    }

    @Schema(name = "YearPlan")
    public record YearPlanView(UUID orgId, int year, int count, List<ActivityLine> activities) {
    }

    @Inject
    YearPlanService service;

    @POST
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Generate a branch's year plan (once per year)",
            description = "Plans every required occurrence from today on, place 待定; edit or cancel them afterwards. "
                    + "201 with the plan generated. Generated once per branch and year: asking again (a retry after a "
                    + "timeout, or a second secretary) answers 200 with the plan that exists, its activities as they "
                    + "are now, and generates nothing. 422 for a non-branch organization.")
    public Response generate(@PathParam("orgId") UUID orgId, @Valid @NotNull GenerateYearPlan request) {
        YearPlanService.Generated plan = service.generate(orgId, request.year());
        List<ActivityLine> lines = plan.activities().stream().map(ActivityLine::of).toList();
        return Response.status(plan.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(new YearPlanView(orgId, request.year(), lines.size(), lines)).build();
    }
}
