package org.dangjian.member.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.member.event.MemberEvents;
import org.dangjian.member.member.Member;
import org.dangjian.member.member.MemberService;
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
import java.util.function.Function;

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
    public record Prepared(List<Member> members, List<Object[]> memberRows, PgCopy.Rows memberCopy,
            List<AuditTrail.PreparedEntry> entries, List<Outbox.PreparedEvent> registered) {
    }

    /** The member columns in the order of {@link #MEMBER_COLUMN_NAMES}, each with how a record gives its value. */
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
        List<Object[]> rows = new ArrayList<>(members.size());
        for (Member m : members) {
            Object[] row = new Object[MEMBER_COLUMNS.size()];
            for (int i = 0; i < row.length; i++) {
                Object value = MEMBER_COLUMNS.get(i).apply(m);
                // COPY writes toString(); an enum column holds the constant's name
                row[i] = value instanceof Enum<?> e ? e.name() : value;
            }
            rows.add(row);
        }
        // Formatted and encoded here, off the thread that waits for the database (about 5 % of the import's CPU).
        PgCopy.Rows copy = new PgCopy.Rows(rows.size() * 600);
        rows.forEach(copy::add);
        copy.bytes();
        List<AuditTrail.PreparedEntry> entries = new ArrayList<>(chunk.size());
        List<Outbox.PreparedEvent> registered = new ArrayList<>(chunk.size());
        for (NewMember m : chunk) {
            entries.add(audit.prepareWrite(m.member().id(), m.member().orgId(), null,
                    MemberService.snapshot(m.member(), m.nationalId(), m.phone())));
            registered.add(events.prepareRegistered(m.member()));
        }
        return new Prepared(members, rows, copy, entries, registered);
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
     * the whole COPY; its savepoint is then rolled back and the chunk inserted row-wise by {@link #insertMembers},
     * which refuses just that record.
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

    private static Set<UUID> insertMembers(Connection c, Prepared chunk) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into member (%s)
                select * from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                    cast(? as date[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                    cast(? as text[]), cast(? as text[]), cast(? as uuid[]), cast(? as uuid[]), cast(? as text[]), cast(? as text[]),
                    cast(? as date[]), cast(? as date[]), cast(? as date[]), cast(? as date[]), cast(? as date[]), cast(? as date[]),
                    cast(? as bigint[]))
                on conflict (national_id_index) do nothing
                returning id""".formatted(MEMBER_COLUMN_NAMES))) {
            for (int i = 0; i < MEMBER_COLUMNS.size(); i++) {
                int column = i;
                insert.setString(i + 1, literal(chunk.memberRows(), row -> row[column]));
            }
            Set<UUID> inserted = new HashSet<>(chunk.members().size() * 2);
            try (ResultSet ids = insert.executeQuery()) {
                while (ids.next()) {
                    inserted.add(ids.getObject(1, UUID.class));
                }
            }
            return inserted;
        }
    }

    /**
     * A PostgreSQL array literal of one column ({@code {"a","b",NULL}}), cast to the column's array type
     * in SQL, for the row-wise insert after a race.
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
