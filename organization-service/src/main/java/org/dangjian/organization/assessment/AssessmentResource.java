package org.dangjian.organization.assessment;

import org.dangjian.platform.api.idempotency.Idempotent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.dangjian.organization.assessment.AssessmentDtos.AssessmentView;
import org.dangjian.organization.assessment.AssessmentDtos.DefineSet;
import org.dangjian.organization.assessment.AssessmentDtos.Ranked;
import org.dangjian.organization.assessment.AssessmentDtos.Review;
import org.dangjian.organization.assessment.AssessmentDtos.SelfAssess;
import org.dangjian.organization.assessment.AssessmentDtos.SetView;
import org.dangjian.organization.audit.AuditLog;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import jakarta.ws.rs.BeanParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/assessment-sets")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments", description = "考核: criteria with weights, self-assessment, review, rating and ranking")
public class AssessmentResource {

    @Inject
    AssessmentService service;

    @Inject
    AuditLog audit;

    @POST
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN})
    @Operation(summary = "Define a year's criteria set (weights sum to 100)")
    public Response define(@Valid @NotNull DefineSet request) {
        return Response.status(201).entity(SetView.of(service.define(request))).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "One criteria set")
    public SetView get(@PathParam("id") UUID id) {
        return SetView.of(service.set(id));
    }

    @POST
    @Path("/{id}/assessments")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Self-assessment (自评) of an organization in the set's subtree")
    public Response selfAssess(@PathParam("id") UUID id, @Valid @NotNull SelfAssess request) {
        return Response.status(201).entity(AssessmentView.of(service.selfAssess(id, request))).build();
    }

    @POST
    @Path("/assessments/{assessmentId}/review")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN})
    @Operation(summary = "Review (审核评定) by the set's level: final score and rating",
            description = "Safe to retry: the same scores on a reviewed assessment answer 200 with it as it is (nothing "
                    + "audited twice); other scores stay 409 ASSESSMENT_ALREADY_REVIEWED." + Idempotent.DOC)
    public AssessmentView review(@PathParam("assessmentId") UUID assessmentId, @Valid @NotNull Review request) {
        return AssessmentView.of(service.review(assessmentId, request));
    }

    @GET
    @Path("/assessments/awaiting-review")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN})
    @Operation(summary = "Self-assessments waiting for your review (待审核)",
            description = "Self-assessed, against a set defined by an organization of your subtree (the level that "
                    + "reviews), in the order they were submitted; keyset pages (sort: submitted only). The work queue's "
                    + "ASSESSMENT_TO_REVIEW tasks are these.")
    public ListPage<AssessmentView> awaitingReview(@BeanParam ListQuery query) {
        return service.awaitingReview(query);
    }

    @GET
    @Path("/assessments/{assessmentId}")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "One organization's assessment")
    public AssessmentView assessment(@PathParam("assessmentId") UUID assessmentId) {
        return AssessmentView.of(service.assessment(assessmentId));
    }

    @GET
    @Path("/assessments/{assessmentId}/history")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.AUDITOR})
    @Operation(summary = "Self-assessment and review: scores before and after, who and when (oldest first, keyset pages; sort: occurredAt only)")
    public ListPage<AuditLog.Entry> history(@PathParam("assessmentId") UUID assessmentId, @BeanParam ListQuery query) {
        return audit.history(AssessmentService.AUDIT_ASSESSMENT, service.assessment(assessmentId).id(), query);
    }

    @GET
    @Path("/{id}/ranking")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "Reviewed organizations of your subtree, best first",
            description = "Equal scores share a rank; keyset pages (sort: rank only).")
    public ListPage<Ranked> ranking(@PathParam("id") UUID id, @BeanParam ListQuery query) {
        return service.ranking(id, query);
    }
}
