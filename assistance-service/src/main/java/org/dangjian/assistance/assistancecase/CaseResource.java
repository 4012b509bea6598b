package org.dangjian.assistance.assistancecase;

import org.dangjian.platform.api.idempotency.Idempotent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import org.dangjian.assistance.assistancecase.CaseDtos.ApplyForAssistance;
import org.dangjian.assistance.assistancecase.CaseDtos.Approval;
import org.dangjian.assistance.assistancecase.CaseDtos.CaseDisbursement;
import org.dangjian.assistance.assistancecase.CaseDtos.CaseHistory;
import org.dangjian.assistance.assistancecase.CaseDtos.CaseView;
import org.dangjian.assistance.assistancecase.CaseDtos.Closure;
import org.dangjian.assistance.assistancecase.CaseDtos.Decision;
import org.dangjian.assistance.assistancecase.CaseDtos.ObjectionView;
import org.dangjian.assistance.assistancecase.CaseDtos.PublicNotice;
import org.dangjian.assistance.assistancecase.CaseDtos.RaiseObjection;
import org.dangjian.assistance.assistancecase.CaseDtos.Reassignment;
import org.dangjian.assistance.assistancecase.CaseDtos.Rejection;
import org.dangjian.assistance.assistancecase.CaseDtos.ResolveObjection;
import org.dangjian.assistance.assistancecase.CaseDtos.Visit;
import org.dangjian.assistance.assistancecase.CaseDtos.VisitView;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.dangjian.platform.api.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.UUID;

/**
 * 帮扶档案. Each step is a POST on the case; a step out of order is refused with 409 and its own
 * code (CASE_NOT_AWAITING_…), a step dated before the previous one with 422 CASE_STEP_BEFORE_PREVIOUS.
 */
@Path("/cases")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "帮扶档案: application, verification, review, approval, public notice, disbursement, follow-up")
public class CaseResource {

    @Inject
    CaseService service;

    @Inject
    CaseWorkflow workflow;

    @POST
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.MEMBER})
    @Operation(summary = "Apply for assistance (帮扶申请)",
            description = "Staff apply on behalf of a beneficiary in their subtree; a member applies only for themselves. "
                    + "Publishes assistance.case-opened.")
    public Response apply(@Valid @NotNull ApplyForAssistance request, @Context UriInfo uri) {
        CaseView view = service.apply(request);
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
    }

    @GET
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION, Caller.MEMBER})
    @Operation(summary = "Cases of your subtree (description masked), by application date",
            description = "A member sees only the cases where they are the beneficiary. orgId: that organization's subtree "
                    + "(404 ORGANIZATION_NOT_FOUND when unknown or outside your scope); from/to: applied on those days, both "
                    + "included; requiredLevel: cases whose requested amount needs that approval level (and no lower one). "
                    + "sort: appliedOn (default, oldest first) or -appliedOn.")
    public ListPage<CaseView> list(@QueryParam("orgId") UUID orgId,
            @QueryParam("status") CaseStatus status,
            @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to,
            @QueryParam("reassignmentNeeded") Boolean reassignmentNeeded,
            @QueryParam("beneficiaryId") UUID beneficiaryId,
            @QueryParam("requiredLevel") ApprovalLevel requiredLevel,
            @BeanParam ListQuery query) {
        return service.list(new CaseService.CaseQuery(orgId, status, from, to, reassignmentNeeded, beneficiaryId, requiredLevel),
                query);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION, Caller.MEMBER})
    @Operation(summary = "One case", description = "The description unmasked for case workers, audited with purpose as the reason. "
            + "A member reads only their own cases (masked); any other is 404.")
    public CaseView get(@PathParam("id") UUID id, @QueryParam("purpose") @Size(max = 200) String purpose) {
        return service.get(id, purpose);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION, Caller.MEMBER})
    @Operation(summary = "Every step, objection and change of organization of the case")
    public CaseHistory history(@PathParam("id") UUID id) {
        return service.history(id);
    }

    @GET
    @Path("/{id}/visits")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION, Caller.MEMBER})
    @Operation(summary = "The case's verification and follow-up visits, in the order they happened",
            description = "Findings masked for everyone in the list; open one visit to read them.")
    public ListPage<VisitView> visits(@PathParam("id") UUID id, @BeanParam ListQuery query) {
        return service.visits(id, query);
    }

    @GET
    @Path("/{id}/visits/{visitId}")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION, Caller.MEMBER})
    @Operation(summary = "One visit of the case",
            description = "Findings unmasked for platform-admin, org-admin and branch-secretary, and then audited with the "
                    + "query parameter purpose as the reason; masked for the other roles.")
    public VisitView visit(@PathParam("id") UUID id, @PathParam("visitId") UUID visitId,
            @QueryParam("purpose") @Size(max = 200) String purpose) {
        return service.visit(id, visitId, purpose);
    }

    @POST
    @Path("/{id}/verification")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Record the verification visit (入户核实): APPLIED → VERIFIED",
            description = "Again on a VERIFIED case: 200 with the case as it stands, no second visit or history row (a retry).")
    public CaseView verify(@PathParam("id") UUID id, @Valid @NotNull Visit visit) {
        return workflow.verify(id, visit);
    }

    @POST
    @Path("/{id}/branch-review")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Record the branch review (支部审议): VERIFIED → BRANCH_REVIEWED",
            description = "Again on a BRANCH_REVIEWED case: 200 with the case as it stands, nothing recorded twice (a retry).")
    public CaseView branchReview(@PathParam("id") UUID id, @Valid @NotNull Decision decision) {
        return workflow.branchReview(id, decision);
    }

    @POST
    @Path("/{id}/approval")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Approve (审批): BRANCH_REVIEWED → APPROVED",
            description = "403 CASE_APPROVAL_LEVEL_REQUIRED when the amount is above your level's ceiling "
                    + "(configurable: branch secretary ≤ 2000, org-admin ≤ 10000, above: platform-admin). "
                    + "Publishes assistance.case-approved. Again on an APPROVED case at your level with the same amount "
                    + "(approvedAmount absent or equal): 200 with the case as it stands, no second event, history row or audit "
                    + "entry; another amount is 409 CASE_NOT_AWAITING_APPROVAL.")
    public CaseView approve(@PathParam("id") UUID id, @Valid @NotNull Approval approval) {
        return workflow.approve(id, approval);
    }

    @POST
    @Path("/{id}/rejection")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Reject (不予帮扶) at branch review or approval",
            description = "Again on a REJECTED case: 200 with the case as it stands (a retry); on a case decided otherwise 409 "
                    + "CASE_NOT_REJECTABLE.")
    public CaseView reject(@PathParam("id") UUID id, @Valid @NotNull Rejection rejection) {
        return workflow.reject(id, rejection);
    }

    @POST
    @Path("/{id}/public-notice")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Post the public notice (公示): APPROVED → PUBLIC_NOTICE",
            description = "Runs the configured number of working days (weekends and configured holidays skipped). Again with the "
                    + "same startsOn on a case in PUBLIC_NOTICE: 200 with the case as it stands, nothing recorded twice.")
    public CaseView startPublicNotice(@PathParam("id") UUID id, @Valid @NotNull PublicNotice notice) {
        return workflow.startPublicNotice(id, notice);
    }

    @POST
    @Path("/{id}/objections")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Record an objection to the public notice (公示异议)")
    public Response raiseObjection(@PathParam("id") UUID id, @Valid @NotNull RaiseObjection request) {
        return Response.status(Response.Status.CREATED).entity(workflow.raiseObjection(id, request)).build();
    }

    @POST
    @Path("/{id}/objections/{objectionId}/resolution")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Resolve an objection: UPHELD rejects the case, DISMISSED lets it go on",
            description = "Again with the result it already has: 200 with the case as it stands; another result 409 "
                    + "CASE_OBJECTION_ALREADY_RESOLVED.")
    public CaseView resolveObjection(@PathParam("id") UUID id, @PathParam("objectionId") UUID objectionId,
            @Valid @NotNull ResolveObjection request) {
        return workflow.resolveObjection(id, objectionId, request);
    }

    @POST
    @Path("/{id}/disbursement")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Pay the approved amount (发放): PUBLIC_NOTICE → DISBURSED",
            description = "409 CASE_PUBLIC_NOTICE_RUNNING on or before the notice's last day, 409 CASE_OBJECTION_OPEN, "
                    + "409 BUDGET_EXCEEDED. Publishes assistance.disbursed. Never pays twice: again on a DISBURSED case from "
                    + "the same fund (amount absent or equal): 200 with the case as it stands, no second ledger entry or "
                    + "event; from another fund or amount 409 CASE_NOT_AWAITING_DISBURSEMENT.")
    public CaseView disburse(@PathParam("id") UUID id, @Valid @NotNull CaseDisbursement request) {
        return workflow.disburse(id, request);
    }

    @POST
    @Path("/{id}/follow-ups")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Record a follow-up visit (回访): DISBURSED/FOLLOW_UP → FOLLOW_UP")
    public CaseView followUp(@PathParam("id") UUID id, @Valid @NotNull Visit visit) {
        return workflow.followUp(id, visit);
    }

    @POST
    @Path("/{id}/reassignment")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN})
    @Operation(summary = "Give an open case to another organization in your scope",
            description = "Clears the reassignment flag, set when the case's organization was dissolved without a "
                    + "merge or when its MEMBER beneficiary transferred to an organization outside the platform. To the "
                    + "organization it already has, with no reassignment pending: 200 with the case as it stands, nothing "
                    + "recorded.")
    public CaseView reassign(@PathParam("id") UUID id, @Valid @NotNull Reassignment reassignment) {
        return workflow.reassign(id, reassignment);
    }

    @GET
    @Path("/reassignments-due")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "Open cases waiting for another organization",
            description = "reassignmentNeeded is set on open cases (history reason ORGANIZATION_DISSOLVED) when their "
                    + "organization is dissolved without a merge, and (reason MEMBER_LEFT_PLATFORM, the case staying with "
                    + "its branch) when their MEMBER beneficiary transfers to an organization outside the platform. A merge "
                    + "(mergedIntoId) instead moves the absorbed organization's open cases to the survivor (reason "
                    + "ORGANIZATION_MERGED); a member's transfer inside the platform moves them with the member (reason "
                    + "MEMBER_TRANSFERRED) and clears the flag. Funds, budgets and closed cases stay where they are.")
    public ListPage<CaseView> reassignmentsDue(@BeanParam ListQuery query) {
        return service.list(CaseService.CaseQuery.reassignmentsDue(), query);
    }

    @POST
    @Path("/{id}/closure")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Close the case (结案): FOLLOW_UP → CLOSED", description = "Publishes assistance.case-closed. "
            + "Again with the same outcome on a CLOSED case: 200 with the case as it stands, no second event; another "
            + "outcome 409 CASE_NOT_CLOSABLE.")
    public CaseView close(@PathParam("id") UUID id, @Valid @NotNull Closure closure) {
        return workflow.close(id, closure);
    }
}
