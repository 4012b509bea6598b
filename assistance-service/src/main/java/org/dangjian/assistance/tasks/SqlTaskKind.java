package org.dangjian.assistance.tasks;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.api.scope.Condition;
import org.dangjian.platform.api.tasks.Task;
import org.dangjian.platform.api.tasks.TaskKind;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A task kind read with one SQL source: the rows {@code subject id, organization id, due date, label} of the caller's
 * scope. Counting is one count over the source, a page one bounded query in queue order ({@link Position}).
 */
abstract class SqlTaskKind implements TaskKind {

    @Inject
    EntityManager em;

    @Inject
    CallerScope scope;

    @Inject
    BusinessClock clock;

    /**
     * The source, {@code from … where …} with the caller's scope condition in it, whose columns {@code id},
     * {@code org_id}, {@code due} (a date or null) and {@code label} the page selects.
     */
    abstract String source(Condition inScope);

    /** The subject's type and API path. */
    abstract String type();

    abstract String link(UUID id);

    /** Binds the source's own parameters besides the scope's. */
    Query bindSource(Query query) {
        return query;
    }

    @Override
    public long count() {
        Condition inScope = scope.get().pathCondition("u.path");
        Query query = bindSource(inScope.bind(em.createNativeQuery("select count(*) from (select * " + source(inScope) + ") t")));
        return ((Number) query.getSingleResult()).longValue();
    }

    @Override
    public List<Task> after(Position after, int limit) {
        Condition inScope = scope.get().pathCondition("u.path");
        String sql = "select t.id, t.org_id, t.due, t.label from (select * " + source(inScope) + ") t where "
                + after.condition(kind(), "t.due", "t.id") + " order by " + Position.orderBy("t.due", "t.id");
        Query query = after.bind(bindSource(inScope.bind(em.createNativeQuery(sql))), kind()).setMaxResults(limit);
        LocalDate today = clock.today();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> {
            UUID id = (UUID) r[0];
            return Task.of(kind(), type(), id, (String) r[3], (UUID) r[1], toDate(r[2]), today, link(id));
        }).toList();
    }

    private static LocalDate toDate(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
    }
}
