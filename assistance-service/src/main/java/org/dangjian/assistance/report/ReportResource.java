package org.dangjian.assistance.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import jakarta.ws.rs.BeanParam;
import org.dangjian.assistance.report.ReportDtos.AssistanceTotals;
import org.dangjian.assistance.report.ReportDtos.ReassessmentDue;
import org.dangjian.platform.api.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.UUID;

@Path("/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "帮扶统计 and the yearly re-assessment list")
public class ReportResource {

    @Inject
    ReportService service;

    @GET
    @Path("/totals")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "Totals by category for your subtree, or the subtree of orgId, in one year")
    public AssistanceTotals totals(@QueryParam("year") @Min(2000) @Max(2999) int year, @QueryParam("orgId") UUID orgId) {
        return service.totals(year, orgId);
    }

    @GET
    @Path("/reassessments-due")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "Beneficiaries due for their yearly re-assessment (年度复核) on asOf (today by default)",
            description = "Longest waiting first (lastAssessedOn). orgId: that organization's subtree (404 "
                    + "ORGANIZATION_NOT_FOUND when unknown or outside your scope).")
    public ListPage<ReassessmentDue> reassessmentsDue(@QueryParam("orgId") UUID orgId, @QueryParam("asOf") LocalDate asOf,
            @BeanParam ListQuery query) {
        return service.reassessmentsDue(orgId, asOf, query);
    }
}
