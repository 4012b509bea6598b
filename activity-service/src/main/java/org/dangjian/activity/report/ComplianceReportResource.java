package org.dangjian.activity.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.dangjian.activity.report.ComplianceDtos.Report;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.list.ListQuery;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/compliance-report")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance report", description = "台账: which branches held what the rules require")
public class ComplianceReportResource {

    @Inject
    ComplianceReportService service;

    @GET
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "Compliance of the branch-type organizations in a subtree for a year, quarter or month",
            description = "A list of the subtree's branches with its totals: items is one page of the branches in "
                    + "tree-path order, nextCursor the next page's cursor (the list envelope of every list: pass it as "
                    + "cursor, size 1-200 default 50); summary and byChild (分级汇总) cover the whole subtree, the same on "
                    + "every page. Every branch at once: the .xlsx download. "
                    + "Each requirement is checked in every month/quarter/year of the period: met when none of them "
                    + "held fewer than its minimum, and missedPeriods names those that did (required is the minimum "
                    + "times those units; a month report owes no quarterly meeting). Requirements may differ by the "
                    + "branch's sector. Activities count on the day held in the business time zone; a Party group's "
                    + "meetings count for its branch.")
    public Report report(@QueryParam("orgId") @NotNull UUID orgId,
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year,
            @QueryParam("quarter") Integer quarter, @QueryParam("month") Integer month,
            @BeanParam ListQuery query) {
        return service.report(orgId, ReportPeriod.of(year, quarter, month), query);
    }

    @GET
    @Path("/xlsx")
    @Produces(ComplianceWorkbook.MEDIA_TYPE)
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "The same report as an .xlsx download (台账), every branch")
    public Response xlsx(@QueryParam("orgId") @NotNull UUID orgId,
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year,
            @QueryParam("quarter") Integer quarter, @QueryParam("month") Integer month) {
        ReportPeriod period = ReportPeriod.of(year, quarter, month);
        // filled inside the report's transaction; sent after it, so no connection waits on the client
        ComplianceWorkbook workbook = service.workbook(orgId, period);
        StreamingOutput body = out -> {
            try (workbook) {
                workbook.write(out);
            }
        };
        return Response.ok(body, ComplianceWorkbook.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"compliance-" + period.label() + ".xlsx\"").build();
    }
}
