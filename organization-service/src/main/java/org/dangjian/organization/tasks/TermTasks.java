package org.dangjian.organization.tasks;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.dangjian.organization.leadership.LeadershipRepository;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.api.scope.Condition;
import org.dangjian.platform.api.tasks.Task;
import org.dangjian.platform.api.tasks.TaskKind;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Leadership terms of the caller's subtree ending in a window of days (换届): the rows GET /leadership-terms/…
 * lists for the same caller, as tasks due the day the term ends, about the organization's leadership team.
 * For those who organize re-elections: platform-admins and organization administrators.
 */
abstract class TermTasks implements TaskKind {

    @Inject
    EntityManager em;

    @Inject
    LeadershipRepository teams;

    @Inject
    CallerScope scope;

    @Inject
    Caller caller;

    @Inject
    BusinessClock clock;

    /** The first day of the window, included. */
    abstract LocalDate from(LocalDate today);

    /** The last day of the window, included. */
    abstract LocalDate to(LocalDate today);

    @Override
    public boolean appliesToCaller() {
        return caller.hasRole(Caller.PLATFORM_ADMIN) || caller.hasRole(Caller.ORG_ADMIN);
    }

    @Override
    public long count() {
        LocalDate today = clock.today();
        return teams.countTermsEnding(scope.get(), from(today), to(today));
    }

    @Override
    public List<Task> after(Position after, int limit) {
        LocalDate today = clock.today();
        Condition inScope = scope.pathCondition("o.path");
        String sql = """
                select o.id, o.name, t.term_ends_on
                from leadership_team t join organization o on o.id = t.organization_id
                where /*scope*/ and o.status = 'ACTIVE' and t.term_ends_on >= :from and t.term_ends_on <= :to
                  and /*after*/
                order by /*order*/ limit :limit"""
                .replace("/*scope*/", inScope.sql())
                .replace("/*after*/", after.condition(kind(), "t.term_ends_on", "o.id"))
                .replace("/*order*/", Position.orderBy("t.term_ends_on", "o.id"));
        var query = inScope.bind(em.createNativeQuery(sql))
                .setParameter("from", from(today)).setParameter("to", to(today)).setParameter("limit", limit);
        after.bind(query, kind());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Task> tasks = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            LocalDate due = r[2] instanceof Date d ? d.toLocalDate() : (LocalDate) r[2];
            tasks.add(Task.of(kind(), "leadership", id, (String) r[1], id, due, today,
                    "/api/v1/organizations/" + id + "/leadership"));
        }
        return tasks;
    }
}
