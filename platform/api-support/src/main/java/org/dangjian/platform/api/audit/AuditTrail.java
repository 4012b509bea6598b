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

    /** An unmasked read of personal data: who saw which fields of which record (of which organization), and why. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void unmaskedRead(String targetType, UUID targetId, UUID orgId, String fields, String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fields", fields);
        details.put("reason", reason);
        append("READ_UNMASKED", targetType, targetId, orgId, details);
    }

    /** A write; {@code before}/{@code after} must not contain unmasked personal data. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(String action, String targetType, UUID targetId, Object before, Object after) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", before);
        details.put("after", after);
        append(action, targetType, targetId, organizationOf(after != null ? after : before), details);
    }

    /**
     * The organization a written record belongs to, from its {@code orgId} (or {@code organizationId})
     * field, so auditors can be kept to their subtree; null for records of no organization.
     */
    private UUID organizationOf(Object snapshot) {
        if (snapshot == null) {
            return null;
        }
        com.fasterxml.jackson.databind.JsonNode node = json.valueToTree(snapshot);
        for (String field : new String[] {"orgId", "organizationId"}) {
            com.fasterxml.jackson.databind.JsonNode value = node.path(field);
            if (value.isTextual()) {
                try {
                    return UUID.fromString(value.asText());
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The token's subject; "system" for work no request started (scheduled jobs such as transfer expiry). */
    private String actor() {
        return io.quarkus.arc.Arc.container().requestContext().isActive() ? caller.subject() : SYSTEM;
    }

    private void append(String action, String targetType, UUID targetId, UUID orgId, Map<String, Object> details) {
        try {
            em.createNativeQuery("""
                    insert into audit_entry (id, occurred_at, actor, action, target_type, target_id, details, org_id)
                    values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb), ?8)""")
                    .setParameter(1, Ids.next())
                    .setParameter(2, OffsetDateTime.now(ZoneOffset.UTC))
                    .setParameter(3, actor())
                    .setParameter(4, action)
                    .setParameter(5, targetType)
                    .setParameter(6, targetId)
                    .setParameter(7, json.writeValueAsString(details))
                    .setParameter(8, orgId)
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details cannot be serialized", e);
        }
    }
}
