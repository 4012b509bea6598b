package org.dangjian.activity.tasks;

import jakarta.annotation.security.RolesAllowed;
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

import java.util.Comparator;
import java.util.List;

@Path("/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks", description = "待办: what is waiting for the caller in activity-service")
public class TasksResource {

    @Inject
    Instance<TaskKind> kinds;

    @GET
    @Transactional
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION,
            Caller.MEMBER})
    @Operation(summary = "My work queue (待办) in activity-service, oldest due first",
            description = "Kinds, each limited to your data scope: ACTIVITY_TO_RECORD (platform-admin, org-admin, "
                    + "branch-secretary: a planned activity whose planned start has passed, not recorded or cancelled, "
                    + "of an organization not dissolved; due its planned day), ACTIVITY_AWAITING_REASSIGNMENT (the same "
                    + "roles: a planned activity of a dissolved organization, as GET /activities/awaiting-reassignment; "
                    + "due its planned day), ACTIVITY_TO_SIGN_IN (any token naming a member: a planned activity I am "
                    + "expected at, as GET /me/activities, whose planned day has come, not signed in to nor asked leave "
                    + "from; due its planned day, linked to its sign-in). Dates are Asia/Shanghai civil dates; overdue "
                    + "= due before today. counts has every kind that applies to you, 0 included. Auditors and "
                    + "integrations have none.")
    public TaskQueue tasks(@BeanParam ListQuery query) {
        List<TaskKind> all = kinds.stream().sorted(Comparator.comparing(TaskKind::kind)).toList();
        return TaskQueues.page(query, all);
    }
}
