package org.dangjian.organization.structure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.organization.structure.StructureDtos.RosterEntry;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Where each member is and at which stage, and the counts per organization derived from it. A
 * change of one member moves their contribution from the old (organization, stage) to the new one
 * in the same transaction, so the counts never need a recount.
 */
@ApplicationScoped
public class MemberRoster {

    @Inject
    EntityManager em;

    /**
     * A member's place as this service knows it. {@code organizationId} is null while the member's
     * relationship is with an organization outside the platform (transferred out): on no roster here.
     */
    public record Placement(UUID organizationId, String stage, boolean ended) {

        /** On the roster of an organization of the platform: counted there, may hold its roles. */
        public boolean isHere() {
            return !ended && organizationId != null;
        }
    }

    /**
     * Applies one member event: {@code change} gets the member's placement before it (null for a member
     * not heard of yet) and returns the placement after it.
     *
     * @return the placement after the event, or empty when an equal or newer state of the member was
     *         applied already (a stale event changes nothing)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Placement> apply(UUID memberId, long version, UnaryOperator<Placement> change) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select organization_id, stage, ended, source_version from member_roster where member_id = ?1 for update""")
                .setParameter(1, memberId).getResultList();
        Placement before = null;
        if (!rows.isEmpty()) {
            Object[] row = rows.get(0);
            if (((Number) row[3]).longValue() >= version) {
                return Optional.empty();
            }
            before = new Placement((UUID) row[0], (String) row[1], (Boolean) row[2]);
        }
        Placement after = change.apply(before);
        em.createNativeQuery("""
                insert into member_roster (member_id, organization_id, stage, ended, source_version, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (member_id) do update set organization_id = excluded.organization_id, stage = excluded.stage,
                    ended = excluded.ended, source_version = excluded.source_version, updated_at = excluded.updated_at""")
                .setParameter(1, memberId).setParameter(2, after.organizationId()).setParameter(3, after.stage())
                .setParameter(4, after.ended()).setParameter(5, version).setParameter(6, OffsetDateTime.now()).executeUpdate();
        if (before != null && before.isHere()) {
            count(before.organizationId(), before.stage(), -1);
        }
        if (after.isHere()) {
            count(after.organizationId(), after.stage(), +1);
        }
        return Optional.of(after);
    }

    /** What the member events have said of a member so far; empty when nothing yet. */
    public Optional<RosterEntry> entry(UUID memberId) {
        return entry(memberId, "");
    }

    /**
     * {@link #entry}, the row share-locked until the transaction ends: a request naming the member in a role
     * commits before an event moving them is applied, which then finds that role and ends it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<RosterEntry> entryForShare(UUID memberId) {
        return entry(memberId, " for share");
    }

    private Optional<RosterEntry> entry(UUID memberId, String lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select organization_id, stage, ended, source_version from member_roster where member_id = ?1" + lock)
                .setParameter(1, memberId).getResultList();
        return rows.stream().findFirst().map(r -> new RosterEntry(memberId, (UUID) r[0], (String) r[1],
                !(Boolean) r[2] && r[0] != null, (Boolean) r[2], ((Number) r[3]).longValue()));
    }

    private void count(UUID organizationId, String stage, int delta) {
        int full = "FULL".equals(stage) ? delta : 0;
        int members = "FULL".equals(stage) || "PROBATIONARY".equals(stage) ? delta : 0;
        if (full == 0 && members == 0) {
            return;
        }
        em.createNativeQuery("""
                insert into member_count (organization_id, full_members, members) values (?1, ?2, ?3)
                on conflict (organization_id) do update set full_members = member_count.full_members + excluded.full_members,
                    members = member_count.members + excluded.members""")
                .setParameter(1, organizationId).setParameter(2, full).setParameter(3, members).executeUpdate();
    }
}
