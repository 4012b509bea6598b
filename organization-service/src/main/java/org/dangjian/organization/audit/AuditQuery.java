package org.dangjian.organization.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.dangjian.organization.organization.OrganizationDtos.Page;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.api.scope.Condition;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The auditor's view of this service's audit log: newest first, in keyset pages, limited to the
 * entries whose target belongs to an organization of the caller's subtree.
 */
@ApplicationScoped
public class AuditQuery {

    /** The organization each kind of target belongs to: the one whose subtree may read its entries. */
    private static final String OWNER = """
            case a.target_type
                when 'organization' then a.target_id
                when 'unit' then (select organization_id from unit where id = a.target_id)
                when 'grid' then (select organization_id from grid where id = a.target_id)
                when 'pairing' then (select organization_id from pairing where id = a.target_id)
                when 'assessment' then (select organization_id from assessment where id = a.target_id)
                when 'assessment-set' then (select organization_id from assessment_set where id = a.target_id)
            end""";

    private static final UUID LAST = new UUID(-1L, -1L);

    @Inject
    EntityManager em;

    @Inject
    CallerScope scope;

    @Inject
    BusinessClock clock;

    @Inject
    ObjectMapper json;

    @Schema(name = "AuditEntry", description = "one audited write: who, when, what (action, target) and the state "
            + "before and after (personal data masked)")
    public record EntryView(UUID id, Instant occurredAt, String actor, String action, String targetType, UUID targetId,
            JsonNode before, JsonNode after) {
    }

    public record Filter(String targetType, UUID targetId, String action, String actor, LocalDate from, LocalDate to) {
    }

    /**
     * The entries the caller may read: those whose record's organization lies in their scope (every entry for a
     * platform-admin). Resolved while the request is at hand; an export streams after it.
     */
    public Condition callerSubtree() {
        return scope.orgCondition(OWNER, "organization");
    }

    @Transactional
    public Page<EntryView> search(Filter filter, UUID after, int size) {
        return search(callerSubtree(), filter, after, size);
    }

    @Transactional
    public Page<EntryView> search(Condition inScope, Filter filter, UUID after, int size) {
        StringBuilder sql = new StringBuilder("""
                select a.id, a.occurred_at, a.actor, a.action, a.target_type, a.target_id, cast(a.details as text)
                from audit_entry a""");
        Map<String, Object> parameters = new LinkedHashMap<>(inScope.parameters());
        sql.append(" where ").append(inScope.sql()).append(" and a.id < :after");
        parameters.put("after", after == null ? LAST : after);
        condition(sql, parameters, "a.target_type = :targetType", "targetType", filter.targetType());
        condition(sql, parameters, "a.target_id = :targetId", "targetId", filter.targetId());
        condition(sql, parameters, "a.action = :action", "action", filter.action());
        condition(sql, parameters, "a.actor = :actor", "actor", filter.actor());
        if (filter.from() != null) {
            condition(sql, parameters, "a.occurred_at >= :from", "from",
                    filter.from().atStartOfDay(clock.zone()).toOffsetDateTime());
        }
        if (filter.to() != null) {
            condition(sql, parameters, "a.occurred_at < :to", "to",
                    filter.to().plusDays(1).atStartOfDay(clock.zone()).toOffsetDateTime());
        }
        // Ids are UUIDv7: their order is the order the entries were written in.
        sql.append(" order by a.id desc limit :size");
        parameters.put("size", size);
        Query query = em.createNativeQuery(sql.toString());
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<EntryView> items = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            JsonNode details = parse((String) r[6]);
            items.add(new EntryView((UUID) r[0], instant(r[1]), (String) r[2], (String) r[3], (String) r[4], (UUID) r[5],
                    details.get("before"), details.get("after")));
        }
        return new Page<>(items, items.size() == size ? items.get(items.size() - 1).id().toString() : null);
    }

    private static void condition(StringBuilder sql, Map<String, Object> parameters, String condition, String name,
            Object value) {
        if (value != null) {
            sql.append(" and ").append(condition);
            parameters.put(name, value);
        }
    }

    private JsonNode parse(String details) {
        try {
            return json.readTree(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable audit entry", e);
        }
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
