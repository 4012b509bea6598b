package org.dangjian.assistance.assistancecase;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.dangjian.assistance.beneficiary.HardshipCategory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Request and response bodies of the cases API. Every step carries the civil date it happened on
 * (today when omitted), so paper records can be entered afterwards; steps must be dated in order.
 */
public final class CaseDtos {

    private CaseDtos() {
    }

    @Schema(name = "ApplyForAssistance", description = "帮扶申请, by the person (a member for themselves) or on their behalf")
    public record ApplyForAssistance(
            @NotNull UUID beneficiaryId,
            @Schema(example = "ILLNESS") @NotNull HardshipCategory category,
            @Schema(example = "1500.00") @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal requestedAmount,
            @Schema(description = "the hardship in the applicant's words (sensitive: encrypted, masked by role)")
            @Size(max = 2000) String description,
            @PastOrPresent LocalDate appliedOn) {
    }

    @Schema(name = "Visit", description = "A home visit: verification (入户核实) or follow-up (回访)")
    public record Visit(@PastOrPresent LocalDate visitedOn,
            @Schema(description = "what was found (sensitive: encrypted)") @NotBlank @Size(max = 2000) String findings) {
    }

    @Schema(name = "Decision", description = "A dated decision with an optional note, e.g. the branch review (支部审议)")
    public record Decision(@PastOrPresent LocalDate on, @Size(max = 500) String note) {
    }

    @Schema(name = "Approval", description = "审批: approvedAmount defaults to the requested amount and may not exceed it")
    public record Approval(@PastOrPresent LocalDate on,
            @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal approvedAmount,
            @Size(max = 500) String note) {
    }

    @Schema(name = "Rejection", description = "不予帮扶, at branch review or approval")
    public record Rejection(@PastOrPresent LocalDate on, @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "PublicNotice", description = "公示, posted on startsOn; it runs the configured number of working days")
    public record PublicNotice(@PastOrPresent LocalDate startsOn) {
    }

    @Schema(name = "RaiseObjection")
    public record RaiseObjection(@PastOrPresent LocalDate raisedOn,
            @Schema(description = "the objection (sensitive: encrypted)") @NotBlank @Size(max = 2000) String content) {
    }

    @Schema(name = "ResolveObjection", description = "UPHELD rejects the case; DISMISSED lets it go on")
    public record ResolveObjection(@PastOrPresent LocalDate on, @NotNull CaseObjection.Status result,
            @NotBlank @Size(max = 500) String note) {
    }

    @Schema(name = "CaseDisbursement", description = "发放: paid from a fund of the case's organization or one above it")
    public record CaseDisbursement(@NotNull UUID fundId,
            @Schema(description = "defaults to the approved amount") @DecimalMin("0.01") @Digits(integer = 12, fraction = 2)
            BigDecimal amount,
            @PastOrPresent LocalDate disbursedOn) {
    }

    @Schema(name = "Reassignment", description = "Give an open case to another organization, e.g. after its branch was dissolved")
    public record Reassignment(@NotNull UUID orgId, @Size(max = 500) String note) {
    }

    @Schema(name = "Closure", description = "结案")
    public record Closure(@PastOrPresent LocalDate on, @NotNull CaseOutcome outcome, @Size(max = 500) String note) {
    }

    @Schema(name = "Case", description = "description is masked unless your role allows it; each unmasked read is audited")
    public record CaseView(UUID id, UUID beneficiaryId, UUID orgId, HardshipCategory category, CaseStatus status,
            BigDecimal requestedAmount, String description, boolean masked, LocalDate appliedOn, boolean onBehalf,
            BigDecimal approvedAmount, ApprovalLevel approvalLevel, LocalDate approvedOn, LocalDate noticeStartsOn,
            LocalDate noticeEndsOn, UUID fundId, UUID ledgerEntryId, BigDecimal disbursedAmount, LocalDate disbursedOn,
            String disbursedBy, LocalDate closedOn, CaseOutcome outcome, String rejectionReason, boolean reassignmentNeeded,
            long version) {

        static CaseView of(AssistanceCase c, String description, boolean masked) {
            return new CaseView(c.id(), c.beneficiaryId(), c.orgId(), c.category(), c.status(), c.requestedAmount(),
                    description, masked, c.appliedOn(), c.onBehalf(), c.approvedAmount(), c.approvalLevel(), c.approvedOn(),
                    c.noticeStartsOn(), c.noticeEndsOn(), c.fundId(), c.ledgerEntryId(), c.disbursedAmount(), c.disbursedOn(),
                    c.disbursedBy(), c.closedOn(), c.outcome(), c.rejectionReason(), c.reassignmentNeeded(), c.version());
        }
    }

    @Schema(name = "CaseVisit", description = "A verification (入户核实) or follow-up (回访) visit; findings masked unless "
            + "your role allows it, and each unmasked read is audited")
    public record VisitView(UUID id, UUID caseId, CaseVisit.Kind kind, LocalDate visitedOn, String visitor, String findings,
            boolean masked, Instant recordedAt) {

        static VisitView of(CaseVisit v, String findings, boolean masked) {
            return new VisitView(v.id(), v.caseId(), v.kind(), v.visitedOn(), v.visitor(), findings, masked, v.recordedAt());
        }
    }

    @Schema(name = "Objection")
    public record ObjectionView(UUID id, UUID caseId, LocalDate raisedOn, CaseObjection.Status status, String resolution,
            Instant resolvedAt) {

        static ObjectionView of(CaseObjection o) {
            return new ObjectionView(o.id(), o.caseId(), o.raisedOn(), o.status(), o.resolution(), o.resolvedAt());
        }
    }

    @Schema(name = "CaseHistory", description = "Every step and every change of organization, oldest first")
    public record CaseHistory(List<StepView> steps, List<OrgChangeView> organizationChanges, List<ObjectionView> objections) {
    }

    public record StepView(CaseStep step, CaseStatus from, CaseStatus to, LocalDate on, String actor, Instant recordedAt,
            String note) {

        static StepView of(CaseTransition t) {
            return new StepView(t.step(), t.fromStatus(), t.toStatus(), t.occurredOn(), t.actor(), t.recordedAt(), t.note());
        }
    }

    @Schema(name = "CaseOrgChange", description = "reason: MEMBER_TRANSFERRED (moved with its member), MEMBER_LEFT_PLATFORM "
            + "(member transferred outside the platform: toOrgId null, flagged), ORGANIZATION_DISSOLVED (toOrgId null, "
            + "flagged), ORGANIZATION_MERGED (moved to the surviving organization), REASSIGNED (given to another by hand)")
    public record OrgChangeView(UUID fromOrgId, UUID toOrgId, String reason, Instant changedAt) {

        static OrgChangeView of(CaseOrgChange c) {
            return new OrgChangeView(c.fromOrgId(), c.toOrgId(), c.reason(), c.changedAt());
        }
    }
}
