package org.dangjian.organization.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.platform.api.audit.AuditTrail;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * This service's side of the audit log: writes go through the platform's {@link AuditTrail} (same
 * transaction as the change); the history of a unit, grid, pairing or assessment is read back from it,
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
    public record Entry(String action, String actor, Instant occurredAt, JsonNode before, JsonNode after) {
    }

    /** A write; {@code before}/{@code after} carry no unmasked personal data (names are not sensitive here). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(String action, String targetType, UUID targetId, Object before, Object after) {
        trail.write(action, targetType, targetId, before, after);
    }

    /** The changes of one record, oldest first (ids are UUIDv7: time-ordered). */
    @Transactional
    public List<Entry> history(String targetType, UUID targetId, int page, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select action, actor, occurred_at, cast(details as text) from audit_entry
                        where target_type = ?1 and target_id = ?2 order by occurred_at, id""")
                .setParameter(1, targetType).setParameter(2, targetId)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        List<Entry> entries = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            JsonNode details = parse((String) r[3]);
            entries.add(new Entry((String) r[0], (String) r[1], AuditQuery.instant(r[2]), details.get("before"),
                    details.get("after")));
        }
        return entries;
    }

    private JsonNode parse(String details) {
        try {
            return json.readTree(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable audit entry", e);
        }
    }
}
