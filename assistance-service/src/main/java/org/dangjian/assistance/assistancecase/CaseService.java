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
import org.dangjian.assistance.common.Page;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.audit.AuditTrail;
import org.dangjian.platform.api.pii.PersonalDataProtection;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.api.scope.Scope;
import org.dangjian.platform.orgtree.Organizations;

import java.util.List;
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

    /** Cases of the caller's subtree; a member's list holds only the cases where they are the beneficiary. */
    @Transactional
    public Page<CaseView> list(CaseStatus status, Boolean reassignmentNeeded, UUID beneficiaryId, int page, int size) {
        CaseRepository.Filter filter;
        if (beneficiaries.actsOnlyForThemselves()) {
            UUID own = caller.memberId().orElse(null);
            if (own == null) {
                return new Page<>(List.of(), page, size, 0);
            }
            filter = new CaseRepository.Filter(Scope.unrestricted(), status, reassignmentNeeded, beneficiaryId, own);
        } else {
            filter = new CaseRepository.Filter(scope.get(), status, reassignmentNeeded, beneficiaryId, null);
        }
        return cases.find(filter, page, size).map(this::masked);
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
    public Page<VisitView> visits(UUID id, int page, int size) {
        AssistanceCase c = requireReadable(id);
        return new Page<>(records.visits(c.id(), page, size).stream().map(CaseService::maskedVisit).toList(), page, size,
                records.visitCount(c.id()));
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
