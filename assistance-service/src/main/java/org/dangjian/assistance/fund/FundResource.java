package org.dangjian.assistance.fund;

import org.dangjian.platform.api.idempotency.Idempotent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.dangjian.assistance.fund.FundDtos.Disburse;
import org.dangjian.assistance.fund.FundDtos.FundView;
import org.dangjian.assistance.fund.FundDtos.LedgerEntryView;
import org.dangjian.assistance.fund.FundDtos.OpenFund;
import org.dangjian.assistance.fund.FundDtos.SetBudget;
import org.dangjian.platform.api.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/funds")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Funds", description = "帮扶资金: funds, yearly budgets and their ledger")
public class FundResource {

    @Inject
    FundService service;

    @POST
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN})
    @Operation(summary = "Open a fund for an organization in your scope")
    public Response open(@Valid @NotNull OpenFund request, @Context UriInfo uri) {
        FundView fund = service.open(request);
        return Response.created(uri.getAbsolutePathBuilder().path(fund.id().toString()).build()).entity(fund).build();
    }

    @GET
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "Funds of your subtree, oldest first",
            description = "orgId: funds of that organization's subtree (404 ORGANIZATION_NOT_FOUND when unknown or outside "
                    + "your scope).")
    public ListPage<FundView> list(@QueryParam("orgId") UUID orgId, @QueryParam("kind") FundKind kind,
            @BeanParam ListQuery query) {
        return service.list(orgId, kind, query);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "One fund with its yearly budgets")
    public FundView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PUT
    @Path("/{id}/budgets/{year}")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN})
    @Operation(summary = "Set the year's budget (预算下达/调整)",
            description = "Recorded in the ledger; 422 BUDGET_BELOW_SPENT when lower than what is already paid out.")
    public FundView setBudget(@PathParam("id") UUID id, @PathParam("year") @Min(2000) @Max(2999) int year,
            @Valid @NotNull SetBudget request) {
        return service.setBudget(id, year, request.amount());
    }

    @POST
    @Path("/{id}/disbursements")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Pay money out of the fund's budget of that year",
            description = "409 BUDGET_EXCEEDED when the rest of the budget does not cover it, also under concurrent requests; "
                    + "422 BUDGET_NOT_SET when the year has no budget." + Idempotent.DOC)
    public Response disburse(@PathParam("id") UUID id, @Valid @NotNull Disburse request) {
        return Response.status(Response.Status.CREATED).entity(service.disburse(id, request)).build();
    }

    @GET
    @Path("/{id}/ledger")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "The fund's movements (台账), in the order they were recorded")
    public ListPage<LedgerEntryView> ledger(@PathParam("id") UUID id, @QueryParam("year") @Min(2000) @Max(2999) Integer year,
            @BeanParam ListQuery query) {
        return service.ledger(id, year, query);
    }
}
