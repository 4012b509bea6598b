package org.dangjian.assistance.beneficiary;

import org.dangjian.platform.api.idempotency.Idempotent;
import jakarta.annotation.security.RolesAllowed;
import org.dangjian.platform.api.EntityTags;
import java.util.OptionalLong;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.dangjian.assistance.beneficiary.BeneficiaryDtos.BeneficiaryView;
import org.dangjian.assistance.beneficiary.BeneficiaryDtos.RegisterBeneficiary;
import org.dangjian.assistance.beneficiary.BeneficiaryDtos.UpdateBeneficiary;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import jakarta.ws.rs.BeanParam;
import org.dangjian.platform.api.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/beneficiaries")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Beneficiaries", description = "帮扶对象: members in hardship and residents the branches look after")
public class BeneficiaryResource {


    @Inject
    BeneficiaryService service;

    @POST
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Register a beneficiary in your subtree",
            description = "409 BENEFICIARY_ALREADY_REGISTERED / BENEFICIARY_MEMBER_ALREADY_REGISTERED for the same person twice. "
                    + "Kind MEMBER: memberId must name a member this service knows from member-service's events, still a "
                    + "member (not ended), on the platform, whose branch is in your subtree — otherwise 422 MEMBER_UNKNOWN, "
                    + "the same answer for each reason; orgId must be that member's branch (422 "
                    + "BENEFICIARY_MEMBER_NOT_IN_ORGANIZATION). The record then follows the member: a transfer moves it and its "
                    + "open cases to the new branch; a transfer out of the platform leaves it with its branch and flags its "
                    + "open cases reassignmentNeeded; an end of membership leaves it and its cases with the branch "
                    + "(memberStatus ENDED). A merge of its organization (organization.dissolved with mergedIntoId) moves "
                    + "every beneficiary, resident or member, and the open cases to the surviving organization.")
    public Response register(@Valid @NotNull RegisterBeneficiary request, @Context UriInfo uri) {
        BeneficiaryView view = service.register(request);
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
    }

    @GET
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION, Caller.MEMBER})
    @Operation(summary = "Beneficiaries of your subtree (personal data masked)",
            description = "nationalId finds one person exactly (blind index); filters by kind, category and member. "
                    + "A member sees only their own record. orgId: that organization's subtree (404 ORGANIZATION_NOT_FOUND "
                    + "when unknown or outside your scope). sort: registeredOn (default, oldest first) or -registeredOn.")
    public ListPage<BeneficiaryView> list(@QueryParam("orgId") UUID orgId,
            @QueryParam("kind") BeneficiaryKind kind,
            @QueryParam("category") HardshipCategory category,
            @QueryParam("nationalId") @Size(max = 18) String nationalId,
            @QueryParam("memberId") UUID memberId,
            @BeanParam ListQuery query) {
        return service.list(orgId, kind, category, nationalId, memberId, query);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION, Caller.MEMBER})
    @Operation(summary = "One beneficiary",
            description = "Unmasked for platform-admin, org-admin and branch-secretary, and then audited with the "
                    + "query parameter purpose (why you open it, e.g. 核实走访) as the reason. A member reads only "
                    + "their own record (masked); any other is 404.")
    public Response get(@PathParam("id") UUID id, @QueryParam("purpose") @Size(max = 200) String purpose) {
        BeneficiaryView view = service.get(id, purpose);
        return Response.ok(view).tag(new EntityTag(String.valueOf(view.version()))).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Update the household facts (address, size, categories, hardship details)",
            description = "Needs If-Match with the ETag of the version you read: 428 IF_MATCH_REQUIRED without it, "
                    + "412 BENEFICIARY_VERSION_STALE when it changed since.")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull UpdateBeneficiary request) {
        BeneficiaryView view = service.update(id, version(ifMatch), request);
        return Response.ok(view).tag(new EntityTag(String.valueOf(view.version()))).build();
    }

    /** {@code "3"}, {@code W/"3"} or {@code 3} → 3; anything else matches no version. */
    private static Long version(String ifMatch) {
        try {
            OptionalLong version = EntityTags.version(ifMatch);
            return version.isPresent() ? version.getAsLong() : null;
        } catch (IllegalArgumentException e) {
            return -1L;
        }
    }
}
