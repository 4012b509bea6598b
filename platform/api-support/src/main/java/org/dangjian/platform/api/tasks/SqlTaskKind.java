package org.dangjian.platform.api.tasks;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.dangjian.platform.api.BusinessClock;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A kind whose tasks are the rows of one SQL select with the columns {@code id, label, org_id, due_on}: counted
 * with one {@code count(*)} and paged in queue order after a position, both over the same select, so the count
 * and the items never disagree. The usual way a service writes a kind: its select names the caller's scope
 * ({@code CallerScope} conditions) and whatever the kind means; this class does the counting, the keyset and the
 * mapping to {@link Task}.
 */
public abstract class SqlTaskKind implements TaskKind {

    /** The select of the caller's tasks (scope included) and the parameters it names. */
    public record Select(String sql, Map<String, Object> parameters) {
    }

    @Inject
    protected EntityManager entityManager;

    @Inject
    protected BusinessClock businessClock;

    protected abstract Select select();

    protected abstract String subjectType();

    protected abstract String link(UUID subjectId);

    @Override
    public long count() {
        Select select = select();
        return ((Number) bind(entityManager.createNativeQuery("select count(*) from (" + select.sql() + ") d"), select)
                .getSingleResult()).longValue();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Task> after(Position after, int limit) {
        Select select = select();
        String sql = "select d.id, d.label, d.org_id, d.due_on from (" + select.sql() + ") d where "
                + after.condition(kind(), "d.due_on", "d.id") + " order by " + Position.orderBy("d.due_on", "d.id")
                + " limit " + limit;
        Query query = after.bind(bind(entityManager.createNativeQuery(sql), select), kind());
        LocalDate today = businessClock.today();
        return ((List<Object[]>) query.getResultList()).stream().map(r -> Task.of(kind(), subjectType(), (UUID) r[0],
                (String) r[1], (UUID) r[2], date(r[3]), today, link((UUID) r[0]))).toList();
    }

    private static Query bind(Query query, Select select) {
        select.parameters().forEach(query::setParameter);
        return query;
    }

    private static LocalDate date(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
