package org.dangjian.activity.activity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import org.dangjian.platform.api.list.Cursor;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.dangjian.platform.api.list.SortOrder;
import org.dangjian.platform.api.scope.Condition;
import org.dangjian.platform.api.scope.Scope;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ActivityRepository implements PanacheRepositoryBase<Activity, UUID> {

    /** Filters of a list; every one optional except the scope. */
    public record Filter(Scope scope, ActivityStatus status, ActivityType type, LocalDate from, LocalDate to,
            java.time.ZoneId zone) {
    }

    public Optional<Activity> byId(UUID id) {
        return findByIdOptional(id);
    }

    /** Activities in the filter, by planned start ({@code startsAt}, newest first by default), keyset after the cursor. */
    public ListPage<Activity> list(Filter f, ListQuery query) {
        SortOrder order = query.sort("-startsAt", "startsAt");
        Condition inScope = f.scope().orgCondition("a.org_id", "org_unit");
        StringBuilder q = new StringBuilder(inScope.sql());
        Map<String, Object> p = new HashMap<>(inScope.parameters());
        if (f.status() != null) {
            q.append(" and a.status = :status");
            p.put("status", f.status().name());
        }
        if (f.type() != null) {
            q.append(" and a.type = :type");
            p.put("type", f.type().name());
        }
        // An activity's date is when it was held, else when it is (or was) planned.
        if (f.from() != null) {
            q.append(" and ((a.held_on is not null and a.held_on >= :from) or (a.held_on is null and a.planned_start >= :fromInstant))");
            p.put("from", f.from());
            p.put("fromInstant", f.from().atStartOfDay(f.zone()).toOffsetDateTime());
        }
        if (f.to() != null) {
            q.append(" and ((a.held_on is not null and a.held_on <= :to) or (a.held_on is null and a.planned_start < :toInstant))");
            p.put("to", f.to());
            p.put("toInstant", f.to().plusDays(1).atStartOfDay(f.zone()).toOffsetDateTime());
        }
        return page(q.toString(), p, order, query);
    }

    /** Planned activities of dissolved organizations in the scope, oldest plan first. */
    public ListPage<Activity> awaitingReassignment(Scope scope, ListQuery query) {
        SortOrder order = query.sort("startsAt");
        Condition inScope = scope.orgCondition("a.org_id", "org_unit");
        Map<String, Object> p = new HashMap<>(inScope.parameters());
        return page("a.status = 'PLANNED' and a.org_dissolved_at is not null and " + inScope.sql(), p, order, query);
    }

    /** The keyset page of activities matching {@code where}, by (planned_start, id) in {@code order}. */
    @SuppressWarnings("unchecked")
    ListPage<Activity> page(String where, Map<String, Object> parameters, SortOrder order, ListQuery query) {
        var after = query.after();
        Query q = getEntityManager().createNativeQuery("select a.* from activity a where " + where
                + (after.isPresent() ? " and " + order.after("a.planned_start", "a.id") : "")
                + " order by " + order.orderBy("a.planned_start", "a.id") + " limit :limit", Activity.class);
        parameters.forEach(q::setParameter);
        q.setParameter("limit", query.limit());
        after.ifPresent(c -> q.setParameter("cursor0", c.dateTime(0)).setParameter("cursor1", c.uuid(1)));
        List<Activity> rows = q.getResultList();
        return ListPage.of(rows, query, a -> Cursor.at(a.plannedStart(), a.id()));
    }
}
