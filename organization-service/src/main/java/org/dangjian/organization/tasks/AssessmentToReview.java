package org.dangjian.organization.tasks;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.dangjian.organization.assessment.AssessmentService;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.api.scope.Condition;
import org.dangjian.platform.api.tasks.Task;
import org.dangjian.platform.api.tasks.TaskKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * ASSESSMENT_TO_REVIEW: an organization has assessed itself against a set of the caller's subtree and waits for the
 * review (审核评定). Undated (the regulations set no deadline); the same assessments as
 * GET /assessment-sets/assessments/awaiting-review. For those who review: platform-admins and organization
 * administrators.
 */
@RequestScoped
public class AssessmentToReview implements TaskKind {

    private static final String NO_DUE_DATE = "cast(null as date)";

    @Inject
    EntityManager em;

    @Inject
    CallerScope scope;

    @Inject
    Caller caller;

    @Inject
    BusinessClock clock;

    @Override
    public String kind() {
        return "ASSESSMENT_TO_REVIEW";
    }

    @Override
    public boolean appliesToCaller() {
        return caller.hasRole(Caller.PLATFORM_ADMIN) || caller.hasRole(Caller.ORG_ADMIN);
    }

    @Override
    public long count() {
        Condition inScope = scope.pathCondition("so.path");
        return ((Number) inScope.bind(em.createNativeQuery("select count(*) "
                + AssessmentService.AWAITING_REVIEW.replace("/*scope*/", inScope.sql()))).getSingleResult()).longValue();
    }

    @Override
    public List<Task> after(Position after, int limit) {
        Condition inScope = scope.pathCondition("so.path");
        var query = inScope.bind(em.createNativeQuery("select a.id, o.name, s.name as set_name, s.organization_id "
                        + AssessmentService.AWAITING_REVIEW.replace("/*scope*/", inScope.sql())
                        + " and " + after.condition(kind(), NO_DUE_DATE, "a.id")
                        + " order by " + Position.orderBy(NO_DUE_DATE, "a.id") + " limit :limit"))
                .setParameter("limit", limit);
        after.bind(query, kind());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        LocalDate today = clock.today();
        List<Task> tasks = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            tasks.add(Task.of(kind(), "assessment", id, r[1] + " · " + r[2], (UUID) r[3], null, today,
                    "/api/v1/assessment-sets/assessments/" + id));
        }
        return tasks;
    }
}
