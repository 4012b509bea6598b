package org.dangjian.member.dues;

import org.dangjian.platform.api.list.ListQuery;
import org.dangjian.platform.api.list.ListPage;
import jakarta.ws.rs.BeanParam;
import org.dangjian.platform.api.idempotency.Idempotent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.dangjian.member.dues.DuesDtos.BaseView;
import org.dangjian.member.dues.DuesDtos.ExemptionView;
import org.dangjian.member.dues.DuesDtos.GrantExemption;
import org.dangjian.member.dues.DuesDtos.Pay;
import org.dangjian.member.dues.DuesDtos.SetBase;
import org.dangjian.member.dues.DuesDtos.Statement;
import org.dangjian.platform.api.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

@Path("/members/{id}/dues")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Dues", description = "党费: yearly base, monthly payments, arrears")
public class DuesResource {

    static final String MONTH = "\\d{4}-(0[1-9]|1[0-2])";

    @Inject
    DuesService service;

    @Inject
    DuesExemptionService exemptionService;

    @PUT
    @Path("/bases/{year}")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Set the year's dues base (核定党费基数)",
            description = "The monthly amount follows the configured bracket table of the member's category, rounded to the fen.")
    public BaseView setBase(@PathParam("id") UUID id, @PathParam("year") @Min(2000) @Max(2100) int year,
            @Valid @NotNull SetBase request) {
        return service.setBase(id, year, request);
    }

    @POST
    @Path("/payments")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Record dues paid for one or several months (交纳党费)",
            description = "Each month at the base of its year; 409 when a month is already paid.")
    public Response pay(@PathParam("id") UUID id, @Valid @NotNull Pay request) {
        return Response.status(Response.Status.CREATED).entity(service.pay(id, request.months(), request.paidOn())).build();
    }

    @POST
    @Path("/exemptions")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Reduce or waive a member's dues for some months (党费减免)",
            description = "On the branch general meeting's decision, with a reason; at most 12 months (configurable), no "
                    + "overlap with another exemption (409) nor with a paid month (409). A REDUCED month is owed at "
                    + "monthlyAmount; a WAIVED month is owed nothing, cannot be paid, and does not count towards the "
                    + "six-month lapse flag.")
    public Response exempt(@PathParam("id") UUID id, @Valid @NotNull GrantExemption request) {
        return Response.status(Response.Status.CREATED).entity(exemptionService.grant(id, request)).build();
    }

    @GET
    @Path("/exemptions")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.MEMBER})
    @Operation(summary = "A member's dues exemptions, oldest first")
    public ListPage<ExemptionView> exemptions(@PathParam("id") UUID id, @BeanParam ListQuery query) {
        query.sort("from");
        query.size();
        query.after();
        // One record's history, short by nature: all of it in one page.
        return ListPage.complete(exemptionService.of(id));
    }

    @GET
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.MEMBER})
    @Operation(summary = "A member's dues statement up to a month (this month when omitted)")
    public Statement statement(@PathParam("id") UUID id, @QueryParam("asOf") @Pattern(regexp = MONTH) String asOf) {
        return service.statement(id, asOf == null ? null : YearMonth.parse(asOf));
    }
}
