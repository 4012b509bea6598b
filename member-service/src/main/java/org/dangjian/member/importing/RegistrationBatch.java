package org.dangjian.member.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.member.event.MemberEvents;
import org.dangjian.member.member.Member;
import org.dangjian.member.member.MemberService;
import org.dangjian.member.member.PersonalDetails;
import org.dangjian.member.member.StageDates;
import org.dangjian.platform.api.audit.AuditTrail;
import org.dangjian.platform.messaging.Outbox;
import org.dangjian.platform.api.jdbc.PgCopy;
import org.hibernate.Session;
import org.postgresql.util.PSQLException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes many new member records set-wise, in the caller's transaction and on its connection: a COPY
 * per chunk for the records (a row-wise {@code insert … on conflict} after a race), and the
 * platform's bulk forms of the audit trail and the outbox for their entries and events, instead of an
 * entity, an audit entry and an outbox event inserted row by row (benchmark B4: per-row writing made a
 * 5,000-row import about 70× slower than COPY).
 */
@ApplicationScoped
public class RegistrationBatch {

    /** Rows per statement: bounds the size of one statement's data, and the unit the import overlaps its work by. */
    static final int CHUNK = 500;

    /** A new, not yet written record and its plain national ID and phone, for the masked audit copy. */
    public record NewMember(Member member, String nationalId, String phone) {
    }

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    MemberEvents events;

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
     * A chunk of new records with everything its statements write already built (sealed values, the
     * records' column values, audit and event JSON): built off the request thread while the previous chunk is written.
     */
    public record Prepared(List<Member> members, PgCopy.Rows memberCopy, List<AuditTrail.PreparedEntry> entries,
            List<Outbox.PreparedEvent> registered) {
    }

    /** A record's values in the order of {@link #MEMBER_COLUMN_NAMES}. */
    private static void memberRow(Member m, PgCopy.Row r) {
        PersonalDetails d = m.details();
        StageDates dates = m.dates();
        r.uuid(m.id()).text(m.memberNumber()).text(d.name()).name(d.gender()).text(d.ethnicity()).date(d.birthDate())
                .text(m.sealedNationalId()).text(m.nationalIdIndex()).text(m.sealedPhone()).text(m.phoneIndex())
                .name(d.education()).name(d.category()).text(d.workUnit()).uuid(m.orgId()).uuid(d.groupId()).text(d.grid())
                .name(m.stage()).date(dates.appliedOn()).date(dates.activistOn()).date(dates.candidateOn())
                .date(dates.admittedOn()).date(dates.fullOn()).date(m.registeredOn()).integer(m.version());
    }

    /** Thread-safe and without database access, so chunks can be prepared while others are written. */
    public Prepared prepare(List<NewMember> chunk) {
        List<Member> members = chunk.stream().map(NewMember::member).toList();
        // Formatted and encoded here, off the thread that waits for the database (about 5 % of the import's CPU).
        PgCopy.Rows copy = new PgCopy.Rows(members.size() * 600);
        for (Member m : members) {
            copy.add(r -> memberRow(m, r));
        }
        copy.bytes();
        List<AuditTrail.PreparedEntry> entries = new ArrayList<>(chunk.size());
        List<Outbox.PreparedEvent> registered = new ArrayList<>(chunk.size());
        for (NewMember m : chunk) {
            entries.add(audit.prepareWrite(m.member().id(), m.member().orgId(), null,
                    MemberService.snapshot(m.member(), m.nationalId(), m.phone())));
            registered.add(events.prepareRegistered(m.member()));
        }
        return new Prepared(members, copy, entries, registered);
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
        Set<UUID> ids = em.unwrap(Session.class).doReturningWork(c -> {
            Set<UUID> copied = copyMembers(c, chunk);
            return copied != null ? copied : insertMembers(c, chunk);
        });
        // Normally every record; after a race, only the inserted ones get an entry and an event.
        boolean all = ids.size() == chunk.members().size();
        audit.writeAll(MemberService.REGISTERED_ACTION, MemberService.AUDIT_TARGET,
                all ? chunk.entries() : chunk.entries().stream().filter(e -> ids.contains(e.targetId())).toList());
        events.registeredAll(all ? chunk.registered()
                : chunk.registered().stream().filter(e -> ids.contains(e.aggregateId())).toList());
        return ids;
    }

    private static final String MEMBER_COLUMN_NAMES = "id, member_number, name, gender, ethnicity, birth_date, national_id, "
            + "national_id_index, phone, phone_index, education, category, work_unit, org_id, group_id, grid, stage, applied_on, "
            + "activist_on, candidate_on, admitted_on, full_on, registered_on, version";

    /**
     * The chunk's records with one COPY, the way the benchmark's anchor writes them: about two thirds of the
     * {@code unnest … on conflict} insert's time in PostgreSQL, and no array literals to build (benchmark B4). COPY
     * cannot skip a row, so a national ID that another transaction registered since the import checked it fails
     * the whole COPY; its savepoint is then rolled back and the chunk inserted by {@link #insertMembers}, which
     * refuses just that record.
     *
     * @return the ids of the records written, or null when a national ID was taken meanwhile (nothing written)
     */
    private static Set<UUID> copyMembers(Connection c, Prepared chunk) throws SQLException {
        try (Statement savepoint = c.createStatement()) {
            savepoint.execute("savepoint member_copy");
            try (PgCopy copy = new PgCopy(c, "member", MEMBER_COLUMN_NAMES)) {
                copy.rows(chunk.memberCopy());
            } catch (SQLException e) {
                if (!nationalIdTaken(e)) {
                    throw e;
                }
                savepoint.execute("rollback to savepoint member_copy");
                return null;
            }
            savepoint.execute("release savepoint member_copy");
        }
        Set<UUID> ids = new HashSet<>(chunk.members().size() * 2);
        for (Member m : chunk.members()) {
            ids.add(m.id());
        }
        return ids;
    }

    private static boolean nationalIdTaken(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException p && "23505".equals(p.getSQLState()) && p.getServerErrorMessage() != null
                    && "member_national_id_index".equals(p.getServerErrorMessage().getConstraint())) {
                return true;
            }
        }
        return false;
    }

    /**
     * After a race: the chunk's rows (the same COPY rows) into a temporary table, then inserted from there with
     * {@code on conflict (national_id_index) do nothing}, which refuses just the records registered meanwhile.
     */
    private static Set<UUID> insertMembers(Connection c, Prepared chunk) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create temporary table if not exists member_import (like member including defaults) on commit drop");
            s.execute("truncate member_import");
        }
        try (PgCopy copy = new PgCopy(c, "member_import", MEMBER_COLUMN_NAMES)) {
            copy.rows(chunk.memberCopy());
        }
        Set<UUID> inserted = new HashSet<>(chunk.members().size() * 2);
        try (Statement insert = c.createStatement(); ResultSet ids = insert.executeQuery("""
                insert into member (%1$s) select %1$s from member_import
                on conflict (national_id_index) do nothing
                returning id""".formatted(MEMBER_COLUMN_NAMES))) {
            while (ids.next()) {
                inserted.add(ids.getObject(1, UUID.class));
            }
        }
        return inserted;
    }

    static <T> List<List<T>> chunks(List<T> rows) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + CHUNK)));
        }
        return chunks;
    }
}
