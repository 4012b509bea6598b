package org.dangjian.assistance.assistancecase;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.dangjian.assistance.assistancecase.CaseDtos.Approval;
import org.dangjian.assistance.assistancecase.CaseDtos.CaseDisbursement;
import org.dangjian.assistance.assistancecase.CaseDtos.CaseView;
import org.dangjian.assistance.assistancecase.CaseDtos.Closure;
import org.dangjian.assistance.assistancecase.CaseDtos.Decision;
import org.dangjian.assistance.assistancecase.CaseDtos.ObjectionView;
import org.dangjian.assistance.assistancecase.CaseDtos.PublicNotice;
import org.dangjian.assistance.assistancecase.CaseDtos.RaiseObjection;
import org.dangjian.assistance.assistancecase.CaseDtos.Reassignment;
import org.dangjian.assistance.assistancecase.CaseDtos.Rejection;
import org.dangjian.assistance.assistancecase.CaseDtos.ResolveObjection;
import org.dangjian.assistance.assistancecase.CaseDtos.Visit;
import org.dangjian.assistance.common.Money;
import org.dangjian.assistance.fund.Fund;
import org.dangjian.assistance.fund.FundService;
import org.dangjian.assistance.fund.LedgerEntry;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.audit.AuditTrail;
import org.dangjian.platform.api.pii.PersonalDataProtection;
import org.dangjian.platform.orgtree.OrgTree;
import org.dangjian.platform.orgtree.OrgUnit;
import org.dangjian.platform.orgtree.Organizations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The steps of a case (帮扶档案), one method each: check who may take it and the rule, take it on
 * the entity (which checks the transitions table), record history and audit, and write the event
 * in the same transaction.
 */
@ApplicationScoped
public class CaseWorkflow {

    @Inject
    CaseService cases;

    @Inject
    CaseRecords records;

    @Inject
    CaseRepository repository;

    @Inject
    CaseEvents events;

    @Inject
    CaseRules rules;

    @Inject
    FundService funds;

    @Inject
    Organizations organizations;

    @Inject
    OrgTree tree;

    @Inject
    PersonalDataProtection protection;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    BusinessClock clock;

    /** 入户核实: the verification visit. */
    @Transactional
    public CaseView verify(UUID id, Visit visit) {
        AssistanceCase c = cases.require(id);
        if (c.status() == CaseStatus.VERIFIED) {
            return cases.masked(c);
        }
        LocalDate on = dateOr(visit.visitedOn());
        CaseStatus before = c.status();
        records.add(c.take(CaseStep.VERIFY, on, caller.subject(), null));
        records.add(CaseVisit.of(c.id(), CaseVisit.Kind.VERIFICATION, on, caller.subject(), protection.encrypt(visit.findings())));
        return done(c, CaseStep.VERIFY, before);
    }

    /** 支部审议 */
    @Transactional
    public CaseView branchReview(UUID id, Decision decision) {
        AssistanceCase c = cases.require(id);
        if (c.status() == CaseStatus.BRANCH_REVIEWED) {
            return cases.masked(c);
        }
        CaseStatus before = c.status();
        records.add(c.take(CaseStep.BRANCH_REVIEW, dateOr(decision.on()), caller.subject(), decision.note()));
        return done(c, CaseStep.BRANCH_REVIEW, before);
    }

    /** 审批, at the level the approved amount requires (AssistanceRules.Approval). */
    @Transactional
    public CaseView approve(UUID id, Approval approval) {
        AssistanceCase c = cases.require(id);
        LocalDate on = dateOr(approval.on());
        BigDecimal amount = approval.approvedAmount() != null ? Money.of(approval.approvedAmount()) : c.requestedAmount();
        ApprovalLevel level = callerLevel();
        if (c.status() == CaseStatus.APPROVED && level == c.approvalLevel() && amount.compareTo(c.approvedAmount()) == 0) {
            // The same approval again (a client retrying after a timeout): the case as it stands, no second event.
            return cases.masked(c);
        }
        c.checkApproval(on, amount);
        ApprovalLevel required = rules.approval().required(amount);
        if (level == null || !level.covers(required)) {
            throw new DomainException(403, "CASE_APPROVAL_LEVEL_REQUIRED", amount.toPlainString(), required.role());
        }
        CaseStatus before = c.status();
        records.add(c.approve(on, amount, level, caller.subject(), approval.note()));
        CaseView view = done(c, CaseStep.APPROVE, before);
        events.approved(c);
        return view;
    }

    /** 不予帮扶 at branch review or approval. */
    @Transactional
    public CaseView reject(UUID id, Rejection rejection) {
        AssistanceCase c = cases.require(id);
        if (c.status() == CaseStatus.REJECTED) {
            return cases.masked(c);
        }
        CaseStatus before = c.status();
        records.add(c.reject(dateOr(rejection.on()), rejection.reason(), caller.subject()));
        return done(c, CaseStep.REJECT, before);
    }

    /** 公示: posted on startsOn, lasting the configured working days. */
    @Transactional
    public CaseView startPublicNotice(UUID id, PublicNotice notice) {
        AssistanceCase c = cases.require(id);
        LocalDate starts = dateOr(notice.startsOn());
        if (c.status() == CaseStatus.PUBLIC_NOTICE && starts.equals(c.noticeStartsOn())) {
            return cases.masked(c);
        }
        CaseStatus before = c.status();
        records.add(c.startPublicNotice(starts, rules.publicNoticeLastDay(starts), caller.subject()));
        return done(c, CaseStep.START_PUBLIC_NOTICE, before);
    }

    @Transactional
    public ObjectionView raiseObjection(UUID id, RaiseObjection request) {
        AssistanceCase c = cases.require(id);
        records.lock(c);
        if (c.status() != CaseStatus.PUBLIC_NOTICE) {
            throw DomainException.conflict("CASE_NOT_IN_PUBLIC_NOTICE", c.id(), c.status());
        }
        CaseObjection objection = CaseObjection.raise(c.id(), dateOr(request.raisedOn()), protection.encrypt(request.content()),
                caller.subject());
        records.add(objection);
        ObjectionView view = ObjectionView.of(objection);
        audit.write("CASE_OBJECTION_RAISED", CaseService.TARGET, c.id(), null, view);
        return view;
    }

    /** An upheld objection rejects the case; a dismissed one lets it go on to disbursement. */
    @Transactional
    public CaseView resolveObjection(UUID id, UUID objectionId, ResolveObjection request) {
        AssistanceCase c = cases.require(id);
        CaseObjection objection = records.objection(c.id(), objectionId)
                .orElseThrow(() -> DomainException.notFound("CASE_OBJECTION_NOT_FOUND", objectionId));
        if (objection.status() == request.result()) {
            // Resolved so already: the case as it stands; a different result stays 409 CASE_OBJECTION_ALREADY_RESOLVED.
            return cases.masked(c);
        }
        objection.resolve(request.result(), request.note(), caller.subject());
        audit.write("CASE_OBJECTION_RESOLVED", CaseService.TARGET, c.id(), null, ObjectionView.of(objection));
        if (request.result() == CaseObjection.Status.UPHELD) {
            CaseStatus before = c.status();
            records.add(c.reject(dateOr(request.on()), "objection upheld: " + request.note(), caller.subject()));
            return done(c, CaseStep.REJECT, before);
        }
        return cases.masked(c);
    }

    /**
     * 发放: after the notice's last day, with no open objection, from a fund of the case's
     * organization or one above it; charges that fund's budget of the year (never overdrawn).
     */
    @Transactional
    public CaseView disburse(UUID id, CaseDisbursement request) {
        AssistanceCase c = cases.require(id);
        records.lock(c);
        LocalDate on = dateOr(request.disbursedOn());
        BigDecimal amount = request.amount() != null ? Money.of(request.amount()) : c.approvedAmount();
        if (c.status() == CaseStatus.DISBURSED && request.fundId().equals(c.fundId())
                && (request.amount() == null || amount.compareTo(c.disbursedAmount()) == 0)) {
            // Paid already from that fund (the row is locked, so a concurrent retry waits and lands here): never twice.
            return cases.masked(c);
        }
        c.checkDisbursement(on, amount == null ? BigDecimal.ZERO : amount);
        if (records.openObjections(c.id()) > 0) {
            throw DomainException.conflict("CASE_OBJECTION_OPEN", c.id());
        }
        Fund fund = funds.requireFund(request.fundId());
        if (!tree.isWithin(c.orgId(), fund.orgId())) {
            throw DomainException.unprocessable("CASE_FUND_NOT_AVAILABLE", fund.id(), c.orgId());
        }
        LedgerEntry entry = funds.charge(fund.id(), amount, on, "case " + c.id(), c.id());
        CaseStatus before = c.status();
        records.add(c.disburse(on, amount, fund.id(), entry.id(), caller.subject()));
        CaseView view = done(c, CaseStep.DISBURSE, before);
        events.disbursed(c);
        return view;
    }

    /** 回访: each follow-up visit after the money was paid. */
    @Transactional
    public CaseView followUp(UUID id, Visit visit) {
        AssistanceCase c = cases.require(id);
        LocalDate on = dateOr(visit.visitedOn());
        CaseStatus before = c.status();
        records.add(c.take(CaseStep.FOLLOW_UP_VISIT, on, caller.subject(), null));
        records.add(CaseVisit.of(c.id(), CaseVisit.Kind.FOLLOW_UP, on, caller.subject(), protection.encrypt(visit.findings())));
        return done(c, CaseStep.FOLLOW_UP_VISIT, before);
    }

    /** 结案, after at least one follow-up visit. */
    @Transactional
    public CaseView close(UUID id, Closure closure) {
        AssistanceCase c = cases.require(id);
        if (c.status() == CaseStatus.CLOSED && c.outcome() == closure.outcome()) {
            return cases.masked(c);
        }
        CaseStatus before = c.status();
        records.add(c.close(dateOr(closure.on()), closure.outcome(), caller.subject(), closure.note()));
        CaseView view = done(c, CaseStep.CLOSE, before);
        events.closed(c);
        return view;
    }

    /** Gives an open case to another active organization in the caller's scope; clears the reassignment flag. */
    @Transactional
    public CaseView reassign(UUID id, Reassignment reassignment) {
        AssistanceCase c = cases.require(id);
        if (c.orgId().equals(reassignment.orgId()) && !c.reassignmentNeeded()) {
            return cases.masked(c);
        }
        if (!c.status().isOpen()) {
            throw DomainException.conflict("CASE_NOT_OPEN", c.id(), c.status());
        }
        OrgUnit target = organizations.requireInScope(reassignment.orgId());
        if (!"ACTIVE".equals(target.status())) {
            throw DomainException.unprocessable("CASE_REASSIGNMENT_TARGET_NOT_ACTIVE", target.name());
        }
        UUID before = c.orgId();
        records.add(c.moveTo(target.id(), CaseOrgChange.REASSIGNED, null));
        repository.flush();
        CaseView view = cases.masked(c);
        audit.write("CASE_REASSIGNED", CaseService.TARGET, c.id(), Map.of("orgId", before), view);
        return view;
    }

    /** Flushes (so the version in events and views is the new one) and audits the step. */
    private CaseView done(AssistanceCase c, CaseStep step, CaseStatus before) {
        repository.flush();
        CaseView view = cases.masked(c);
        Map<String, Object> from = new LinkedHashMap<>();
        from.put("status", before);
        audit.write("CASE_" + step.name(), CaseService.TARGET, c.id(), from, view);
        return view;
    }

    private LocalDate dateOr(LocalDate on) {
        return on != null ? on : clock.today();
    }

    private ApprovalLevel callerLevel() {
        if (caller.hasRole(Caller.PLATFORM_ADMIN)) {
            return ApprovalLevel.PLATFORM_ADMIN;
        }
        if (caller.hasRole(Caller.ORG_ADMIN)) {
            return ApprovalLevel.ORG_ADMIN;
        }
        if (caller.hasRole(Caller.BRANCH_SECRETARY)) {
            return ApprovalLevel.BRANCH_SECRETARY;
        }
        return null;
    }
}
