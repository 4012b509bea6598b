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

    /** Rows per statement: bounds the size of one statement's arrays. */
    static final int CHUNK = 1000;

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
     * Inserts the records; one whose national ID another transaction registered since the import
     * checked it is skipped (the unique blind index decides, as for a single registration).
     *
     * @return the ids of the records inserted
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> insertMembers(List<Member> members) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            Set<UUID> inserted = new HashSet<>(members.size() * 2);
            for (List<Member> chunk : chunks(members)) {
                insertMembers(c, chunk, inserted);
            }
            return inserted;
        });
    }

    /** For each record written, its audit entry {@code MEMBER_REGISTERED} and its event {@code member.registered}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordRegistered(List<NewMember> written) {
        if (written.isEmpty()) {
            return;
        }
        String actor = Arc.container().requestContext().isActive() ? caller.subject() : AuditTrail.SYSTEM;
        UUID lastEvent = em.unwrap(Session.class).doReturningWork(c -> {
            UUID last = null;
            for (List<NewMember> chunk : chunks(written)) {
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                insertAuditEntries(c, chunk, actor, now);
                last = insertEvents(c, chunk, now);
            }
            return last;
        });
        // The relay publishes right after commit instead of at its next poll; once per batch is enough.
        outboxWritten.fire(new Outbox.OutboxWritten(lastEvent));
    }

    private static void insertMembers(Connection c, List<Member> chunk, Set<UUID> inserted) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into member (id, member_number, name, gender, ethnicity, birth_date, national_id, national_id_index,
                    phone, phone_index, education, category, work_unit, org_id, group_id, grid, stage, applied_on, activist_on,
                    candidate_on, admitted_on, full_on, registered_on, version)
                select id, member_number, name, gender, ethnicity, birth_date, national_id, national_id_index, phone, phone_index,
                    education, category, work_unit, org_id, group_id, grid, stage, applied_on, activist_on, candidate_on,
                    admitted_on, full_on, registered_on, version
                from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::date[], ?::date[],
                    ?::date[], ?::date[], ?::date[], ?::date[], ?::bigint[])
                    as r(id, member_number, name, gender, ethnicity, birth_date, national_id, national_id_index, phone, phone_index,
                    education, category, work_unit, org_id, group_id, grid, stage, applied_on, activist_on, candidate_on,
                    admitted_on, full_on, registered_on, version)
                on conflict (national_id_index) do nothing
                returning id""")) {
            int p = 1;
            insert.setArray(p++, array(c, chunk, Member::id));
            insert.setArray(p++, array(c, chunk, Member::memberNumber));
            insert.setArray(p++, array(c, chunk, m -> m.details().name()));
            insert.setArray(p++, array(c, chunk, m -> m.details().gender()));
            insert.setArray(p++, array(c, chunk, m -> m.details().ethnicity()));
            insert.setArray(p++, array(c, chunk, m -> m.details().birthDate()));
            insert.setArray(p++, array(c, chunk, Member::sealedNationalId));
            insert.setArray(p++, array(c, chunk, Member::nationalIdIndex));
            insert.setArray(p++, array(c, chunk, Member::sealedPhone));
            insert.setArray(p++, array(c, chunk, Member::phoneIndex));
            insert.setArray(p++, array(c, chunk, m -> m.details().education()));
            insert.setArray(p++, array(c, chunk, m -> m.details().category()));
            insert.setArray(p++, array(c, chunk, m -> m.details().workUnit()));
            insert.setArray(p++, array(c, chunk, Member::orgId));
            insert.setArray(p++, array(c, chunk, m -> m.details().groupId()));
            insert.setArray(p++, array(c, chunk, m -> m.details().grid()));
            insert.setArray(p++, array(c, chunk, Member::stage));
            insert.setArray(p++, array(c, chunk, m -> m.dates().appliedOn()));
            insert.setArray(p++, array(c, chunk, m -> m.dates().activistOn()));
            insert.setArray(p++, array(c, chunk, m -> m.dates().candidateOn()));
            insert.setArray(p++, array(c, chunk, m -> m.dates().admittedOn()));
            insert.setArray(p++, array(c, chunk, m -> m.dates().fullOn()));
            insert.setArray(p++, array(c, chunk, Member::registeredOn));
            insert.setArray(p, array(c, chunk, Member::version));
            try (ResultSet ids = insert.executeQuery()) {
                while (ids.next()) {
                    inserted.add(ids.getObject(1, UUID.class));
                }
            }
        }
    }

    /** As {@link AuditTrail#write}{@code ("MEMBER_REGISTERED", "member", id, null, snapshot)} writes it. */
    private void insertAuditEntries(Connection c, List<NewMember> chunk, String actor, OffsetDateTime now) throws SQLException {
        List<String> ids = new ArrayList<>(chunk.size());
        List<String> details = new ArrayList<>(chunk.size());
        for (NewMember m : chunk) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("before", null);
            entry.put("after", MemberService.snapshot(m.member(), m.nationalId(), m.phone()));
            ids.add(Ids.next().toString());
            details.add(write(entry));
        }
        try (PreparedStatement insert = c.prepareStatement("""
                insert into audit_entry (id, occurred_at, actor, action, target_type, target_id, details, org_id)
                select r.id, ?, ?, ?, ?, r.target_id, cast(r.details as jsonb), r.org_id
                from unnest(?::uuid[], ?::uuid[], ?::text[], ?::uuid[]) with ordinality as r(id, target_id, details, org_id, n)
                order by r.n""")) {
            insert.setObject(1, now);
            insert.setString(2, actor);
            insert.setString(3, "MEMBER_REGISTERED");
            insert.setString(4, "member");
            insert.setArray(5, c.createArrayOf("text", ids.toArray()));
            insert.setArray(6, array(c, chunk, m -> m.member().id()));
            insert.setArray(7, c.createArrayOf("text", details.toArray()));
            insert.setArray(8, array(c, chunk, m -> m.member().orgId()));
            insert.executeUpdate();
        }
    }

    /** As {@link Outbox#publish}{@code (TOPIC, "member.registered", id, data)} writes it, in row order. */
    private UUID insertEvents(Connection c, List<NewMember> chunk, OffsetDateTime now) throws SQLException {
        List<String> ids = new ArrayList<>(chunk.size());
        List<String> payloads = new ArrayList<>(chunk.size());
        UUID last = null;
        for (NewMember m : chunk) {
            last = Ids.next();
            ids.add(last.toString());
            payloads.add(write(MemberEvents.registeredData(m.member())));
        }
        try (PreparedStatement insert = c.prepareStatement("""
                insert into outbox_event (id, topic, type, source, aggregate_id, payload, occurred_at)
                select r.id, ?, ?, ?, r.aggregate_id, cast(r.payload as jsonb), ?
                from unnest(?::uuid[], ?::uuid[], ?::text[]) with ordinality as r(id, aggregate_id, payload, n)
                order by r.n""")) {
            insert.setString(1, MemberEvents.TOPIC);
            insert.setString(2, MemberEvents.REGISTERED);
            insert.setString(3, source);
            insert.setObject(4, now);
            insert.setArray(5, c.createArrayOf("text", ids.toArray()));
            insert.setArray(6, array(c, chunk, m -> m.member().id()));
            insert.setArray(7, c.createArrayOf("text", payloads.toArray()));
            insert.executeUpdate();
        }
        return last;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot be serialized: " + value.getClass().getSimpleName(), e);
        }
    }

    /** A text array of one column (ids, dates, enums as their text form; SQL casts it to the column's type). */
    private static <T> java.sql.Array array(Connection c, List<T> rows, Function<T, Object> column) throws SQLException {
        String[] values = new String[rows.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = column.apply(rows.get(i));
            values[i] = value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
        }
        return c.createArrayOf("text", values);
    }

    private static <T> List<List<T>> chunks(List<T> rows) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + CHUNK)));
        }
        return chunks;
    }
}
