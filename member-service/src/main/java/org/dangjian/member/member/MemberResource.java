package org.dangjian.member.member;

import org.dangjian.platform.api.idempotency.Idempotent;
import jakarta.annotation.security.RolesAllowed;
import org.dangjian.platform.api.EntityTags;
import java.util.OptionalLong;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.dangjian.member.member.MemberDtos.CorrectMember;
import jakarta.ws.rs.BeanParam;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.dangjian.member.member.MemberDtos.MemberView;
import org.dangjian.member.member.MemberDtos.RegisterMember;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.DomainException;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/members")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Members", description = "党员档案: member records")
public class MemberResource {

    @Inject
    MemberService service;

    @POST
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Register a member record (建立党员档案)",
            description = "Publishes member.registered. 409 MEMBER_NATIONAL_ID_TAKEN when the person already has a record; "
                    + "422 when the branch is not a branch in your scope or a rule is broken.")
    public Response register(@Valid @NotNull RegisterMember request, @Context UriInfo uri) {
        MemberView view = service.register(request);
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
                .tag(etag(view)).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION,
            Caller.MEMBER})
    @Operation(summary = "One member record",
            description = "National ID and phone are shown in full to platform and organization administrators and to the "
                    + "member themself, and each such read is audited (X-Purpose says why); masked for everyone else.")
    public RestResponse<MemberView> get(@PathParam("id") UUID id,
            @Parameter(description = "Why the record is read, kept in the audit trail: UTF-8, or RFC 8187 "
                    + "UTF-8''<percent-encoded> where the client can send only Latin-1 (browsers)")
            @HeaderParam("X-Purpose") @Size(max = 200) String purpose) {
        // RestResponse with its type, not Response: the JSON writer is chosen at build time (benchmark B1).
        MemberView view = service.read(id, purpose);
        return RestResponse.ResponseBuilder.ok(view).tag(etag(view)).build();
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.MEMBER})
    @Operation(summary = "Correct a member record (更正档案)",
            description = "Only the fields present change. If-Match with the ETag of the last read: 412 when the record "
                    + "changed since. Publishes member.updated. A field the record has no place for (orgId, stage, "
                    + "memberNumber: the branch and stage have their own procedures) is refused, nothing changed: 422 "
                    + "MEMBER_FIELD_NOT_CORRECTABLE, errors[] naming each. A member may correct their own record only, "
                    + "and only phone, education and workUnit (configurable): 422 MEMBER_FIELD_NOT_SELF_EDITABLE for any "
                    + "other field given, errors[] naming each; 404 for anyone else's record.")
    public Response correct(@PathParam("id") UUID id, @Valid @NotNull CorrectMember request,
            @HeaderParam("If-Match") String ifMatch) {
        MemberView view = service.correct(id, request, versionOf(ifMatch));
        return Response.ok(view).tag(etag(view)).build();
    }

    @GET
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "Search member records in your scope",
            description = "nationalId and phone match exactly (through a blind index), name by prefix. Always masked. "
                    + "sort: name (default, byte order of the name, then id), -name, joinedOn (date of admission; not "
                    + "yet admitted last), -joinedOn; paged by cursor. orgId limits the search to that "
                    + "organization's subtree (404 ORGANIZATION_NOT_FOUND outside your scope, as an unknown one); a "
                    + "dissolved organization keeps its place in the tree, so the organization above it still finds its "
                    + "members. needsBranch=true lists the members whose branch was dissolved while they were in it "
                    + "(撤销 without a merge: the platform flags them instead of refusing the dissolution); move them "
                    + "with POST /members/reassignments or a transfer.")
    public ListPage<MemberView> search(@QueryParam("nationalId") String nationalId,
            @QueryParam("phone") @Size(max = 20) String phone,
            @QueryParam("name") @Size(max = 50) String name,
            @QueryParam("stage") MemberStage stage,
            @Parameter(description = "an organization in your scope: only members of its subtree") @QueryParam("orgId") UUID orgId,
            @Parameter(description = "true: only members flagged \"needs a branch\"; false: only the others")
            @QueryParam("needsBranch") Boolean needsBranch,
            @BeanParam ListQuery query) {
        return service.search(nationalId, phone, name, stage, orgId, needsBranch, query);
    }

    static EntityTag etag(MemberView view) {
        return new EntityTag(Long.toString(view.version()));
    }

    /** {@code "3"} or {@code W/"3"} → 3; absent → no precondition. */
    static Long versionOf(String ifMatch) {
        if (ifMatch != null && "*".equals(ifMatch.strip())) {
            return null;
        }
        try {
            OptionalLong version = EntityTags.version(ifMatch);
            return version.isPresent() ? version.getAsLong() : null;
        } catch (IllegalArgumentException e) {
            throw new DomainException(412, "MEMBER_VERSION_STALE", "?");
        }
    }
}
