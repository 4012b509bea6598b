package org.dangjian.assistance.tasks;

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

import java.util.Comparator;
import java.util.List;

@Path("/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks", description = "待办: what is waiting for the caller in assistance work")
public class TaskResource {

    @Inject
    @Any
    Instance<TaskKind> kinds;

    @GET
    @Transactional
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION, Caller.MEMBER})
    @Operation(summary = "Your work queue (待办) in assistance work, oldest due first, undated last",
            description = "Kinds, each limited to your subtree: CASE_TO_VERIFY (case APPLIED, 入户核实 to record; "
                    + "staff; undated; = GET /cases?status=APPLIED), CASE_TO_REVIEW (case VERIFIED, 支部审议 to record; staff; "
                    + "undated; = GET /cases?status=VERIFIED), CASE_TO_APPROVE (case BRANCH_REVIEWED whose requested amount "
                    + "needs exactly your approval level; branch-secretary, org-admin, platform-admin; undated; = GET "
                    + "/cases?status=BRANCH_REVIEWED&requiredLevel=<your level>), CASE_REASSIGNMENT_DUE (open case waiting for "
                    + "another organization; org-admin, platform-admin; undated; = GET /cases/reassignments-due), "
                    + "FOLLOW_UP_VISIT_DUE (a visit's promised follow-up due today or earlier and not done; staff; due on the "
                    + "promised date; = GET /visits/overdue-follow-ups?asOf=<tomorrow>), REASSESSMENT_DUE (beneficiary due "
                    + "for the yearly re-assessment; staff; due on the anniversary of the last assessment; = GET "
                    + "/reports/reassessments-due). Auditors, integrations and members have no assistance tasks: an empty "
                    + "queue. counts: the number of each kind that applies to you. sort: dueDate only.")
    public TaskQueue tasks(@BeanParam ListQuery query) {
        List<TaskKind> all = kinds.stream().sorted(Comparator.comparing(TaskKind::kind)).toList();
        return TaskQueues.page(query, all);
    }
}
