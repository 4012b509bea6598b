package org.dangjian.activity.me;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.dangjian.activity.activity.ActivityStatus;
import org.dangjian.activity.me.MyActivityDtos.LeaveRequest;
import org.dangjian.activity.me.MyActivityDtos.MyActivity;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.idempotency.Idempotent;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.UUID;

/** The token's own member: their activities, sign-in and leave requests. The member id never comes from the request. */
@Path("/me/activities")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "the caller's own member record: activities, attendance, sign-in, leave requests")
@RolesAllowed({Caller.MEMBER, Caller.BRANCH_SECRETARY, Caller.ORG_ADMIN, Caller.PLATFORM_ADMIN, Caller.AUDITOR,
        Caller.INTEGRATION})
public class MeResource {

    @Inject
    MyActivities activities;

    @GET
    @Operation(summary = "My activities (我的组织生活), with my attendance and hours",
            description = "For the member_id of the token (403 NO_MEMBER_IDENTITY without one): the held activities "
                    + "whose attendance sheet lists me (attendance, hours, leave reason as recorded) and the planned or "
                    + "cancelled activities of the organization I belong to on their planned day (the ones I am expected "
                    + "at), with my own sign-in or leave request. Filters: status; when=upcoming (still planned) or "
                    + "past (held or cancelled); from/to (both included: the day held, else the planned day). sort: "
                    + "-startsAt (default) or startsAt (soonest first, for upcoming).")
    public ListPage<MyActivity> list(@QueryParam("status") ActivityStatus status,
            @QueryParam("when") MyActivities.When when, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to, @BeanParam ListQuery query) {
        return activities.list(status, when, from, to, query);
    }

    @POST
    @Path("/{id}/sign-in")
    @Operation(summary = "Sign in to a planned activity (签到)",
            description = "Tells the recorder I am there; the attendance sheet they record stays the record. Open from "
                    + "the planned day (422 ACTIVITY_SIGN_IN_NOT_OPEN before it) while the activity is planned (409 "
                    + "ACTIVITY_NOT_OPEN_FOR_RESPONSES once held or cancelled). Replaces my leave request. Safe to "
                    + "repeat: once signed in, 200 with the same answer and nothing changes. An activity I am not "
                    + "expected at answers 404 ACTIVITY_NOT_FOUND like an unknown one.")
    public MyActivity signIn(@PathParam("id") UUID id) {
        return activities.signIn(id);
    }

    @POST
    @Path("/{id}/leave-request")
    @Operation(summary = "Ask for leave from a planned activity (请假)",
            description = "With a reason, while the activity is planned (409 ACTIVITY_NOT_OPEN_FOR_RESPONSES once held "
                    + "or cancelled; 409 ACTIVITY_ALREADY_SIGNED_IN after signing in). Safe to repeat: once requested, "
                    + "200 with the first request as it is (its reason kept) and nothing changes. An activity I am not "
                    + "expected at answers 404 ACTIVITY_NOT_FOUND like an unknown one.")
    public MyActivity requestLeave(@PathParam("id") UUID id, @Valid @NotNull LeaveRequest request) {
        return activities.requestLeave(id, request.reason());
    }
}
