package org.dangjian.member.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.member.event.MemberEvents;
import org.dangjian.member.member.Member;
import org.dangjian.member.member.MemberService;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.Ids;
import org.dangjian.platform.api.audit.AuditTrail;
import org.dangjian.platform.messaging.Outbox;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writes many new member records set-wise, in the caller's transaction and on its connection: a few
 * multi-row statements ({@code insert … select from unnest(arrays)}) instead of an entity, an audit
 * entry and an outbox event inserted row by row (benchmark B4: per-row writing made a 5,000-row
 * import about 70× slower than COPY).
 *
 * <p>The audit and outbox rows are exactly those {@link AuditTrail#write} and {@link Outbox#publish}
 * write (same columns, same JSON, same actor and source), because platform has no batch form of them
 * yet; once it has, this class should call it instead.
 */
@ApplicationScoped
public class RegistrationBatch {

    /** Rows per statement: bounds the size of one statement's arrays, and the unit the import overlaps its work by. */
    static final int CHUNK = 500;

    /** A new, not yet written record and its plain national ID and phone, for the masked audit copy. */
    public record NewMember(Member member, String nationalId, String phone) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Caller caller;

    @Inject
    Event<Outbox.OutboxWritten> outboxWritten;

    @ConfigProperty(name = "dangjian.events.source")
    String source;

    /** Those of the national-ID blind indexes that a record already holds: one query per chunk instead of one per row. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> nationalIdsTaken(List<String> blindIndexes) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            Set<String> taken = new HashSet<>();
            try (PreparedStatement select = c.prepareStatement(
                    "select national_id_index from member where national_id_index = any(?::text[])")) {
                for (List<String> chunk : chunks(blindIndexes)) {
                    select.setArray(1, c.createArrayOf("text", chunk.toArray()));
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            taken.add(rows.getString(1));
                        }
                    }
                }
            }
            return taken;
        });
    }

    /**
     * A chunk of new records with everything its statements bind already built (sealed values, audit
     * and event JSON, array literals): built off the request thread while the previous chunk is written.
     */
    public static final class Prepared {
        final List<Member> members;
        final String[] memberColumns;
        final String auditIds;
        final String auditDetails;
        final String eventIds;
        final String eventPayloads;
        final String targetIds;
        final String orgIds;
        final UUID lastEvent;

        Prepared(List<Member> members, String[] memberColumns, String auditIds, String auditDetails, String eventIds,
                String eventPayloads, String targetIds, String orgIds, UUID lastEvent) {
            this.members = members;
            this.memberColumns = memberColumns;
            this.auditIds = auditIds;
            this.auditDetails = auditDetails;
            this.eventIds = eventIds;
            this.eventPayloads = eventPayloads;
            this.targetIds = targetIds;
            this.orgIds = orgIds;
            this.lastEvent = lastEvent;
        }

        public List<Member> members() {
            return members;
        }
    }

    /** The member columns in the order of the insert below, each with how a record gives its value. */
    private static final List<Function<Member, Object>> MEMBER_COLUMNS = List.of(Member::id, Member::memberNumber,
            m -> m.details().name(), m -> m.details().gender(), m -> m.details().ethnicity(), m -> m.details().birthDate(),
            Member::sealedNationalId, Member::nationalIdIndex, Member::sealedPhone, Member::phoneIndex,
            m -> m.details().education(), m -> m.details().category(), m -> m.details().workUnit(), Member::orgId,
            m -> m.details().groupId(), m -> m.details().grid(), Member::stage, m -> m.dates().appliedOn(),
            m -> m.dates().activistOn(), m -> m.dates().candidateOn(), m -> m.dates().admittedOn(), m -> m.dates().fullOn(),
            Member::registeredOn, Member::version);

    /** Thread-safe and without database access, so chunks can be prepared while others are written. */
    public Prepared prepare(List<NewMember> chunk) {
        List<Member> members = chunk.stream().map(NewMember::member).toList();
        String[] columns = new String[MEMBER_COLUMNS.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = literal(members, MEMBER_COLUMNS.get(i));
        }
        List<Object> auditIds = new ArrayList<>(chunk.size());
        List<Object> details = new ArrayList<>(chunk.size());
        List<Object> eventIds = new ArrayList<>(chunk.size());
        List<Object> payloads = new ArrayList<>(chunk.size());
        UUID last = null;
        for (NewMember m : chunk) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("before", null);
            entry.put("after", MemberService.snapshot(m.member(), m.nationalId(), m.phone()));
            auditIds.add(Ids.next());
            details.add(write(entry));
            last = Ids.next();
            eventIds.add(last);
            payloads.add(write(MemberEvents.registeredData(m.member())));
        }
        return new Prepared(members, columns, literal(auditIds, x -> x), literal(details, x -> x), literal(eventIds, x -> x),
                literal(payloads, x -> x), literal(members, Member::id), literal(members, Member::orgId), last);
    }

    /**
     * Writes a prepared chunk: the records, then the audit entry and event of each record inserted.
     * A record whose national ID another transaction registered since the import checked it is
     * skipped (the unique blind index decides, as for a single registration), with its entry and event.
     *
     * @return the ids of the records inserted
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> write(Prepared chunk) {
        String actor = Arc.container().requestContext().isActive() ? caller.subject() : AuditTrail.SYSTEM;
        return em.unwrap(Session.class).doReturningWork(c -> {
            Set<UUID> ids = insertMembers(c, chunk);
            // Normally every record; after a race, only the inserted ones get an entry and an event.
            String only = ids.size() == chunk.members.size() ? null : literal(new ArrayList<>(ids), x -> x);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            insertAuditEntries(c, chunk, actor, now, only);
            insertEvents(c, chunk, now, only);
            return ids;
        });
    }

    /** After the last chunk is written: the relay publishes right after commit instead of at its next poll. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void written(List<Prepared> chunks) {
        if (!chunks.isEmpty()) {
            outboxWritten.fire(new Outbox.OutboxWritten(chunks.get(chunks.size() - 1).lastEvent));
        }
    }

    private static Set<UUID> insertMembers(Connection c, Prepared chunk) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into member (id, member_number, name, gender, ethnicity, birth_date, national_id, national_id_index,
                    phone, phone_index, education, category, work_unit, org_id, group_id, grid, stage, applied_on, activist_on,
                    candidate_on, admitted_on, full_on, registered_on, version)
                select * from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                    cast(? as date[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                    cast(? as text[]), cast(? as text[]), cast(? as uuid[]), cast(? as uuid[]), cast(? as text[]), cast(? as text[]),
                    cast(? as date[]), cast(? as date[]), cast(? as date[]), cast(? as date[]), cast(? as date[]), cast(? as date[]),
                    cast(? as bigint[]))
                on conflict (national_id_index) do nothing
                returning id""")) {
            for (int i = 0; i < chunk.memberColumns.length; i++) {
                insert.setString(i + 1, chunk.memberColumns[i]);
            }
            Set<UUID> inserted = new HashSet<>(chunk.members.size() * 2);
            try (ResultSet ids = insert.executeQuery()) {
                while (ids.next()) {
                    inserted.add(ids.getObject(1, UUID.class));
                }
            }
            return inserted;
        }
    }

    /** As {@link AuditTrail#write}{@code ("MEMBER_REGISTERED", "member", id, null, snapshot)} writes it. */
    private static void insertAuditEntries(Connection c, Prepared chunk, String actor, OffsetDateTime now, String only)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into audit_entry (id, occurred_at, actor, action, target_type, target_id, details, org_id)
                select r.id, ?, ?, ?, ?, r.target_id, r.details, r.org_id
                from unnest(cast(? as uuid[]), cast(? as uuid[]), cast(? as jsonb[]), cast(? as uuid[]))
                    with ordinality as r(id, target_id, details, org_id, n)
                """ + (only == null ? "" : "where r.target_id = any(cast(? as uuid[]))\n") + "order by r.n")) {
            insert.setObject(1, now);
            insert.setString(2, actor);
            insert.setString(3, "MEMBER_REGISTERED");
            insert.setString(4, "member");
            insert.setString(5, chunk.auditIds);
            insert.setString(6, chunk.targetIds);
            insert.setString(7, chunk.auditDetails);
            insert.setString(8, chunk.orgIds);
            if (only != null) {
                insert.setString(9, only);
            }
            insert.executeUpdate();
        }
    }

    /** As {@link Outbox#publish}{@code (TOPIC, "member.registered", id, data)} writes it, in row order. */
    private void insertEvents(Connection c, Prepared chunk, OffsetDateTime now, String only) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into outbox_event (id, topic, type, source, aggregate_id, payload, occurred_at)
                select r.id, ?, ?, ?, r.aggregate_id, r.payload, ?
                from unnest(cast(? as uuid[]), cast(? as uuid[]), cast(? as jsonb[])) with ordinality as r(id, aggregate_id, payload, n)
                """ + (only == null ? "" : "where r.aggregate_id = any(cast(? as uuid[]))\n") + "order by r.n")) {
            insert.setString(1, MemberEvents.TOPIC);
            insert.setString(2, MemberEvents.REGISTERED);
            insert.setString(3, source);
            insert.setObject(4, now);
            insert.setString(5, chunk.eventIds);
            insert.setString(6, chunk.targetIds);
            insert.setString(7, chunk.eventPayloads);
            if (only != null) {
                insert.setString(8, only);
            }
            insert.executeUpdate();
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot be serialized: " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * A PostgreSQL array literal of one column ({@code {"a","b",NULL}}), cast to the column's array type
     * in SQL: built here rather than by the driver so that it can be built off the request thread.
     */
    static <T> String literal(List<T> rows, Function<T, Object> column) {
        StringBuilder out = new StringBuilder(rows.size() * 40 + 2).append('{');
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object value = column.apply(rows.get(i));
            if (value == null) {
                out.append("NULL");
                continue;
            }
            if (value instanceof UUID || value instanceof Number || value instanceof java.time.LocalDate) {
                out.append(value); // nothing in their text needs quoting
            } else if (value instanceof Enum<?> e) {
                out.append(e.name());
            } else {
                String text = value.toString();
                out.append('"');
                if (text.indexOf('"') < 0 && text.indexOf('\\') < 0) {
                    out.append(text);
                } else {
                    out.append(text.replace("\\", "\\\\").replace("\"", "\\\""));
                }
                out.append('"');
            }
        }
        return out.append('}').toString();
    }

    static <T> List<List<T>> chunks(List<T> rows) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + CHUNK)));
        }
        return chunks;
    }
}
