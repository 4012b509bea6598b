package org.dangjian.member.pipeline;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.dangjian.member.member.MemberStage;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request and response bodies of the development pipeline API. */
public final class PipelineDtos {

    private PipelineDtos() {
    }

    @Schema(name = "ChangeStage", description = "One step of development, or the end of membership. Which fields a step "
            + "needs: ACTIVIST: decisionRef, contactMemberIds; CANDIDATE: decisionRef; PROBATIONARY: decisionRef (the "
            + "branch general meeting), effectiveOn = date of its vote, trainingHours, politicalReviewPassed, approvedOn, "
            + "approver; FULL: decisionRef; DECEASED/WITHDRAWN/REMOVED/EXPELLED: reason.")
    public record ChangeStage(
            @NotNull MemberStage toStage,
            @NotNull @PastOrPresent LocalDate effectiveOn,
            @Schema(description = "meeting id or approval document number", example = "支委会〔2026〕12号") @Size(max = 100)
            String decisionRef,
            @Schema(description = "who approved (上级党委)", example = "中共西城镇委员会") @Size(max = 100) String approver,
            @Schema(description = "date of the higher committee's approval") @PastOrPresent LocalDate approvedOn,
            @Min(0) @Max(10_000) Integer trainingHours,
            Boolean politicalReviewPassed,
            @Schema(description = "培养联系人: full members of the same branch; 422 MEMBER_CONTACT_NOT_FULL_MEMBER_OF_BRANCH "
                    + "for any other id, unknown or outside your scope alike") @Size(max = 10) List<UUID> contactMemberIds,
            @Size(max = 500) String reason) {
    }

    @Schema(name = "ExtendProbation", description = "延长预备期 by the branch general meeting")
    public record ExtendProbation(
            @NotNull @Min(1) @Max(24) Integer months,
            @NotNull @PastOrPresent LocalDate effectiveOn,
            @NotNull @Size(min = 1, max = 100) String decisionRef,
            @Size(max = 500) String reason) {
    }

    @Schema(name = "AssignContacts", description = "培养联系人 of an activist: full members of the same branch (422 "
            + "MEMBER_CONTACT_NOT_FULL_MEMBER_OF_BRANCH for any other id, unknown or outside your scope alike)")
    public record AssignContacts(@NotEmpty @Size(max = 10) List<UUID> contactMemberIds) {
    }

    @Schema(name = "StageChange")
    public record StageChangeView(UUID id, UUID memberId, MemberStage fromStage, MemberStage toStage, LocalDate effectiveOn,
            String decisionRef, String approver, String reason, Map<String, Object> details, String recordedBy,
            Instant recordedAt) {

        static StageChangeView of(StageChange c) {
            return new StageChangeView(c.id(), c.memberId(), c.fromStage(), c.toStage(), c.effectiveOn(), c.decisionRef(),
                    c.approver(), c.reason(), c.details(), c.recordedBy(), c.recordedAt());
        }
    }
}
