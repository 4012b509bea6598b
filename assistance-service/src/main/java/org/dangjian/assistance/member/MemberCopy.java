package org.dangjian.assistance.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.dangjian.platform.api.jdbc.PgArray;

/**
 * This service's copy of the members (table {@code member_copy}): where each one is, their stage, whether
 * their membership ended. Written set-wise from a batch of member events (one locking read, one upsert),
 * like the case moves beside it, so the member events' consumer keeps up under load (benchmark B3).
 */
@ApplicationScoped
public class MemberCopy {

    /** A member as this service knows them; {@code orgId} null: they left the platform. */
    public record KnownMember(UUID memberId, UUID orgId, String stage, LocalDate endedOn, String endType) {

        public MemberStatus status() {
            if (endedOn != null) {
                return MemberStatus.ENDED;
            }
            return orgId == null ? MemberStatus.LEFT_PLATFORM : MemberStatus.ACTIVE;
        }
    }

    /**
     * A member's row while a batch is folded into it. Each part moves only with an event newer than the one it
     * was last taken from, so late and repeated events change nothing; an end of membership is final.
     */
    private static final class Held {
        final UUID memberId;
        UUID orgId;
        Long orgVersion;
        String stage;
        Long stageVersion;
        LocalDate endedOn;
        String endType;
        long sourceVersion = -1;
        boolean changed;

        Held(UUID memberId) {
            this.memberId = memberId;
        }

        /** @return whether the event moved the member (it is the newest word on where they are) */
        boolean take(MemberEvent e) {
            boolean moved = false;
            if (orgVersion == null || e.version() > orgVersion) {
                orgId = e.orgId();
                orgVersion = e.version();
                moved = true;
                changed = true;
            }
            if (e.stage() != null && (stageVersion == null || e.version() > stageVersion)) {
                stage = e.stage();
                stageVersion = e.version();
                changed = true;
            }
            if (e.type() == MemberEvent.Type.ENDED && endedOn == null) {
                endedOn = e.on();
                endType = e.endType();
                changed = true;
            }
            if (e.version() > sourceVersion) {
                sourceVersion = e.version();
                changed = true;
            }
            return moved;
        }
    }

    @Inject
    EntityManager em;

    /**
     * Folds the events into the copy in their order (one member's in the order member-service published them).
     *
     * @return the ids of the events that moved their member: those newer than anything seen of where the member is
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> apply(List<MemberEvent> events) {
        Map<UUID, Held> held = lock(events.stream().map(MemberEvent::memberId).distinct().toList());
        Set<UUID> moved = new HashSet<>();
        for (MemberEvent e : events) {
            if (held.computeIfAbsent(e.memberId(), Held::new).take(e)) {
                moved.add(e.eventId());
            }
        }
        write(held.values().stream().filter(h -> h.changed).toList());
        return moved;
    }

    public Optional<KnownMember> find(UUID memberId) {
        return known(List.of(memberId)).stream().findFirst();
    }

    /** The status of each of these members known here; unknown ones are absent. */
    public Map<UUID, MemberStatus> statuses(Collection<UUID> memberIds) {
        Map<UUID, MemberStatus> statuses = new HashMap<>();
        if (!memberIds.isEmpty()) {
            known(memberIds).forEach(m -> statuses.put(m.memberId(), m.status()));
        }
        return statuses;
    }

    private List<KnownMember> known(Collection<UUID> memberIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select member_id, org_id, stage, ended_on, end_type from member_copy
                where member_id = any(cast(?1 as uuid[]))""")
                .setParameter(1, PgArray.literal(memberIds)).getResultList();
        return rows.stream().map(r -> new KnownMember((UUID) r[0], (UUID) r[1], (String) r[2], date(r[3]), (String) r[4]))
                .toList();
    }

    /** The members' rows, locked in id order as the upsert that follows would lock them. */
    private Map<UUID, Held> lock(List<UUID> members) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select member_id, org_id, org_version, stage, stage_version, ended_on, end_type, source_version
                from member_copy where member_id = any(cast(?1 as uuid[])) order by member_id for update""")
                .setParameter(1, PgArray.literal(members)).getResultList();
        Map<UUID, Held> held = new LinkedHashMap<>();
        for (Object[] r : rows) {
            Held h = new Held((UUID) r[0]);
            h.orgId = (UUID) r[1];
            h.orgVersion = ((Number) r[2]).longValue();
            h.stage = (String) r[3];
            h.stageVersion = r[4] == null ? null : ((Number) r[4]).longValue();
            h.endedOn = date(r[5]);
            h.endType = (String) r[6];
            h.sourceVersion = ((Number) r[7]).longValue();
            held.put(h.memberId, h);
        }
        return held;
    }

    private void write(List<Held> rows) {
        if (rows.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                insert into member_copy (member_id, org_id, org_version, stage, stage_version, ended_on, end_type,
                  source_version, updated_at)
                select u.*, now() from unnest(cast(?1 as uuid[]), cast(?2 as uuid[]), cast(?3 as bigint[]), cast(?4 as text[]),
                  cast(?5 as bigint[]), cast(?6 as date[]), cast(?7 as text[]), cast(?8 as bigint[]))
                  as u(member_id, org_id, org_version, stage, stage_version, ended_on, end_type, source_version)
                on conflict (member_id) do update set org_id = excluded.org_id, org_version = excluded.org_version,
                  stage = excluded.stage, stage_version = excluded.stage_version, ended_on = excluded.ended_on,
                  end_type = excluded.end_type, source_version = excluded.source_version, updated_at = excluded.updated_at""")
                .setParameter(1, PgArray.literal(rows.stream().map(h -> h.memberId).toList()))
                .setParameter(2, PgArray.literal(rows.stream().map(h -> h.orgId).toList()))
                .setParameter(3, PgArray.literal(rows.stream().map(h -> h.orgVersion).toList()))
                .setParameter(4, PgArray.literal(rows.stream().map(h -> h.stage).toList()))
                .setParameter(5, PgArray.literal(rows.stream().map(h -> h.stageVersion).toList()))
                .setParameter(6, PgArray.literal(rows.stream().map(h -> h.endedOn).toList()))
                .setParameter(7, PgArray.literal(rows.stream().map(h -> h.endType).toList()))
                .setParameter(8, PgArray.literal(rows.stream().map(h -> h.sourceVersion).toList()))
                .executeUpdate();
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
