package org.dangjian.organization.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.dangjian.platform.api.audit.AuditTrail;
import org.dangjian.platform.api.list.Cursor;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.dangjian.platform.api.list.SortOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * This service's side of the audit log: writes go through the platform's {@link AuditTrail} (same
 * transaction as the change, naming the record's organization so its auditors see the entry in
 * GET /audit-entries); the history of a unit, grid, pairing or assessment is read back from it,
 * so the record users see and the record auditors see cannot disagree.
 */
@ApplicationScoped
public class AuditLog {

    @Inject
    AuditTrail trail;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Schema(name = "HistoryEntry", description = "one change of a record: what (action, before/after), who and when; "
            + "the reason, when one was given, is in `after.reason`")
    public record Entry(UUID id, @Schema(maxLength = 64) String action, @Schema(maxLength = 200) String actor,
            Instant occurredAt, JsonNode before, JsonNode after) {
    }

    /**
     * A write of a record of organization {@code orgId}; {@code before}/{@code after} carry no unmasked personal
     * data (names are not sensitive here).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(String action, String targetType, UUID targetId, UUID orgId, Object before, Object after) {
        trail.write(action, targetType, targetId, orgId, before, after);
    }

    /** The changes of one record, oldest first, in keyset pages (sort: occurredAt only). */
    @Transactional
    public ListPage<Entry> history(String targetType, UUID targetId, ListQuery query) {
        SortOrder order = query.sort("occurredAt");
        Optional<Cursor> after = query.after();
        Query select = em.createNativeQuery("""
                        select id, action, actor, occurred_at, cast(details as text) from audit_entry
                        where target_type = :targetType and target_id = :targetId /*after*/
                        order by /*order*/ limit :limit"""
                        .replace("/*after*/", after.isPresent() ? "and " + order.after("occurred_at", "id") : "")
                        .replace("/*order*/", order.orderBy("occurred_at", "id")))
                .setParameter("targetType", targetType).setParameter("targetId", targetId)
                .setParameter("limit", query.limit());
        after.ifPresent(c -> select.setParameter("cursor0", c.dateTime(0)).setParameter("cursor1", c.uuid(1)));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        List<Entry> entries = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            JsonNode details = parse((String) r[4]);
            entries.add(new Entry((UUID) r[0], (String) r[1], (String) r[2], instant(r[3]), details.get("before"),
                    details.get("after")));
        }
        return ListPage.of(entries, query, e -> Cursor.at(e.occurredAt().atOffset(java.time.ZoneOffset.UTC), e.id()));
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
