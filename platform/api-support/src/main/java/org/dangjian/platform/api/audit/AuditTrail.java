package org.dangjian.platform.api.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.Ids;
import org.dangjian.platform.api.jdbc.PgCopy;
import org.hibernate.Session;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
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
        Object snapshot = after != null ? after : before;
        append(action, targetType, prepareWrite(targetId, snapshot == null ? null : organizationOf(json.valueToTree(snapshot)),
                before, after));
    }

    /**
     * A write of a record whose organization the caller names, for snapshots that do not carry it (an organization
     * is its own, a grid membership is its grid's): the entry is then in that organization's auditors' view.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(String action, String targetType, UUID targetId, UUID orgId, Object before, Object after) {
        append(action, targetType, prepareWrite(targetId, orgId, before, after));
    }

    /**
     * The entry of one write of a bulk operation, built ahead of the transaction that writes it: an id,
     * the record's organization and the details' JSON exactly as {@link #write} builds them.
     */
    public record PreparedEntry(UUID id, UUID targetId, UUID orgId, String details, PgCopy.Columns copyHead) {

        PreparedEntry(UUID id, UUID targetId, UUID orgId, String details) {
            // The entry's own columns of writeAll's COPY, formatted and encoded where the entry is prepared: for a bulk
            // operation that is off the thread waiting for the database (benchmark B4; ~600 bytes of details each).
            this(id, targetId, orgId, details, PgCopy.Columns.of(r -> r.uuid(id).uuid(targetId).text(details).uuid(orgId)));
        }
    }

    /**
     * {@link #write}'s entry without writing it, for {@link #writeAll}; the caller names the record's
     * organization, which {@link #write} reads from the snapshot. No database access; thread-safe.
     */
    public PreparedEntry prepareWrite(UUID targetId, UUID orgId, Object before, Object after) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", before);
        details.put("after", after);
        return new PreparedEntry(Ids.next(), targetId, orgId, serialize(details));
    }

    /**
     * Many writes of one action, in list order, with one COPY on the transaction's connection: what a bulk
     * operation writes instead of an entry per statement (benchmark B4).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeAll(String action, String targetType, List<PreparedEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String actor = actor();
        em.unwrap(Session.class).doWork(c -> {
            try (PgCopy copy = new PgCopy(c, "audit_entry", "id, target_id, details, org_id, occurred_at, actor, action, target_type")) {
                PgCopy.Columns shared = PgCopy.Columns.of(r -> r.timestamp(now).text(actor).text(action).text(targetType));
                for (PreparedEntry e : entries) {
                    copy.row(e.copyHead(), shared);
                }
            }
        });
    }

    /**
     * The organization a written record belongs to, from its {@code orgId} (or {@code organizationId})
     * field, so auditors can be kept to their subtree; null for records of no organization.
     */
    private static UUID organizationOf(JsonNode snapshot) {
        if (snapshot == null) {
            return null;
        }
        for (String field : new String[] {"orgId", "organizationId"}) {
            JsonNode value = snapshot.path(field);
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
    /** The caller; the system when no one called (a Kafka reaction runs with a request context but no identity). */
    private String actor() {
        String subject = io.quarkus.arc.Arc.container().requestContext().isActive() ? caller.subject() : null;
        return subject == null || subject.isBlank() ? SYSTEM : subject;
    }

    private void append(String action, String targetType, UUID targetId, UUID orgId, Map<String, Object> details) {
        append(action, targetType, new PreparedEntry(Ids.next(), targetId, orgId, serialize(details), null));
    }

    private void append(String action, String targetType, PreparedEntry entry) {
        em.createNativeQuery("""
                insert into audit_entry (id, occurred_at, actor, action, target_type, target_id, details, org_id)
                values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as json), ?8)""")
                .setParameter(1, entry.id())
                .setParameter(2, OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter(3, actor())
                .setParameter(4, action)
                .setParameter(5, targetType)
                .setParameter(6, entry.targetId())
                .setParameter(7, entry.details())
                .setParameter(8, entry.orgId())
                .executeUpdate();
    }

    private String serialize(Object details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details cannot be serialized", e);
        }
    }
}
