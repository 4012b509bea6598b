package org.dangjian.activity.tasks;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import org.dangjian.activity.common.Sql;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.api.scope.Condition;
import org.dangjian.platform.api.tasks.Task;
import org.dangjian.platform.api.tasks.TaskKind;

import java.util.List;
import java.util.UUID;

/**
 * A task kind about activities: tasks are activities matching {@link #where()} in the caller's scope, due on their
 * planned day (business time zone), labelled with the topic, linked to the activity.
 */
abstract class ActivityTaskKind implements TaskKind {

    /** The planned day of {@code a}: what these tasks are due on. */
    static final String DUE = "cast(a.planned_start at time zone :zone as date)";

    @Inject
    EntityManager em;

    @Inject
    CallerScope scope;

    @Inject
    BusinessClock clock;

    /** The condition on {@code activity a} beyond the scope; may use {@code :now}. */
    abstract String where();

    @Override
    public boolean appliesToCaller() {
        return scope.standing().isStaff();
    }

    @Override
    public long count() {
        Condition inScope = scope.orgCondition("a.org_id", "org_unit");
        Query q = em.createNativeQuery("select count(*) from activity a where " + where() + " and " + inScope.sql());
        return Sql.count(bind(inScope.bind(q), false).getSingleResult());
    }

    @Override
    public List<Task> after(Position after, int limit) {
        Condition inScope = scope.orgCondition("a.org_id", "org_unit");
        Query q = em.createNativeQuery("select a.id, a.org_id, a.topic, " + DUE + " as due from activity a where " + where()
                + " and " + inScope.sql() + " and " + after.condition(kind(), DUE, "a.id")
                + " order by " + Position.orderBy(DUE, "a.id") + " limit :limit", Tuple.class);
        after.bind(bind(inScope.bind(q), true), kind()).setParameter("limit", limit);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = q.getResultList();
        return rows.stream().map(t -> {
            UUID id = t.get("id", UUID.class);
            return Task.of(kind(), "activity", id, t.get("topic", String.class), t.get("org_id", UUID.class),
                    Sql.date(t.get("due")), clock.today(), "/api/v1/activities/" + id);
        }).toList();
    }

    /** Binds {@code :zone} when the statement reads the due date, and {@code :now} when {@link #where()} names it. */
    Query bind(Query q, boolean readsDue) {
        if (readsDue) {
            q.setParameter("zone", clock.zone().getId());
        }
        if (where().contains(":now")) {
            q.setParameter("now", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
        }
        return q;
    }
}
