package org.dangjian.assistance.assistancecase;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The history rows of cases: steps, visits, objections, changes of organization. */
@ApplicationScoped
public class CaseRecords {

    @Inject
    EntityManager em;

    public void add(Object record) {
        em.persist(record);
    }

    public List<CaseTransition> transitions(UUID caseId) {
        return em.createQuery("from CaseTransition where caseId = ?1 order by recordedAt, id", CaseTransition.class)
                .setParameter(1, caseId).getResultList();
    }

    /** Up to {@code limit} of a case's visits in the order they happened (day, then id: ids grow with time), after a position. */
    public List<CaseVisit> visits(UUID caseId, org.dangjian.platform.api.list.Cursor after, int limit) {
        var query = em.createQuery("from CaseVisit v where v.caseId = :case"
                + (after == null ? "" : " and (v.visitedOn, v.id) > (:cursor0, :cursor1)")
                + " order by v.visitedOn, v.id", CaseVisit.class).setParameter("case", caseId);
        if (after != null) {
            query.setParameter("cursor0", after.date(0)).setParameter("cursor1", after.uuid(1));
        }
        return query.setMaxResults(limit).getResultList();
    }

    public Optional<CaseVisit> visit(UUID caseId, UUID visitId) {
        return Optional.ofNullable(em.find(CaseVisit.class, visitId)).filter(v -> v.caseId().equals(caseId));
    }

    public List<CaseOrgChange> orgChanges(UUID caseId) {
        return em.createQuery("from CaseOrgChange where caseId = ?1 order by changedAt, id", CaseOrgChange.class)
                .setParameter(1, caseId).getResultList();
    }

    public List<CaseObjection> objections(UUID caseId) {
        return em.createQuery("from CaseObjection where caseId = ?1 order by raisedOn, id", CaseObjection.class)
                .setParameter(1, caseId).getResultList();
    }

    public long openObjections(UUID caseId) {
        return em.createQuery("select count(o) from CaseObjection o where o.caseId = ?1 and o.status = ?2", Long.class)
                .setParameter(1, caseId).setParameter(2, CaseObjection.Status.OPEN).getSingleResult();
    }

    public Optional<CaseObjection> objection(UUID caseId, UUID objectionId) {
        return Optional.ofNullable(em.find(CaseObjection.class, objectionId)).filter(o -> o.caseId().equals(caseId));
    }

    /** Locks the case row, so a disbursement and a new objection cannot pass each other unseen. */
    public void lock(AssistanceCase c) {
        em.lock(c, LockModeType.PESSIMISTIC_WRITE);
    }
}
