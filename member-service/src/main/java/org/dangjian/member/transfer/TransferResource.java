package org.dangjian.member.transfer;

import org.dangjian.platform.api.idempotency.Idempotent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.BeanParam;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.dangjian.member.transfer.TransferDtos.AcceptTransfer;
import org.dangjian.member.transfer.TransferDtos.Decision;
import org.dangjian.member.transfer.TransferDtos.IssueTransfer;
import org.dangjian.member.transfer.TransferDtos.ReceiveTransfer;
import org.dangjian.member.transfer.TransferDtos.TransferView;
import org.dangjian.platform.api.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/transfers")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Transfers", description = "组织关系转接: transfers of organizational relationship")
public class TransferResource {

    @Inject
    TransferService service;

    @POST
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Issue an introduction letter (开具介绍信)",
            description = "To a branch of the platform (toOrgId) or an organization outside it (toOutsideOrganization). "
                    + "The member must be a probationary or full member of a branch in your scope; one open letter per member.")
    public Response issue(@Valid @NotNull IssueTransfer request, @Context UriInfo uri) {
        TransferView view = service.issue(request);
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
    }

    @POST
    @Path("/incoming")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Record a letter from outside the platform (从系统外转入)",
            description = "Registers the member in the receiving branch and records the letter as accepted; publishes "
                    + "member.registered and member.transferred (fromOrgId null).")
    public Response receive(@Valid @NotNull ReceiveTransfer request, @Context UriInfo uri) {
        TransferView view = service.receive(request);
        return Response.created(uri.getBaseUriBuilder().path("transfers").path(view.id().toString()).build()).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "One transfer, visible to both the issuing and the receiving side")
    public TransferView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Accept the letter (接收 / 回执)",
            description = "By the receiving branch (for a letter to outside: the issuer records the receipt). The member "
                    + "moves to the receiving branch; publishes member.transferred. 422 TRANSFER_LETTER_EXPIRED after its validity. "
                    + "Safe to retry: a letter already accepted answers 200 with it as it is (no second move, event or "
                    + "audit entry); a letter answered otherwise (rejected, withdrawn, expired) is 409 TRANSFER_NOT_OPEN.")
    public TransferView accept(@PathParam("id") UUID id, @Valid AcceptTransfer request) {
        return service.accept(id, request == null ? null : request.acceptedOn());
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Reject the letter with a reason (退回)",
            description = "By the receiving branch. Safe to retry: a letter already rejected answers 200 with it as it is "
                    + "(the first reason stays; no second event or audit entry); one answered otherwise is 409 TRANSFER_NOT_OPEN.")
    public TransferView reject(@PathParam("id") UUID id, @Valid @NotNull Decision request) {
        return service.reject(id, request.reason());
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Withdraw the letter (撤回), by the issuing branch while unanswered",
            description = "Safe to retry: a letter already withdrawn answers 200 with it as it is (no second event or audit "
                    + "entry); one answered otherwise is 409 TRANSFER_NOT_OPEN.")
    public TransferView cancel(@PathParam("id") UUID id, @Valid @NotNull Decision request) {
        return service.cancel(id, request.reason());
    }

    @GET
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "Letters: incoming, outgoing, or overdue (unanswered past validity)",
            description = "Of one branch (branchId), of an organization's subtree (orgId), or of your whole scope "
                    + "(neither; both is 400 TRANSFER_LIST_BRANCH_OR_ORG). A branch or organization outside your scope is "
                    + "404 ORGANIZATION_NOT_FOUND, as an unknown one. sort: -issuedOn (default) or issuedOn.")
    public ListPage<TransferView> list(
            @Parameter(description = "exactly this branch") @QueryParam("branchId") UUID branchId,
            @Parameter(description = "an organization in your scope: letters of its subtree") @QueryParam("orgId") UUID orgId,
            @QueryParam("direction") @DefaultValue("INCOMING") TransferRepository.Direction direction,
            @QueryParam("status") TransferStatus status,
            @BeanParam ListQuery query) {
        return service.list(branchId, orgId, direction, status, query);
    }
}
