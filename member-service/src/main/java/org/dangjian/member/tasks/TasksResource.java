package org.dangjian.member.tasks;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.list.ListQuery;
import org.dangjian.platform.api.tasks.TaskKind;
import org.dangjian.platform.api.tasks.TaskQueue;
import org.dangjian.platform.api.tasks.TaskQueues;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks", description = "待办: the caller's work queue")
public class TasksResource {

    @Inject
    @Any
    Instance<TaskKind> kinds;

    @GET
    @Transactional
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.MEMBER, Caller.AUDITOR})
    @Operation(summary = "My work queue (待办) in member-service",
            description = "Oldest due first, undated last; counts per kind for a badge. Kinds: "
                    + "TRANSFER_TO_ANSWER — letters still open (ISSUED) that your scope answers (addressed to a branch in "
                    + "it; for a letter to outside the platform, issued by it: the issuer records the receipt); due on "
                    + "the letter's last valid day (validUntil); the same letters as GET /transfers?direction=INCOMING"
                    + "&status=ISSUED of each branch. "
                    + "DUES_ARREARS — probationary and full members in your scope owing dues up to this month, as "
                    + "GET /dues/arrears lists them per branch; due on the first day of the oldest unpaid month. "
                    + "DEVELOPMENT_FOLLOW_UP_DUE — applicants awaiting their talk and activists whose review is due, "
                    + "due on or before today, as GET /development-follow-ups (kind TALK or REVIEW); due on the talk's or "
                    + "review's due date. These three are for platform-admin, org-admin and branch-secretary. "
                    + "MY_DUES_UNPAID — for a member-role token carrying member_id: their own dues unpaid up to this "
                    + "month (GET /me/dues), due on the first day of the oldest unpaid month. "
                    + "An auditor has no tasks here (an empty queue).")
    public TaskQueue tasks(@BeanParam ListQuery query) {
        List<TaskKind> all = kinds.stream().toList();
        return TaskQueues.page(query, all);
    }
}
