package org.dangjian.assistance.pairing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.assistance.beneficiary.Beneficiary;
import org.dangjian.assistance.beneficiary.BeneficiaryService;
import org.dangjian.assistance.common.Page;
import org.dangjian.assistance.member.Members;
import org.dangjian.assistance.pairing.PairingDtos.EndPairing;
import org.dangjian.assistance.pairing.PairingDtos.FollowUpDone;
import org.dangjian.assistance.pairing.PairingDtos.Pair;
import org.dangjian.assistance.pairing.PairingDtos.PairingView;
import org.dangjian.assistance.pairing.PairingDtos.RecordVisit;
import org.dangjian.assistance.pairing.PairingDtos.VisitView;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.audit.AuditTrail;
import org.dangjian.platform.api.pii.PersonalDataProtection;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.api.scope.Condition;
import org.dangjian.platform.orgtree.Organizations;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Pairing (结对帮扶) and the visit log (民情日记), with the list of overdue follow-ups. */
@ApplicationScoped
public class PairingService {

    @Inject
    EntityManager em;

    @Inject
    BeneficiaryService beneficiaries;

    @Inject
    Organizations organizations;

    @Inject
    CallerScope scope;

    @Inject
    Members members;

    @Inject
    PersonalDataProtection protection;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    BusinessClock clock;

    @Transactional
    public PairingView pair(Pair request) {
        Beneficiary beneficiary = beneficiaries.require(request.beneficiaryId());
        members.requireReferable(request.memberId());
        if (activePairing(beneficiary.id(), request.memberId())) {
            throw DomainException.conflict("PAIRING_EXISTS", request.memberId(), beneficiary.id());
        }
        Pairing pairing = Pairing.pair(beneficiary.id(), request.memberId(),
                request.startedOn() != null ? request.startedOn() : clock.today(), caller.subject());
        em.persist(pairing);
        em.flush();
        PairingView view = PairingView.of(pairing);
        audit.write("PAIRING_STARTED", "pairing", pairing.id(), null, view);
        return view;
    }

    @Transactional
    public PairingView end(UUID id, EndPairing request) {
        Pairing pairing = em.find(Pairing.class, id);
        if (pairing == null) {
            throw DomainException.notFound("PAIRING_NOT_FOUND", id);
        }
        requireBeneficiary(pairing.beneficiaryId(), "PAIRING_NOT_FOUND", id);
        PairingView before = PairingView.of(pairing);
        pairing.end(request.endedOn() != null ? request.endedOn() : clock.today(), request.reason());
        em.flush();
        PairingView view = PairingView.of(pairing);
        audit.write("PAIRING_ENDED", "pairing", id, before, view);
        return view;
    }

    @Transactional
    public List<PairingView> pairingsOf(UUID beneficiaryId) {
        beneficiaries.require(beneficiaryId);
        return em.createQuery("from Pairing where beneficiaryId = ?1 order by startedOn, id", Pairing.class)
                .setParameter(1, beneficiaryId).getResultList().stream().map(PairingView::of).toList();
    }

    /**
     * Staff record visits to anyone in their subtree; a member records visits only to a beneficiary
     * they are paired with.
     */
    @Transactional
    public VisitView recordVisit(RecordVisit request) {
        Beneficiary beneficiary = beneficiaries.require(request.beneficiaryId());
        UUID visitorMember = caller.memberId().orElse(null);
        if (!isStaff() && (visitorMember == null || !activePairing(beneficiary.id(), visitorMember))) {
            throw DomainException.notFound("BENEFICIARY_NOT_FOUND", beneficiary.id());
        }
        VisitLogEntry visit = VisitLogEntry.record(beneficiary.id(),
                request.visitedOn() != null ? request.visitedOn() : clock.today(), caller.subject(), visitorMember,
                protection.encrypt(request.findings()), request.promises(), request.followUpDue());
        em.persist(visit);
        em.flush();
        VisitView view = VisitView.of(visit, clock.today());
        audit.write("VISIT_RECORDED", "beneficiary", beneficiary.id(), null, view);
        return view;
    }

    @Transactional
    public VisitView followUpDone(UUID visitId, FollowUpDone request) {
        VisitLogEntry visit = em.find(VisitLogEntry.class, visitId);
        if (visit == null) {
            throw DomainException.notFound("VISIT_NOT_FOUND", visitId);
        }
        requireBeneficiary(visit.beneficiaryId(), "VISIT_NOT_FOUND", visitId);
        visit.followedUp(request.on() != null ? request.on() : clock.today());
        em.flush();
        VisitView view = VisitView.of(visit, clock.today());
        audit.write("VISIT_FOLLOWED_UP", "beneficiary", visit.beneficiaryId(), null, view);
        return view;
    }

    /** Follow-ups due before {@code asOf} (today by default) and not yet done, in the caller's subtree, oldest due first. */
    @Transactional
    public Page<VisitView> overdueFollowUps(LocalDate asOf, int page, int size) {
        LocalDate today = asOf != null ? asOf : clock.today();
        Condition inScope = scope.orgCondition("b.orgId", "OrgUnit");
        String where = """
                from VisitLogEntry v where v.followUpDue < :today and v.followedUpOn is null
                and v.beneficiaryId in (select b.id from Beneficiary b where /*scope*/)""".replace("/*scope*/", inScope.sql());
        long total = inScope.bind(em.createQuery("select count(v) " + where, Long.class))
                .setParameter("today", today).getSingleResult();
        List<VisitView> items = inScope.bind(em.createQuery("select v " + where + " order by v.followUpDue, v.id", VisitLogEntry.class))
                .setParameter("today", today)
                .setFirstResult(page * size).setMaxResults(size).getResultList()
                .stream().map(v -> VisitView.of(v, today)).toList();
        return new Page<>(items, page, size, total);
    }

    private boolean activePairing(UUID beneficiaryId, UUID memberId) {
        return !em.createQuery("select p.id from Pairing p where p.beneficiaryId = ?1 and p.memberId = ?2 and p.status = ?3")
                .setParameter(1, beneficiaryId).setParameter(2, memberId).setParameter(3, Pairing.Status.ACTIVE)
                .getResultList().isEmpty();
    }

    /** A record hanging off a beneficiary outside the caller's scope is reported as missing. */
    private void requireBeneficiary(UUID beneficiaryId, String code, UUID id) {
        try {
            beneficiaries.require(beneficiaryId);
        } catch (DomainException e) {
            throw DomainException.notFound(code, id);
        }
    }

    private boolean isStaff() {
        return scope.standing().isStaff();
    }
}
