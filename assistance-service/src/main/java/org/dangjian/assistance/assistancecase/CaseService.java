package org.dangjian.assistance.assistancecase;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.dangjian.assistance.assistancecase.CaseDtos.ApplyForAssistance;
import org.dangjian.assistance.assistancecase.CaseDtos.CaseHistory;
import org.dangjian.assistance.assistancecase.CaseDtos.CaseView;
import org.dangjian.assistance.assistancecase.CaseDtos.ObjectionView;
import org.dangjian.assistance.assistancecase.CaseDtos.OrgChangeView;
import org.dangjian.assistance.assistancecase.CaseDtos.StepView;
import org.dangjian.assistance.assistancecase.CaseDtos.VisitView;
import org.dangjian.assistance.beneficiary.Beneficiary;
import org.dangjian.assistance.beneficiary.BeneficiaryKind;
import org.dangjian.assistance.beneficiary.BeneficiaryService;
import org.dangjian.assistance.common.Money;
import org.dangjian.assistance.common.Subtrees;
import org.dangjian.platform.api.list.Cursor;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.dangjian.platform.api.list.SortOrder;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.audit.AuditTrail;
import org.dangjian.platform.api.pii.PersonalDataProtection;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.api.scope.Scope;
import org.dangjian.platform.orgtree.Organizations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Opening and reading cases; the steps of the workflow are in {@link CaseWorkflow}. */
@ApplicationScoped
public class CaseService {

    static final String TARGET = "case";
    static final String VISIT_TARGET = "case-visit";
    private static final String MASK = "******";

    @Inject
    CaseRepository cases;

    @Inject
    CaseRecords records;

    @Inject
    BeneficiaryService beneficiaries;

    @Inject
    CaseEvents events;

    @Inject
    Organizations organizations;

    @Inject
    CallerScope scope;

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

    @Inject
    CaseRules rules;

    @Transactional
    public CaseView apply(ApplyForAssistance request) {
        Beneficiary beneficiary = beneficiaries.require(request.beneficiaryId());
        boolean self = applyingForThemselves(beneficiary);
        AssistanceCase c = AssistanceCase.apply(beneficiary.id(), beneficiary.orgId(), request.category(),
                Money.of(request.requestedAmount()), protection.encrypt(request.description()),
                request.appliedOn() != null ? request.appliedOn() : clock.today(), caller.subject(), !self);
        cases.persistAndFlush(c);
        events.opened(c, beneficiary.kind());
        CaseView view = masked(c);
        audit.write("CASE_OPENED", TARGET, c.id(), null, view);
        return view;
    }

    /** A member may apply only for themselves; staff apply on behalf of anyone in their subtree. */
    private boolean applyingForThemselves(Beneficiary beneficiary) {
        if (isStaff()) {
            return false;
        }
        boolean own = beneficiary.kind() == BeneficiaryKind.MEMBER
                && caller.memberId().map(m -> m.equals(beneficiary.memberId())).orElse(false);
        if (!own) {
            throw DomainException.notFound("BENEFICIARY_NOT_FOUND", beneficiary.id());
        }
        return true;
    }

    /** One case; the description unmasked (and audited) for the roles that work on cases, masked for the rest. */
    @Transactional
    public CaseView get(UUID id, String purpose) {
        AssistanceCase c = requireReadable(id);
        if (!beneficiaries.mayUnmask()) {
            return masked(c);
        }
        audit.unmaskedRead(TARGET, c.id(), c.orgId(), "description", reason(purpose));
        return CaseView.of(c, protection.decrypt(c.descriptionEncrypted()), false);
    }

    /** What a list of cases is narrowed to; null fields do not narrow it. */
    public record CaseQuery(UUID orgId, CaseStatus status, LocalDate from, LocalDate to, Boolean reassignmentNeeded,
            UUID beneficiaryId, ApprovalLevel requiredLevel) {

        public static CaseQuery reassignmentsDue() {
            return new CaseQuery(null, null, null, null, Boolean.TRUE, null, null);
        }
    }

    /**
     * Cases of the caller's subtree (or of orgId's), description masked; a member's list holds only the cases where
     * they are the beneficiary.
     */
    @Transactional
    public ListPage<CaseView> list(CaseQuery filter, ListQuery query) {
        SortOrder order = query.sort(CaseRepository.BY_APPLIED_ON, "-" + CaseRepository.BY_APPLIED_ON);
        Optional<Cursor> after = query.after();
        Scope within = subtrees.of(filter.orgId());
        UUID member = null;
        if (beneficiaries.actsOnlyForThemselves()) {
            member = caller.memberId().orElse(null);
            if (member == null) {
                return ListPage.complete(List.of());
            }
            // Their own cases wherever they are now: a case follows its member when they transfer, the token may lag.
            within = filter.orgId() == null ? Scope.unrestricted() : within;
        }
        return page(filter, within, member, order, after, query).map(this::masked);
    }

    /** The token's own member's cases (as beneficiary), their own description shown to them. */
    @Transactional
    public ListPage<CaseView> mine(ListQuery query) {
        UUID member = caller.requireMemberId();
        SortOrder order = query.sort(CaseRepository.BY_APPLIED_ON, "-" + CaseRepository.BY_APPLIED_ON);
        Optional<Cursor> after = query.after();
        CaseQuery all = new CaseQuery(null, null, null, null, null, null, null);
        // Their own words about their own hardship: not masked from themselves, and not an unmasked read of another's data.
        return page(all, Scope.unrestricted(), member, order, after, query)
                .map(c -> CaseView.of(c, c.descriptionEncrypted() == null ? null : protection.decrypt(c.descriptionEncrypted()), false));
    }

    private ListPage<AssistanceCase> page(CaseQuery filter, Scope within, UUID member, SortOrder order, Optional<Cursor> after,
            ListQuery query) {
        BigDecimal above = null;
        BigDecimal upTo = null;
        if (filter.requiredLevel() != null) {
            ApprovalPolicy.Band band = rules.approval().band(filter.requiredLevel());
            above = band.above();
            upTo = band.upTo();
        }
        var found = cases.page(new CaseRepository.Filter(within, filter.status(), filter.reassignmentNeeded(),
                filter.beneficiaryId(), member, filter.from(), filter.to(), above, upTo), order, after, query.limit());
        return ListPage.of(found, query, CaseRepository::position);
    }

    @Transactional
    public CaseHistory history(UUID id) {
        AssistanceCase c = requireReadable(id);
        return new CaseHistory(records.transitions(c.id()).stream().map(StepView::of).toList(),
                records.orgChanges(c.id()).stream().map(OrgChangeView::of).toList(),
                records.objections(c.id()).stream().map(ObjectionView::of).toList());
    }

    /** The case's visits in the order they happened, findings masked for everyone: open one to read them. */
    @Transactional
    public ListPage<VisitView> visits(UUID id, ListQuery query) {
        query.sort("visitedOn");
        Optional<Cursor> after = query.after();
        AssistanceCase c = requireReadable(id);
        return ListPage.of(records.visits(c.id(), after.orElse(null), query.limit()), query,
                v -> Cursor.at(v.visitedOn(), v.id())).map(CaseService::maskedVisit);
    }

    /** One visit; its findings unmasked (and audited, with the purpose as reason) for the roles that work on cases. */
    @Transactional
    public VisitView visit(UUID id, UUID visitId, String purpose) {
        AssistanceCase c = requireReadable(id);
        CaseVisit v = records.visit(c.id(), visitId).orElseThrow(() -> DomainException.notFound("CASE_VISIT_NOT_FOUND", visitId));
        if (!beneficiaries.mayUnmask()) {
            return maskedVisit(v);
        }
        audit.unmaskedRead(VISIT_TARGET, v.id(), c.orgId(), "findings", reason(purpose));
        return VisitView.of(v, protection.decrypt(v.findingsEncrypted()), false);
    }

    /**
     * The case for reading: within the caller's subtree, or for a member only a case where they are
     * the beneficiary (wherever it is now: it follows them when they transfer); 404 otherwise.
     */
    AssistanceCase requireReadable(UUID id) {
        if (!beneficiaries.actsOnlyForThemselves()) {
            return require(id);
        }
        return cases.findByIdOptional(id).filter(c -> beneficiaries.isCallersOwn(c.beneficiaryId()))
                .orElseThrow(() -> DomainException.notFound("CASE_NOT_FOUND", id));
    }

    private static String reason(String purpose) {
        return purpose == null || purpose.isBlank() ? "case work" : purpose.strip();
    }

    private static VisitView maskedVisit(CaseVisit v) {
        return VisitView.of(v, MASK, true);
    }

    /** The case, or 404 when missing or outside the caller's subtree. */
    public AssistanceCase require(UUID id) {
        AssistanceCase c = cases.findByIdOptional(id).orElseThrow(() -> DomainException.notFound("CASE_NOT_FOUND", id));
        scope.require(c.orgId(), "CASE_NOT_FOUND", id);
        return c;
    }

    CaseView masked(AssistanceCase c) {
        return CaseView.of(c, c.descriptionEncrypted() == null ? null : MASK, true);
    }

    boolean isStaff() {
        return scope.standing().isStaff();
    }
}
