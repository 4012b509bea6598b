package org.dangjian.platform.api.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.Ids;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The append-only audit log of a service (ARCHITECTURE.md §4): every write (before/after, with
 * personal data already masked by the caller) and every unmasked read of personal data, in the
 * same transaction as the operation. The {@code audit_entry} table refuses updates and deletes.
 */
@ApplicationScoped
public class AuditTrail {

    public static final String SYSTEM = "system";

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    /** An unmasked read of personal data: who saw which fields of which record, and why. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void unmaskedRead(String targetType, UUID targetId, String fields, String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fields", fields);
        details.put("reason", reason);
        append("READ_UNMASKED", targetType, targetId, details);
    }

    /** A write; {@code before}/{@code after} must not contain unmasked personal data. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(String action, String targetType, UUID targetId, Object before, Object after) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", before);
        details.put("after", after);
        append(action, targetType, targetId, details);
    }

    /** The token's subject; "system" for work no request started (scheduled jobs such as transfer expiry). */
    private String actor() {
        return io.quarkus.arc.Arc.container().requestContext().isActive() ? caller.subject() : SYSTEM;
    }

    private void append(String action, String targetType, UUID targetId, Map<String, Object> details) {
        try {
            em.createNativeQuery("""
                    insert into audit_entry (id, occurred_at, actor, action, target_type, target_id, details)
                    values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb))""")
                    .setParameter(1, Ids.next())
                    .setParameter(2, OffsetDateTime.now(ZoneOffset.UTC))
                    .setParameter(3, actor())
                    .setParameter(4, action)
                    .setParameter(5, targetType)
                    .setParameter(6, targetId)
                    .setParameter(7, json.writeValueAsString(details))
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details cannot be serialized", e);
        }
    }
}
