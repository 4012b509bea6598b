package org.dangjian.assistance.reaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.assistance.assistancecase.CaseOrgChange;
import org.dangjian.assistance.assistancecase.CaseRepository;
import org.dangjian.platform.api.Ids;
import org.dangjian.platform.api.jdbc.PgArray;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A merge (合并, organization.dissolved with mergedIntoId): the absorbed organization's beneficiaries, of both kinds,
 * and their open cases move to the survivor, each case with a history row (reason ORGANIZATION_MERGED) like a
 * transfer's; pairings follow their beneficiary. A reassignment flag a case already had (its member left the
 * platform) stays. Closed and rejected cases, funds, budgets and ledgers stay with the absorbed organization: they
 * are its accounts.
 *
 * <p>A MEMBER beneficiary also follows member.transferred, which member-service publishes for each member it moves
 * to the survivor, in the other consumer group: whichever comes first moves the record and its open cases (one
 * history row, reason ORGANIZATION_MERGED or MEMBER_TRANSFERRED after the event that moved them), the other finds
 * them in place and changes nothing. Both lock beneficiaries, then cases, in id order, and this one re-reads the
 * rows it locks, so the two cannot both move a row.
 *
 * <p>The survivor given is where the records end: when the named survivor was itself dissolved already, the caller
 * passes the end of its merge chain ({@link Dissolutions}), so the history row goes straight from absorbed to there.
 */
@ApplicationScoped
public class OrganizationMerges {

    private static final Logger LOG = Logger.getLogger(OrganizationMerges.class);

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void merged(UUID eventId, UUID absorbed, UUID survivor) {
        // Without a result class: with UUID.class Hibernate caches a new query plan per call (bench/notes/b3.md).
        @SuppressWarnings("unchecked")
        List<UUID> beneficiaries = em.createNativeQuery("""
                select id from beneficiary where org_id = ?1 order by id for update""")
                .setParameter(1, absorbed).getResultList();
        if (!beneficiaries.isEmpty()) {
            em.createNativeQuery("update beneficiary set org_id = ?2, version = version + 1 where id = any(cast(?1 as uuid[]))")
                    .setParameter(1, PgArray.literal(beneficiaries)).setParameter(2, survivor).executeUpdate();
        }
        @SuppressWarnings("unchecked")
        List<UUID> cases = em.createNativeQuery("""
                select id from assistance_case where org_id = ?1 and status = any(cast(?2 as text[])) order by id for update""")
                .setParameter(1, absorbed).setParameter(2, PgArray.literal(CaseRepository.OPEN)).getResultList();
        if (!cases.isEmpty()) {
            em.createNativeQuery("update assistance_case set org_id = ?2, version = version + 1 where id = any(cast(?1 as uuid[]))")
                    .setParameter(1, PgArray.literal(cases)).setParameter(2, survivor).executeUpdate();
            Instant now = Instant.now();
            em.createNativeQuery("""
                    insert into case_org_change (id, case_id, from_org_id, to_org_id, reason, event_id, changed_at)
                    select gen.id, gen.case_id, ?3, ?4, ?5, ?6, ?7
                    from unnest(cast(?1 as uuid[]), cast(?2 as uuid[])) as gen(id, case_id)""")
                    .setParameter(1, PgArray.literal(cases.stream().map(c -> Ids.next()).toList()))
                    .setParameter(2, PgArray.literal(cases))
                    .setParameter(3, absorbed).setParameter(4, survivor).setParameter(5, CaseOrgChange.ORGANIZATION_MERGED)
                    .setParameter(6, eventId).setParameter(7, now)
                    .executeUpdate();
        }
        LOG.infof("organization %s merged into %s: %d beneficiaries and %d open cases moved", absorbed, survivor,
                beneficiaries.size(), cases.size());
    }
}
