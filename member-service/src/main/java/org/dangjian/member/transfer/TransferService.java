package org.dangjian.member.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.dangjian.platform.api.scope.Condition;
import org.dangjian.platform.api.scope.Scope;
import org.dangjian.platform.orgtree.Organizations;
import org.dangjian.member.config.MemberRules;
import org.dangjian.member.event.MemberEvents;
import org.dangjian.member.member.Branches;
import org.dangjian.member.member.Member;
import org.dangjian.member.member.MemberAccess;
import org.dangjian.member.member.MemberRepository;
import org.dangjian.member.member.MemberService;
import org.dangjian.member.transfer.TransferDtos.IssueTransfer;
import org.dangjian.member.transfer.TransferDtos.ReceiveTransfer;
import org.dangjian.member.transfer.TransferDtos.TransferView;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.audit.AuditTrail;
import org.dangjian.platform.api.scope.CallerScope;

import org.dangjian.platform.api.list.Cursor;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.dangjian.platform.api.list.SortOrder;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.UUID;

/**
 * Transfers of organizational relationship (组织关系转接). The issuing branch writes the letter and may
 * withdraw it; the receiving branch accepts or rejects it; the letter expires when unanswered. For an
 * organization outside the platform only our side is recorded, identified by the letter number.
 */
@ApplicationScoped
public class TransferService {

    static final String AUDIT_TARGET = "transfer";

    @Inject
    TransferRepository transfers;

    @Inject
    MemberRepository members;

    @Inject
    MemberAccess memberAccess;

    @Inject
    MemberService memberService;

    @Inject
    Branches branches;

    @Inject
    CallerScope scope;

    @Inject
    Organizations organizations;

    @Inject
    Caller caller;

    @Inject
    MemberEvents events;

    @Inject
    TransferEvents letterEvents;

    @Inject
    AuditTrail audit;

    @Inject
    MemberRules rules;

    @Inject
    BusinessClock clock;

    @Inject
    jakarta.persistence.EntityManager em;

    @Transactional
    public TransferView issue(IssueTransfer r) {
        if ((r.toOrgId() == null) == (r.toOutsideOrganization() == null)) {
            throw DomainException.unprocessable("TRANSFER_TARGET_REQUIRED");
        }
        Member member = memberAccess.visible(r.memberId());
        if (!member.isHere()) {
            throw DomainException.unprocessable("TRANSFER_MEMBER_NOT_HERE", member.memberNumber());
        }
        if (!member.stage().isMember()) {
            throw DomainException.unprocessable("TRANSFER_MEMBER_NOT_A_PARTY_MEMBER", member.stage());
        }
        if (r.toOrgId() != null) {
            branches.requireAnywhere(r.toOrgId(), "TRANSFER_TARGET_NOT_FOUND");
            if (r.toOrgId().equals(member.orgId())) {
                throw DomainException.unprocessable("TRANSFER_TARGET_SAME_BRANCH");
            }
        }
        int validity = r.validityDays() != null ? r.validityDays() : rules.transfer().letterValidityDays();
        if (validity > rules.transfer().maximumLetterValidityDays()) {
            throw DomainException.unprocessable("TRANSFER_VALIDITY_TOO_LONG", validity, rules.transfer().maximumLetterValidityDays());
        }
        if (transfers.hasOpenTransfer(member.id())) {
            throw DomainException.conflict("TRANSFER_ALREADY_OPEN", member.memberNumber());
        }
        LocalDate issuedOn = r.issuedOn() != null ? r.issuedOn() : clock.today();
        String letterNumber = letterNumber(r.letterNumber(), issuedOn);
        Transfer transfer = Transfer.issue(letterNumber, member.id(), member.name(), member.orgId(), r.toOrgId(),
                r.toOutsideOrganization(), issuedOn, validity, caller.subject(), r.note());
        transfers.persistAndFlush(transfer);
        audit.write("TRANSFER_ISSUED", AUDIT_TARGET, transfer.id(), null, TransferView.of(transfer));
        letterEvents.changed(transfer);
        return TransferView.of(transfer);
    }

    /** A letter from outside the platform: registers the member in the receiving branch and records the letter as accepted. */
    @Transactional
    public TransferView receive(ReceiveTransfer r) {
        if (transfers.letterNumberTaken(r.letterNumber())) {
            throw DomainException.conflict("TRANSFER_LETTER_NUMBER_TAKEN", r.letterNumber());
        }
        LocalDate today = clock.today();
        UUID memberId = memberService.register(r.member()).id();
        Member member = members.byId(memberId).orElseThrow();
        Transfer transfer = Transfer.received(r.letterNumber(), memberId, member.name(), member.orgId(),
                r.fromOutsideOrganization(), r.issuedOn(), today, caller.subject(), r.note());
        transfers.persistAndFlush(transfer);
        audit.write("TRANSFER_RECEIVED", AUDIT_TARGET, transfer.id(), null, TransferView.of(transfer));
        events.transferred(member, transfer.id(), null, member.orgId(), today);
        return TransferView.of(transfer);
    }

    @Transactional
    public TransferView get(UUID id) {
        return TransferView.of(visible(id));
    }

    /** 接收: within the platform by the receiving branch; for a letter going outside, the issuer records the receipt. */
    @Transactional
    public TransferView accept(UUID id, LocalDate acceptedOn) {
        Transfer transfer = visible(id);
        requireAnsweringSide(transfer);
        if (transfer.status() == TransferStatus.ACCEPTED) {
            // A retry after a lost answer: the same side already accepted it; nothing moves twice.
            return TransferView.of(transfer);
        }
        TransferView before = TransferView.of(transfer);
        LocalDate on = acceptedOn != null ? acceptedOn : clock.today();
        transfer.accept(on, caller.subject());
        if (transfer.kind() == TransferKind.WITHIN) {
            // Dissolved since the letter was issued (its open letters are returned when member-service learns of it).
            branches.requireAnywhere(transfer.toOrgId(), "TRANSFER_TARGET_NOT_FOUND");
        }
        Member member = members.byId(transfer.memberId()).orElseThrow();
        if (!member.isHere() || !member.orgId().equals(transfer.fromOrgId()) || !member.stage().isLive()) {
            throw DomainException.unprocessable("TRANSFER_MEMBER_NOT_IN_BRANCH", member.memberNumber());
        }
        MemberService.Snapshot memberBefore = memberService.snapshot(member);
        if (transfer.kind() == TransferKind.WITHIN) {
            member.moveTo(transfer.toOrgId());
        } else {
            member.transferOut(on);
        }
        members.flush();
        // Being mobile ends with the transfer: the member now belongs where they are.
        em.createNativeQuery("""
                update mobile_registration set status = 'ENDED', ended_on = ?1, end_reason = 'transferred', version = version + 1
                where member_id = ?2 and status = 'ACTIVE'""").setParameter(1, on).setParameter(2, member.id()).executeUpdate();
        audit.write("TRANSFER_ACCEPTED", AUDIT_TARGET, transfer.id(), before, TransferView.of(transfer));
        audit.write("MEMBER_TRANSFERRED", "member", member.id(), memberBefore, memberService.snapshot(member));
        events.transferred(member, transfer.id(), transfer.fromOrgId(), transfer.toOrgId(), on);
        return TransferView.of(transfer);
    }

    @Transactional
    public TransferView reject(UUID id, String reason) {
        Transfer transfer = visible(id);
        requireAnsweringSide(transfer);
        if (transfer.status() == TransferStatus.REJECTED) {
            return TransferView.of(transfer);
        }
        TransferView before = TransferView.of(transfer);
        transfer.reject(clock.today(), caller.subject(), reason);
        transfers.flush();
        audit.write("TRANSFER_REJECTED", AUDIT_TARGET, transfer.id(), before, TransferView.of(transfer));
        letterEvents.changed(transfer);
        return TransferView.of(transfer);
    }

    @Transactional
    public TransferView cancel(UUID id, String reason) {
        Transfer transfer = visible(id);
        if (!covers(transfer.fromOrgId())) {
            throw DomainException.unprocessable("TRANSFER_CANCEL_BY_ISSUING_BRANCH", transfer.letterNumber());
        }
        if (transfer.status() == TransferStatus.CANCELLED) {
            return TransferView.of(transfer);
        }
        TransferView before = TransferView.of(transfer);
        transfer.cancel(clock.today(), caller.subject(), reason);
        transfers.flush();
        audit.write("TRANSFER_CANCELLED", AUDIT_TARGET, transfer.id(), before, TransferView.of(transfer));
        letterEvents.changed(transfer);
        return TransferView.of(transfer);
    }

    /**
     * Letters of one branch ({@code branchId}), of a subtree ({@code orgId}) or of the caller's whole scope (neither),
     * by direction and status, newest issued first by default.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public ListPage<TransferView> list(UUID branchId, UUID orgId, TransferRepository.Direction direction,
            TransferStatus status, ListQuery query) {
        SortOrder order = query.sort("-issuedOn", "issuedOn");
        var cursor = query.after();
        if (branchId != null && orgId != null) {
            throw DomainException.badRequest("TRANSFER_LIST_BRANCH_OR_ORG");
        }
        Function<String, Condition> place;
        if (branchId != null) {
            if (!covers(branchId)) {
                throw DomainException.notFound("ORGANIZATION_NOT_FOUND", branchId);
            }
            place = column -> new Condition(column + " = :branch", Map.of("branch", branchId));
        } else {
            Scope within = orgId == null ? scope.get() : Scope.within(orgId, organizations.requireInScope(orgId).path());
            place = column -> within.orgCondition(column, "org_unit");
        }
        Map<String, Object> parameters = new HashMap<>();
        String where = switch (direction) {
            case INCOMING -> add(place.apply("t.to_org_id"), parameters);
            case OUTGOING -> add(place.apply("t.from_org_id"), parameters);
            case OVERDUE -> {
                parameters.put("today", clock.today());
                yield "(" + add(place.apply("t.to_org_id"), parameters) + " or " + add(place.apply("t.from_org_id"), parameters)
                        + ") and (t.status = 'EXPIRED' or (t.status = 'ISSUED' and t.valid_until < :today))";
            }
        };
        if (status != null) {
            where += " and t.status = :status";
            parameters.put("status", status.name());
        }
        if (cursor.isPresent()) {
            where += " and " + order.after("t.issued_on", "t.id");
            parameters.put("cursor0", cursor.get().date(0));
            parameters.put("cursor1", cursor.get().uuid(1));
        }
        var select = em.createNativeQuery("select t.* from transfer t where " + where + " order by "
                + order.orderBy("t.issued_on", "t.id"), Transfer.class).setMaxResults(query.limit());
        parameters.forEach(select::setParameter);
        List<Transfer> rows = select.getResultList();
        return ListPage.of(rows, query, t -> Cursor.at(t.issuedOn(), t.id())).map(TransferView::of);
    }

    private static String add(Condition condition, Map<String, Object> parameters) {
        parameters.putAll(condition.parameters());
        return condition.sql();
    }

    /** The letters about the token's own member (/me), newest first; the member's id comes from the token only. */
    @Transactional
    public ListPage<TransferView> ofOwnMember(UUID memberId, ListQuery query) {
        SortOrder order = query.sort("-issuedOn", "issuedOn");
        var cursor = query.after();
        String where = cursor.isPresent() ? " and " + order.after("t.issuedOn", "t.id") : "";
        var select = em.createQuery("from Transfer t where t.memberId = :m" + where + " order by "
                + order.orderBy("t.issuedOn", "t.id"), Transfer.class).setParameter("m", memberId).setMaxResults(query.limit());
        cursor.ifPresent(c -> select.setParameter("cursor0", c.date(0)).setParameter("cursor1", c.uuid(1)));
        return ListPage.of(select.getResultList(), query, t -> Cursor.at(t.issuedOn(), t.id())).map(TransferView::of);
    }

    /** A transfer is visible to both branches (either side's subtree); to anyone else it does not exist. */
    private Transfer visible(UUID id) {
        return transfers.byId(id).filter(t -> covers(t.fromOrgId()) || covers(t.toOrgId()))
                .orElseThrow(() -> DomainException.notFound("TRANSFER_NOT_FOUND", id));
    }

    private void requireAnsweringSide(Transfer transfer) {
        UUID answering = transfer.kind() == TransferKind.WITHIN ? transfer.toOrgId() : transfer.fromOrgId();
        if (!covers(answering)) {
            throw DomainException.unprocessable("TRANSFER_ANSWER_BY_RECEIVING_BRANCH", transfer.letterNumber());
        }
    }

    private boolean covers(UUID orgId) {
        return orgId != null && scope.covers(orgId);
    }

    private String letterNumber(String given, LocalDate issuedOn) {
        if (given == null) {
            return transfers.nextLetterNumber(issuedOn.getYear());
        }
        if (transfers.letterNumberTaken(given)) {
            throw DomainException.conflict("TRANSFER_LETTER_NUMBER_TAKEN", given);
        }
        return given;
    }
}
