package org.dangjian.member.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.member.event.MemberEvents;
import org.dangjian.member.member.Member;
import org.dangjian.member.member.MemberAccess;
import org.dangjian.member.member.MemberRepository;
import org.dangjian.member.member.MemberService;
import org.dangjian.member.member.MemberStage;
import org.dangjian.member.pipeline.PipelineDtos.ChangeStage;
import org.dangjian.member.pipeline.PipelineDtos.ExtendProbation;
import org.dangjian.member.pipeline.PipelineDtos.StageChangeView;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.audit.AuditTrail;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The development pipeline (发展党员) and the ends of membership: one method per transition, each
 * checking its rule, recording the decision, and writing the event in the same transaction.
 */
@ApplicationScoped
public class PipelineService {

    @Inject
    MemberAccess access;

    @Inject
    MemberRepository members;

    @Inject
    MemberService memberService;

    @Inject
    DevelopmentPolicy policy;

    @Inject
    DevelopmentRecordRepository followUps;

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    MemberEvents events;

    /** A stage change as recorded: {@code repeated} when the member had already moved so (a retry) and nothing changed. */
    public record Recorded(StageChangeView change, boolean repeated) {
    }

    @Transactional
    public Recorded change(UUID memberId, ChangeStage r) {
        Member m = access.visible(memberId);
        if (m.stage() == r.toStage()) {
            // A retry after a lost answer: the last move already took the member to this stage on this date.
            StageChange last = em.createQuery("""
                    from StageChange c where c.memberId = :m and c.fromStage <> c.toStage
                    order by c.recordedAt desc, c.id desc""", StageChange.class)
                    .setParameter("m", m.id()).setMaxResults(1).getResultStream().findFirst().orElse(null);
            if (last != null && last.toStage() == r.toStage() && last.effectiveOn().equals(r.effectiveOn())) {
                return new Recorded(StageChangeView.of(last), true);
            }
        }
        if (!m.isHere()) {
            throw DomainException.unprocessable("MEMBER_TRANSFERRED_OUT", m.memberNumber());
        }
        MemberStage from = m.stage();
        if (!from.mayBecome(r.toStage())) {
            throw DomainException.conflict("MEMBER_STAGE_TRANSITION_NOT_ALLOWED", from, r.toStage());
        }
        LocalDate current = m.dates().of(from);
        if (current != null && r.effectiveOn().isBefore(current)) {
            throw DomainException.unprocessable("MEMBER_STAGE_DATE_BEFORE_CURRENT", r.effectiveOn(), current);
        }
        MemberService.Snapshot before = memberService.snapshot(m);
        Map<String, Object> details = new LinkedHashMap<>();
        switch (r.toStage()) {
            case ACTIVIST -> becomeActivist(m, r, details);
            case CANDIDATE -> becomeCandidate(m, r, details);
            case PROBATIONARY -> admit(m, r, details);
            case FULL -> convert(m, r);
            default -> end(m, r);
        }
        StageChange change = new StageChange(m.id(), from, r.toStage(), r.effectiveOn(), r.decisionRef(), r.approver(),
                r.reason(), details, caller.subject());
        em.persist(change);
        members.flush();
        audit.write("MEMBER_STAGE_CHANGED", "member", m.id(), before, memberService.snapshot(m));
        if (r.toStage().isLive()) {
            events.stageChanged(m, from.name(), r.effectiveOn());
        } else {
            events.ended(m, r.effectiveOn());
        }
        return new Recorded(StageChangeView.of(change), false);
    }

    @Transactional
    public StageChangeView extendProbation(UUID memberId, ExtendProbation r) {
        Member m = access.visible(memberId);
        policy.checkExtension(m, r.months());
        MemberService.Snapshot before = memberService.snapshot(m);
        m.extendProbation(r.months());
        StageChange change = new StageChange(m.id(), m.stage(), m.stage(), r.effectiveOn(), r.decisionRef(), null, r.reason(),
                Map.of("extensionMonths", r.months()), caller.subject());
        em.persist(change);
        members.flush();
        audit.write("MEMBER_PROBATION_EXTENDED", "member", m.id(), before, memberService.snapshot(m));
        return StageChangeView.of(change);
    }

    /** Replaces the contacts of an activist (e.g. one registered from paper files, or a contact who left). */
    @Transactional
    public List<UUID> assignContacts(UUID memberId, List<UUID> contactIds, LocalDate on) {
        Member m = access.visible(memberId);
        if (m.stage() != MemberStage.ACTIVIST) {
            throw DomainException.unprocessable("MEMBER_NOT_ACTIVIST", m.stage());
        }
        Set<UUID> contacts = validContacts(m, contactIds);
        replaceContacts(m, contacts, on);
        audit.write("MEMBER_CONTACTS_ASSIGNED", "member", m.id(), null, Map.of("contactMemberIds", contacts));
        return List.copyOf(contacts);
    }

    @Transactional
    public List<StageChangeView> history(UUID memberId) {
        Member m = access.visible(memberId);
        return em.createQuery("from StageChange c where c.memberId = :m order by c.effectiveOn, c.recordedAt", StageChange.class)
                .setParameter("m", m.id()).getResultList().stream().map(StageChangeView::of).toList();
    }

    private void becomeActivist(Member m, ChangeStage r, Map<String, Object> details) {
        Set<UUID> contacts = validContacts(m, r.contactMemberIds() == null ? List.of() : r.contactMemberIds());
        policy.checkActivist(r, contacts.size());
        policy.checkTalkHeld(r, followUps.firstTalkBy(m.id(), r.effectiveOn()));
        m.enter(MemberStage.ACTIVIST, r.effectiveOn());
        replaceContacts(m, contacts, r.effectiveOn());
        details.put("contactMemberIds", contacts);
    }

    private void becomeCandidate(Member m, ChangeStage r, Map<String, Object> details) {
        int contacts = contactCount(m);
        policy.checkCandidate(m, r, contacts);
        policy.checkActivistReviewed(m, r, followUps.lastReviewBy(m.id(), r.effectiveOn()));
        m.enter(MemberStage.CANDIDATE, r.effectiveOn());
        details.put("contacts", contacts);
    }

    private void admit(Member m, ChangeStage r, Map<String, Object> details) {
        policy.checkAdmission(r);
        m.enter(MemberStage.PROBATIONARY, r.effectiveOn());
        details.put("trainingHours", r.trainingHours());
        details.put("politicalReviewPassed", true);
        details.put("approvedOn", r.approvedOn().toString());
    }

    private void convert(Member m, ChangeStage r) {
        policy.checkConversion(m, r);
        m.enter(MemberStage.FULL, r.effectiveOn());
    }

    private void end(Member m, ChangeStage r) {
        policy.checkEnd(m, r);
        m.end(r.toStage(), r.effectiveOn(), r.reason());
    }

    /** Distinct full members of the member's own branch, not the member themself. */
    private Set<UUID> validContacts(Member m, List<UUID> ids) {
        Set<UUID> contacts = new LinkedHashSet<>(ids);
        for (UUID id : contacts) {
            boolean ok = !id.equals(m.id()) && members.byId(id)
                    .filter(c -> c.stage() == MemberStage.FULL && c.isHere() && c.orgId().equals(m.orgId())).isPresent();
            if (!ok) {
                throw DomainException.unprocessable("MEMBER_CONTACT_NOT_FULL_MEMBER_OF_BRANCH", id);
            }
        }
        if (contacts.size() < policy.requiredContacts()) {
            throw DomainException.unprocessable("MEMBER_CONTACTS_REQUIRED", policy.requiredContacts(), contacts.size());
        }
        return contacts;
    }

    private void replaceContacts(Member m, Set<UUID> contacts, LocalDate on) {
        em.createNativeQuery("delete from member_contact where member_id = ?1").setParameter(1, m.id()).executeUpdate();
        for (UUID contact : contacts) {
            em.createNativeQuery("insert into member_contact (member_id, contact_id, assigned_on) values (?1, ?2, ?3)")
                    .setParameter(1, m.id()).setParameter(2, contact).setParameter(3, on).executeUpdate();
        }
    }

    private int contactCount(Member m) {
        return ((Number) em.createNativeQuery("select count(*) from member_contact where member_id = ?1")
                .setParameter(1, m.id()).getSingleResult()).intValue();
    }
}
