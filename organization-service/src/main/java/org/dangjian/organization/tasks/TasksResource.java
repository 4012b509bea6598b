package org.dangjian.organization.tasks;

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
@Tag(name = "Tasks", description = "待办: what is waiting for the caller in this service")
public class TasksResource {

    @Inject
    @Any
    Instance<TaskKind> kinds;

    @GET
    @Transactional
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.MEMBER, Caller.AUDITOR,
            Caller.INTEGRATION})
    @Operation(summary = "Your work queue in organization-service (待办), oldest due first, undated last",
            description = "Kinds, for platform-admins and organization administrators, within your subtree: "
                    + "RE_ELECTION_DUE (a leadership term ends within the re-election notice period, today included; "
                    + "due the term's last day; = GET /leadership-terms/re-election-due), TERM_OVERDUE (a term ended "
                    + "without a re-election; due, and overdue, since its last day; = GET /leadership-terms/overdue), "
                    + "ASSESSMENT_TO_REVIEW (a self-assessment against a set of your subtree waits for your review; "
                    + "undated; = GET /assessment-sets/assessments/awaiting-review). Other roles have none here: an "
                    + "empty queue. counts: the tasks of each kind that applies to you, in the whole queue. Sort: "
                    + "dueDate only; pass nextCursor back as cursor.")
    public TaskQueue tasks(@BeanParam ListQuery query) {
        List<TaskKind> all = kinds.stream().sorted(Comparator.comparing(TaskKind::kind)).toList();
        return TaskQueues.page(query, all);
    }
}
