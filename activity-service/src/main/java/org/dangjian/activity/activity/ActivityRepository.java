package org.dangjian.activity.activity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
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

    public record Found(List<Activity> items, long total) {
    }

    public Found list(Filter f, int page, int size) {
        Condition inScope = f.scope().orgCondition("orgId", "OrgUnit");
        StringBuilder q = new StringBuilder(inScope.sql());
        Map<String, Object> p = new HashMap<>(inScope.parameters());
        if (f.status() != null) {
            q.append(" and status = :status");
            p.put("status", f.status());
        }
        if (f.type() != null) {
            q.append(" and type = :type");
            p.put("type", f.type());
        }
        // An activity's date is when it was held, else when it is (or was) planned.
        if (f.from() != null) {
            q.append(" and ((heldOn is not null and heldOn >= :from) or (heldOn is null and plannedStart >= :fromInstant))");
            p.put("from", f.from());
            p.put("fromInstant", f.from().atStartOfDay(f.zone()).toOffsetDateTime());
        }
        if (f.to() != null) {
            q.append(" and ((heldOn is not null and heldOn <= :to) or (heldOn is null and plannedStart < :toInstant))");
            p.put("to", f.to());
            p.put("toInstant", f.to().plusDays(1).atStartOfDay(f.zone()).toOffsetDateTime());
        }
        var query = find(q.toString(), Sort.descending("plannedStart").and("id", Sort.Direction.Descending), p);
        return new Found(query.page(Page.of(page, size)).list(), query.count());
    }

    /** Planned activities of dissolved organizations in the scope, oldest plan first. */
    public Found awaitingReassignment(Scope scope, int page, int size) {
        Condition inScope = scope.orgCondition("orgId", "OrgUnit");
        String q = "status = :status and orgDissolvedAt is not null and " + inScope.sql();
        Map<String, Object> p = new HashMap<>(inScope.parameters());
        p.put("status", ActivityStatus.PLANNED);
        var query = find(q, Sort.ascending("plannedStart").and("id"), p);
        return new Found(query.page(Page.of(page, size)).list(), query.count());
    }
}
