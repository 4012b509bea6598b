package org.dangjian.activity.activity;

import org.dangjian.platform.api.idempotency.Idempotent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import org.dangjian.activity.activity.ActivityDtos.ActivityLine;
import org.dangjian.activity.activity.ActivityDtos.ActivityView;
import org.dangjian.activity.activity.ActivityDtos.CancelActivity;
import org.dangjian.activity.activity.ActivityDtos.PlanActivity;
import org.dangjian.activity.activity.ActivityDtos.ReassignActivity;
import org.dangjian.activity.activity.ActivityDtos.RecordActivity;
import org.dangjian.activity.activity.ActivityDtos.RevisionView;
import org.dangjian.activity.roster.Roster;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.EntityTags;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.OptionalLong;
import java.util.UUID;

@Path("/activities")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Activities", description = "组织生活: plan, record with attendance, correct, cancel")
public class ActivityResource {

    @Inject
    ActivityService service;

    @POST
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Plan an activity (计划)", description = "404 when the organization is outside your scope. "
            + "hostMemberId and recorderMemberId must name a member who belongs, on the planned day, to an organization "
            + "in your scope (any organization of it, not only the one holding the activity); an id never heard of, a "
            + "member ended or transferred away (within or out of the platform) by that day, and a member of an "
            + "organization outside your scope all answer 422 MEMBER_REFERENCE_UNKNOWN alike, naming only the field "
            + "and the id given. A member who later leaves their organization (a transfer within or out of the "
            + "platform, the end of membership) on or before the planned day is released from the activity while it "
            + "is still planned: host and hostMemberId (recorder and recorderMemberId) become null, the audit log keeps "
            + "who they were (ACTIVITY_MEMBER_RELEASED), and whoever records it names who actually hosted. "
            + "The expected roster (GET …/roster) is the organization's members on the planned day, so it never lists "
            + "a member who left before it.")
    public Response plan(@Valid @NotNull PlanActivity request, @Context UriInfo uri) {
        ActivityView activity = service.plan(request);
        return Response.created(uri.getAbsolutePathBuilder().path(activity.id().toString()).build())
                .entity(activity).tag(etag(activity)).build();
    }

    @GET
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "Activities in your scope, newest planned first",
            description = "Filter by organization subtree (orgId: 404 ORGANIZATION_NOT_FOUND when unknown or outside your "
                    + "scope), status, type and date (from/to, both included: the day held, else the planned day). "
                    + "sort: -startsAt (default, planned start newest first) or startsAt. Members read theirs at "
                    + "GET /me/activities.")
    public ListPage<ActivityLine> list(@QueryParam("orgId") UUID orgId, @QueryParam("status") ActivityStatus status,
            @QueryParam("type") ActivityType type, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @BeanParam ListQuery query) {
        return service.list(orgId, status, type, from, to, query);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "One activity with its recording and attendance",
            description = "The ETag is the activity's version: send it as If-Match to record, correct or cancel it.")
    public Response get(@PathParam("id") UUID id) {
        return withTag(service.view(id));
    }

    @POST
    @Path("/{id}/record")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Record what happened (记录), or correct an earlier recording",
            description = "Attendance must list every member of the organization's roster on the day held, once; "
                    + "a line for anyone else (unknown or not), 422 ATTENDANCE_NOT_ON_ROSTER. hostMemberId and "
                    + "recorderMemberId must name a member of an organization in your scope on the day held "
                    + "(422 MEMBER_REFERENCE_UNKNOWN otherwise, alike for unknown, departed and foreign ids). "
                    + "A correction needs correctionReason; the earlier recording is kept as a revision. "
                    + "Needs If-Match with the ETag you read: 428 IF_MATCH_REQUIRED without it, 412 ACTIVITY_VERSION_STALE "
                    + "when the activity changed since. Publishes activity.recorded. "
                    + "Safe to repeat: a recording equal to the current one (same times, minutes, attendance as a set, "
                    + "guests, and the host/recorder it names) answers 200 with the activity as it is, even with the "
                    + "ETag from before it, and changes nothing (no revision, no event, no audit entry); a different "
                    + "recording is a correction as above.")
    public Response record(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RecordActivity request) {
        return withTag(service.record(id, version(ifMatch), request));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Cancel a planned activity", description = "Needs If-Match (428 without, 412 when stale). "
            + "Publishes activity.cancelled; 409 ACTIVITY_TRANSITION_NOT_ALLOWED once held. Safe to repeat: an activity "
            + "already cancelled answers 200 with its current state (reason and time of the first cancellation), even "
            + "with the ETag from before it, and publishes nothing again.")
    public Response cancel(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CancelActivity request) {
        return withTag(service.cancel(id, version(ifMatch), request.reason()));
    }

    @GET
    @Path("/awaiting-reassignment")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "Planned activities of dissolved organizations (撤销) in your scope, oldest plan first",
            description = "Each is to be reassigned to another organization (POST …/reassign) or cancelled.")
    public ListPage<ActivityLine> awaitingReassignment(@BeanParam ListQuery query) {
        return service.awaitingReassignment(query);
    }

    @POST
    @Path("/{id}/reassign")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Move a planned activity of a dissolved organization to another active organization",
            description = "Needs If-Match (428 without, 412 when stale). 409 ACTIVITY_NOT_AWAITING_REASSIGNMENT unless "
                    + "it is planned and its organization dissolved; 404 when the target is outside your scope; "
                    + "422 when the target is dissolved. Safe to repeat: an activity already moved to that organization "
                    + "answers 200 with its current state, even with the ETag from before the move, and changes nothing.")
    public Response reassign(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ReassignActivity request) {
        return withTag(service.reassign(id, version(ifMatch), request.orgId()));
    }

    @GET
    @Path("/{id}/revisions")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "Earlier recordings replaced by corrections, oldest first")
    public ListPage<RevisionView> revisions(@PathParam("id") UUID id, @BeanParam ListQuery query) {
        return service.revisions(id, query);
    }

    @GET
    @Path("/{id}/roster")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "The expected roster: the organization's members on the day held (or planned), by name")
    public ListPage<Roster.RosterEntry> roster(@PathParam("id") UUID id, @BeanParam ListQuery query) {
        return service.expectedRoster(id, query);
    }

    static EntityTag etag(ActivityView activity) {
        return new EntityTag(Long.toString(activity.version()));
    }

    private static Response withTag(ActivityView activity) {
        return Response.ok(activity).tag(etag(activity)).build();
    }

    /** {@code "3"}, {@code W/"3"} or {@code 3} → 3; absent → null (the service answers 428); anything else never matches. */
    static Long version(String ifMatch) {
        try {
            OptionalLong version = EntityTags.version(ifMatch);
            return version.isPresent() ? version.getAsLong() : null;
        } catch (IllegalArgumentException e) {
            return -1L;
        }
    }
}
