package org.dangjian.assistance.pairing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.assistance.beneficiary.Beneficiary;
import org.dangjian.assistance.beneficiary.BeneficiaryService;
import org.dangjian.assistance.common.Subtrees;
import jakarta.persistence.TypedQuery;
import org.dangjian.platform.api.list.Cursor;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.dangjian.platform.api.list.SortOrder;
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
import java.util.Optional;
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

    @Inject
    Subtrees subtrees;

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
        if (pairing.status() == Pairing.Status.ENDED) {
            // Ended already (by hand or by its member's event): the pairing as it stands, nothing recorded twice.
            return PairingView.of(pairing);
        }
        PairingView before = PairingView.of(pairing);
        pairing.end(request.endedOn() != null ? request.endedOn() : clock.today(), request.reason());
        em.flush();
        PairingView view = PairingView.of(pairing);
        audit.write("PAIRING_ENDED", "pairing", id, before, view);
        return view;
    }

    /**
     * Pairings of the caller's subtree (a pairing belongs to its beneficiary's organization), or of orgId's subtree,
     * or of one beneficiary, by startedOn then id.
     */
    @Transactional
    public ListPage<PairingView> pairings(UUID orgId, UUID beneficiaryId, Pairing.Status status, ListQuery query) {
        SortOrder order = query.sort("startedOn", "-startedOn");
        Optional<Cursor> after = query.after();
        if (beneficiaryId != null) {
            beneficiaries.require(beneficiaryId);
        }
        Condition inScope = subtrees.of(orgId).orgCondition("b.orgId", "OrgUnit");
        String where = "p.beneficiaryId in (select b.id from Beneficiary b where " + inScope.sql() + ")";
        return pairingPage(where, inScope, beneficiaryId, null, status, order, after, query);
    }

    /** The token's own member's pairings: those where they look after someone, and those where they are looked after. */
    @Transactional
    public ListPage<PairingView> myPairings(ListQuery query) {
        UUID member = caller.requireMemberId();
        SortOrder order = query.sort("startedOn", "-startedOn");
        Optional<Cursor> after = query.after();
        String where = "(p.memberId = :me or p.beneficiaryId in (select b.id from Beneficiary b where b.memberId = :me))";
        return pairingPage(where, new Condition("1=1", java.util.Map.of()), null, member, null, order, after, query);
    }

    private ListPage<PairingView> pairingPage(String where, Condition condition, UUID beneficiaryId, UUID me,
            Pairing.Status status, SortOrder order, Optional<Cursor> after, ListQuery query) {
        StringBuilder jpql = new StringBuilder("from Pairing p where ").append(where);
        if (beneficiaryId != null) {
            jpql.append(" and p.beneficiaryId = :beneficiary");
        }
        if (status != null) {
            jpql.append(" and p.status = :status");
        }
        after.ifPresent(c -> jpql.append(" and ").append(order.after("p.startedOn", "p.id")));
        jpql.append(" order by ").append(order.orderBy("p.startedOn", "p.id"));
        TypedQuery<Pairing> q = condition.bind(em.createQuery(jpql.toString(), Pairing.class));
        if (beneficiaryId != null) {
            q.setParameter("beneficiary", beneficiaryId);
        }
        if (me != null) {
            q.setParameter("me", me);
        }
        if (status != null) {
            q.setParameter("status", status);
        }
        after.ifPresent(c -> q.setParameter("cursor0", c.date(0)).setParameter("cursor1", c.uuid(1)));
        return ListPage.of(q.setMaxResults(query.limit()).getResultList(), query, p -> Cursor.at(p.startedOn(), p.id()))
                .map(PairingView::of);
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
        if (visit.followedUpOn() != null) {
            return VisitView.of(visit, clock.today());
        }
        visit.followedUp(request.on() != null ? request.on() : clock.today());
        em.flush();
        VisitView view = VisitView.of(visit, clock.today());
        audit.write("VISIT_FOLLOWED_UP", "beneficiary", visit.beneficiaryId(), null, view);
        return view;
    }

    /** Follow-ups due before {@code asOf} (today by default) and not yet done, in the caller's subtree, oldest due first. */
    @Transactional
    public ListPage<VisitView> overdueFollowUps(UUID orgId, LocalDate asOf, ListQuery query) {
        query.sort("followUpDue");
        Optional<Cursor> after = query.after();
        LocalDate today = asOf != null ? asOf : clock.today();
        Condition inScope = subtrees.of(orgId).orgCondition("b.orgId", "OrgUnit");
        String jpql = """
                from VisitLogEntry v where v.followUpDue < :today and v.followedUpOn is null
                and v.beneficiaryId in (select b.id from Beneficiary b where /*scope*/)""".replace("/*scope*/", inScope.sql())
                + (after.isEmpty() ? "" : " and (v.followUpDue, v.id) > (:cursor0, :cursor1)")
                + " order by v.followUpDue, v.id";
        TypedQuery<VisitLogEntry> q = inScope.bind(em.createQuery(jpql, VisitLogEntry.class)).setParameter("today", today);
        after.ifPresent(c -> q.setParameter("cursor0", c.date(0)).setParameter("cursor1", c.uuid(1)));
        // Overdue is judged on asOf, as the list is.
        return ListPage.of(q.setMaxResults(query.limit()).getResultList(), query, v -> Cursor.at(v.followUpDue(), v.id()))
                .map(v -> VisitView.of(v, today));
    }

    /**
     * The token's own member's visits: those they made as a pair partner, and those made to them as a beneficiary
     * (findings are never listed), newest first by default.
     */
    @Transactional
    public ListPage<VisitView> myVisits(ListQuery query) {
        UUID member = caller.requireMemberId();
        SortOrder order = query.sort("-visitedOn", "visitedOn");
        Optional<Cursor> after = query.after();
        String jpql = "from VisitLogEntry v where (v.visitorMemberId = :me"
                + " or v.beneficiaryId in (select b.id from Beneficiary b where b.memberId = :me))"
                + (after.isEmpty() ? "" : " and " + order.after("v.visitedOn", "v.id"))
                + " order by " + order.orderBy("v.visitedOn", "v.id");
        TypedQuery<VisitLogEntry> q = em.createQuery(jpql, VisitLogEntry.class).setParameter("me", member);
        after.ifPresent(c -> q.setParameter("cursor0", c.date(0)).setParameter("cursor1", c.uuid(1)));
        LocalDate today = clock.today();
        return ListPage.of(q.setMaxResults(query.limit()).getResultList(), query, v -> Cursor.at(v.visitedOn(), v.id()))
                .map(v -> VisitView.of(v, today));
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
