package org.dangjian.assistance.assistancecase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dangjian.assistance.beneficiary.HardshipCategory;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.Ids;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An assistance case (帮扶档案): one application for help and everything done about it. Each step
 * goes through {@link #take}, which checks the transitions table ({@link CaseStep}) and that steps
 * are dated in order, and returns the history row to store.
 */
@Entity
@Table(name = "assistance_case")
public class AssistanceCase {

    @Id
    private UUID id;

    @Column(name = "beneficiary_id", nullable = false)
    private UUID beneficiaryId;

    @Column(name = "org_id", nullable = false)
    private UUID orgId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private HardshipCategory category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseStatus status;

    @Column(name = "requested_amount", nullable = false, precision = 14, scale = 2)
    private BigDecimal requestedAmount;

    @Column(name = "description_enc")
    private String descriptionEncrypted;

    @Column(name = "applied_on", nullable = false)
    private LocalDate appliedOn;

    @Column(name = "applied_by", nullable = false)
    private String appliedBy;

    @Column(name = "on_behalf", nullable = false)
    private boolean onBehalf;

    @Column(name = "last_step_on", nullable = false)
    private LocalDate lastStepOn;

    @Column(name = "approved_amount", precision = 14, scale = 2)
    private BigDecimal approvedAmount;

    @Enumerated(EnumType.STRING)
    @Column(name = "approval_level")
    private ApprovalLevel approvalLevel;

    @Column(name = "approved_by")
    private String approvedBy;

    @Column(name = "approved_on")
    private LocalDate approvedOn;

    @Column(name = "notice_starts_on")
    private LocalDate noticeStartsOn;

    @Column(name = "notice_ends_on")
    private LocalDate noticeEndsOn;

    @Column(name = "fund_id")
    private UUID fundId;

    @Column(name = "ledger_entry_id")
    private UUID ledgerEntryId;

    @Column(name = "disbursed_amount", precision = 14, scale = 2)
    private BigDecimal disbursedAmount;

    @Column(name = "disbursed_on")
    private LocalDate disbursedOn;

    @Column(name = "disbursed_by")
    private String disbursedBy;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    @Enumerated(EnumType.STRING)
    private CaseOutcome outcome;

    @Column(name = "rejection_reason")
    private String rejectionReason;

    @Column(name = "reassignment_needed", nullable = false)
    private boolean reassignmentNeeded;

    @Version
    private long version;

    protected AssistanceCase() {
    }

    static AssistanceCase apply(UUID beneficiaryId, UUID orgId, HardshipCategory category, BigDecimal requestedAmount,
            String descriptionEncrypted, LocalDate appliedOn, String appliedBy, boolean onBehalf) {
        AssistanceCase c = new AssistanceCase();
        c.id = Ids.next();
        c.beneficiaryId = beneficiaryId;
        c.orgId = orgId;
        c.category = category;
        c.status = CaseStatus.APPLIED;
        c.requestedAmount = requestedAmount;
        c.descriptionEncrypted = descriptionEncrypted;
        c.appliedOn = appliedOn;
        c.appliedBy = appliedBy;
        c.onBehalf = onBehalf;
        c.lastStepOn = appliedOn;
        return c;
    }

    /** Refuses the step when the case is not in a state it may be taken from, or dated before the last step. */
    void check(CaseStep step, LocalDate on) {
        if (!step.allowedFrom(status)) {
            throw DomainException.conflict(step.outOfOrderCode(), id, status);
        }
        if (on.isBefore(lastStepOn)) {
            throw DomainException.unprocessable("CASE_STEP_BEFORE_PREVIOUS", on, lastStepOn);
        }
    }

    CaseTransition take(CaseStep step, LocalDate on, String actor, String note) {
        check(step, on);
        CaseStatus from = status;
        status = step.target();
        lastStepOn = on;
        return CaseTransition.of(id, step, from, status, on, actor, note);
    }

    /** The approval is in order and never grants more than was requested. */
    void checkApproval(LocalDate on, BigDecimal amount) {
        check(CaseStep.APPROVE, on);
        if (amount.compareTo(requestedAmount) > 0) {
            throw DomainException.unprocessable("CASE_APPROVED_ABOVE_REQUESTED", amount.toPlainString(),
                    requestedAmount.toPlainString());
        }
    }

    CaseTransition approve(LocalDate on, BigDecimal amount, ApprovalLevel level, String actor, String note) {
        checkApproval(on, amount);
        approvedAmount = amount;
        approvalLevel = level;
        approvedBy = actor;
        approvedOn = on;
        return take(CaseStep.APPROVE, on, actor, note);
    }

    CaseTransition reject(LocalDate on, String reason, String actor) {
        CaseTransition transition = take(CaseStep.REJECT, on, actor, reason);
        rejectionReason = reason;
        return transition;
    }

    CaseTransition startPublicNotice(LocalDate startsOn, LocalDate endsOn, String actor) {
        CaseTransition transition = take(CaseStep.START_PUBLIC_NOTICE, startsOn, actor, "until " + endsOn);
        noticeStartsOn = startsOn;
        noticeEndsOn = endsOn;
        return transition;
    }

    /** The money may be paid only after the notice's last day, the amount at most what was approved. */
    void checkDisbursement(LocalDate on, BigDecimal amount) {
        check(CaseStep.DISBURSE, on);
        if (!on.isAfter(noticeEndsOn)) {
            throw DomainException.conflict("CASE_PUBLIC_NOTICE_RUNNING", noticeEndsOn);
        }
        if (amount.compareTo(approvedAmount) > 0) {
            throw DomainException.unprocessable("CASE_DISBURSEMENT_ABOVE_APPROVED", amount.toPlainString(),
                    approvedAmount.toPlainString());
        }
    }

    CaseTransition disburse(LocalDate on, BigDecimal amount, UUID fund, UUID ledgerEntry, String actor) {
        checkDisbursement(on, amount);
        fundId = fund;
        ledgerEntryId = ledgerEntry;
        disbursedAmount = amount;
        disbursedOn = on;
        disbursedBy = actor;
        return take(CaseStep.DISBURSE, on, actor, null);
    }

    CaseTransition close(LocalDate on, CaseOutcome result, String actor, String note) {
        CaseTransition transition = take(CaseStep.CLOSE, on, actor, note);
        closedOn = on;
        outcome = result;
        return transition;
    }

    /** The member this case is about moved to another branch: an open case goes with them. */
    public CaseOrgChange moveTo(UUID newOrgId, String reason, UUID eventId) {
        CaseOrgChange change = CaseOrgChange.of(id, orgId, newOrgId, reason, eventId);
        orgId = newOrgId;
        reassignmentNeeded = false;
        return change;
    }

    /** The case's organization was dissolved: the case waits for another branch to take it. */
    public CaseOrgChange flagForReassignment(String reason, UUID eventId) {
        reassignmentNeeded = true;
        return CaseOrgChange.of(id, orgId, null, reason, eventId);
    }

    public UUID id() {
        return id;
    }

    public UUID beneficiaryId() {
        return beneficiaryId;
    }

    public UUID orgId() {
        return orgId;
    }

    public HardshipCategory category() {
        return category;
    }

    public CaseStatus status() {
        return status;
    }

    public BigDecimal requestedAmount() {
        return requestedAmount;
    }

    public String descriptionEncrypted() {
        return descriptionEncrypted;
    }

    public LocalDate appliedOn() {
        return appliedOn;
    }

    public boolean onBehalf() {
        return onBehalf;
    }

    public BigDecimal approvedAmount() {
        return approvedAmount;
    }

    public ApprovalLevel approvalLevel() {
        return approvalLevel;
    }

    public LocalDate approvedOn() {
        return approvedOn;
    }

    public LocalDate noticeStartsOn() {
        return noticeStartsOn;
    }

    public LocalDate noticeEndsOn() {
        return noticeEndsOn;
    }

    public UUID fundId() {
        return fundId;
    }

    public UUID ledgerEntryId() {
        return ledgerEntryId;
    }

    public BigDecimal disbursedAmount() {
        return disbursedAmount;
    }

    public LocalDate disbursedOn() {
        return disbursedOn;
    }

    public String disbursedBy() {
        return disbursedBy;
    }

    public LocalDate closedOn() {
        return closedOn;
    }

    public CaseOutcome outcome() {
        return outcome;
    }

    public String rejectionReason() {
        return rejectionReason;
    }

    public boolean reassignmentNeeded() {
        return reassignmentNeeded;
    }

    public long version() {
        return version;
    }
}
