package org.dangjian.organization.structure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

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
     * @param organizationId where the member is now (null: unchanged)
     * @param stage          their stage now (null: unchanged)
     * @param ended          whether their membership ended
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UUID memberId, long version, UUID organizationId, String stage, boolean ended) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select organization_id, stage, ended, source_version from member_roster where member_id = ?1 for update""")
                .setParameter(1, memberId).getResultList();
        UUID oldOrg = null;
        String oldStage = null;
        boolean oldEnded = true;
        if (!rows.isEmpty()) {
            Object[] row = rows.get(0);
            if (((Number) row[3]).longValue() >= version) {
                return; // an older or equal state of this member: already reflected
            }
            oldOrg = (UUID) row[0];
            oldStage = (String) row[1];
            oldEnded = (Boolean) row[2];
        }
        UUID newOrg = organizationId != null ? organizationId : oldOrg;
        String newStage = stage != null ? stage : oldStage;
        em.createNativeQuery("""
                insert into member_roster (member_id, organization_id, stage, ended, source_version, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (member_id) do update set organization_id = excluded.organization_id, stage = excluded.stage,
                    ended = excluded.ended, source_version = excluded.source_version, updated_at = excluded.updated_at""")
                .setParameter(1, memberId).setParameter(2, newOrg).setParameter(3, newStage).setParameter(4, ended)
                .setParameter(5, version).setParameter(6, OffsetDateTime.now()).executeUpdate();
        if (!oldEnded) {
            count(oldOrg, oldStage, -1);
        }
        if (!ended) {
            count(newOrg, newStage, +1);
        }
    }

    private void count(UUID organizationId, String stage, int delta) {
        int full = "FULL".equals(stage) ? delta : 0;
        int members = "FULL".equals(stage) || "PROBATIONARY".equals(stage) ? delta : 0;
        if (organizationId == null || (full == 0 && members == 0)) {
            return;
        }
        em.createNativeQuery("""
                insert into member_count (organization_id, full_members, members) values (?1, ?2, ?3)
                on conflict (organization_id) do update set full_members = member_count.full_members + excluded.full_members,
                    members = member_count.members + excluded.members""")
                .setParameter(1, organizationId).setParameter(2, full).setParameter(3, members).executeUpdate();
    }
}
