package org.dangjian.organization.organization;

import jakarta.annotation.security.RolesAllowed;
import org.dangjian.platform.api.EntityTags;
import java.util.OptionalLong;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.dangjian.organization.organization.OrganizationDtos.DissolveOrganization;
import org.dangjian.organization.organization.OrganizationDtos.EstablishOrganization;
import org.dangjian.organization.organization.OrganizationDtos.HistoryView;
import org.dangjian.organization.organization.OrganizationDtos.MergeOrganizations;
import org.dangjian.organization.organization.OrganizationDtos.MoveOrganization;
import org.dangjian.organization.organization.OrganizationDtos.OrganizationView;
import org.dangjian.organization.organization.OrganizationDtos.RenameOrganization;
import org.dangjian.organization.organization.OrganizationDtos.SnapshotView;
import org.dangjian.organization.organization.OrganizationDtos.SplitOrganization;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.idempotency.Idempotent;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.list.Cursor;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import jakarta.ws.rs.BeanParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/organizations")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organizations", description = "党组织: the organization tree")
public class OrganizationResource {

    private static final String IF_MATCH_DOC = " Send the ETag of your last read as If-Match: 412 when the organization "
            + "changed since.";

    @Inject
    OrganizationService service;

    @Inject
    TreeQueries tree;

    @Inject
    Timeline timeline;

    @POST
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN})
    @Operation(summary = "Establish an organization (成立党组织)",
            description = "Publishes organization.established. 422 when the parent is missing, outside your scope, "
                    + "dissolved, or of a type that cannot hold the new one." + Idempotent.DOC)
    public Response establish(@Valid @NotNull EstablishOrganization request, @Context UriInfo uri) {
        Organization organization = service.establish(request);
        return Response.created(uri.getAbsolutePathBuilder().path(organization.id().toString()).build())
                .tag(etag(organization)).entity(OrganizationView.of(organization)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "One organization in your scope", description = "The ETag header carries its version.")
    public Response get(@PathParam("id") UUID id) {
        return view(service.get(id));
    }

    @POST
    @Path("/{id}/rename")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN})
    @Operation(summary = "Rename (更名)", description = "Publishes organization.changed." + IF_MATCH_DOC
                    + " Safe to retry: when the organization already has that name, 200 with it as it is (no event, no history entry, If-Match not checked).")
    public Response rename(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RenameOrganization request) {
        return view(service.rename(id, expectedVersion(ifMatch), request));
    }

    @POST
    @Path("/{id}/move")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN})
    @Operation(summary = "Move under another parent (调整隶属关系), with the whole subtree",
            description = "Publishes organization.moved. 422 for a cycle, a dissolved parent or a parent type that "
                    + "cannot hold this one." + IF_MATCH_DOC + " Safe to retry: when it is already directly under that parent, 200 "
                    + "with it as it is (no event, no history entry, If-Match not checked).")
    public Response move(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull MoveOrganization request) {
        return view(service.move(id, expectedVersion(ifMatch), request));
    }

    @POST
    @Path("/{id}/dissolve")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN})
    @Operation(summary = "Dissolve (撤销)",
            description = "Publishes organization.dissolved. 422 while active child organizations remain: dissolve "
                    + "or move them first." + IF_MATCH_DOC + " Safe to retry: when it is already dissolved (not merged) on the "
                    + "date asked, or no date is sent, 200 with it as it is (no second event, If-Match not checked); "
                    + "dissolved otherwise stays 422 ORGANIZATION_DISSOLVED.")
    public Response dissolve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull DissolveOrganization request) {
        return view(service.dissolve(id, expectedVersion(ifMatch), request));
    }

    @POST
    @Path("/{id}/merge")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN})
    @Operation(summary = "Merge another branch into this one (合并)",
            description = "The absorbed branch's groups move here (organization.moved), then it is dissolved naming "
                    + "this one (organization.dissolved with mergedIntoId)." + IF_MATCH_DOC)
    public Response merge(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull MergeOrganizations request) {
        return view(service.merge(id, expectedVersion(ifMatch), request));
    }

    @POST
    @Path("/{id}/split")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN})
    @Operation(summary = "Split into new sibling organizations (拆分)",
            description = "Each part is established beside this one with the same type and sector and takes the "
                    + "listed child organizations; optionally this one is dissolved afterwards." + IF_MATCH_DOC)
    public List<OrganizationView> split(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull SplitOrganization request) {
        return service.split(id, expectedVersion(ifMatch), request).stream().map(OrganizationView::of).toList();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.AUDITOR})
    @Operation(summary = "What changed, when, by whom and why (oldest first, keyset pages; sort: position only)")
    public ListPage<HistoryView> history(@PathParam("id") UUID id, @BeanParam ListQuery query) {
        query.sort("position");
        long after = query.after().map(c -> c.number(0)).orElse(0L);
        service.get(id);
        return ListPage.of(timeline.history(id, after, query.limit()), query, h -> Cursor.at(h.position()))
                .map(HistoryView::of);
    }

    @GET
    @Path("/{id}/children")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "Direct children, in tree order (keyset pages; sort: path only)")
    public ListPage<OrganizationView> children(@PathParam("id") UUID id, @QueryParam("type") OrganizationType type,
            @QueryParam("status") OrganizationStatus status, @BeanParam ListQuery query) {
        return tree.children(id, new TreeQueries.Filter(type, status), query);
    }

    @GET
    @Path("/{id}/subtree")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "The node and everything below it, depth-first in path order (keyset pages)",
            description = "Pass the previous page's nextCursor as `cursor`. Sort: path only (tree order).")
    public ListPage<OrganizationView> subtree(@PathParam("id") UUID id, @QueryParam("type") OrganizationType type,
            @QueryParam("status") OrganizationStatus status, @BeanParam ListQuery query) {
        return tree.subtree(id, new TreeQueries.Filter(type, status), query);
    }

    @GET
    @Path("/{id}/ancestors")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "The path from the top of your scope down to the parent, top first",
            description = "Short by nature: the whole chain in one page (nextCursor always null).")
    public ListPage<OrganizationView> ancestors(@PathParam("id") UUID id, @BeanParam ListQuery query) {
        query.size();
        query.sort("depth");
        query.after();
        return tree.ancestors(id);
    }

    @GET
    @Path("/{id}/tree")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "The subtree as it stood on a past day (as of the end of that day)",
            description = "404 ORGANIZATION_NOT_IN_TREE_ON when the organization did not exist that day. Keyset "
                    + "pages in tree order (sort: path only).")
    public ListPage<SnapshotView> asOf(@PathParam("id") UUID id, @QueryParam("asOf") @NotNull LocalDate asOf,
            @BeanParam ListQuery query) {
        return tree.asOf(id, asOf, query);
    }

    @GET
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "Search your scope by a name fragment or a code prefix",
            description = "Best match first, then tree order (sort: relevance only); keyset pages.")
    public ListPage<OrganizationView> search(@QueryParam("q") @NotBlank @Size(max = 100) String q,
            @QueryParam("type") OrganizationType type, @QueryParam("status") OrganizationStatus status,
            @BeanParam ListQuery query) {
        return tree.search(q, new TreeQueries.Filter(type, status), query);
    }

    private static Response view(Organization organization) {
        return Response.ok(OrganizationView.of(organization)).tag(etag(organization)).build();
    }

    private static EntityTag etag(Organization organization) {
        return new EntityTag(Long.toString(organization.version()));
    }

    /** {@code "3"} (or W/"3") → 3; absent → no check; anything else can never match the current version. */
    private static Long expectedVersion(String ifMatch) {
        try {
            OptionalLong version = EntityTags.version(ifMatch);
            return version.isPresent() ? version.getAsLong() : null;
        } catch (IllegalArgumentException e) {
            throw new DomainException(412, "PRECONDITION_FAILED", ifMatch, "?");
        }
    }
}
