package org.dangjian.member.pipeline;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.dangjian.member.pipeline.DevelopmentRecord.Kind;
import org.dangjian.member.pipeline.DevelopmentRecord.Outcome;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Bodies of the talk (谈话) and review (考察) API. */
public final class FollowUpDtos {

    private FollowUpDtos() {
    }

    @Schema(name = "RecordTalk", description = "谈话: the branch talked with the applicant")
    public record RecordTalk(
            @NotNull @PastOrPresent LocalDate heldOn,
            @Schema(example = "支部书记 王明") @NotBlank @Size(max = 100) String talkedBy,
            @Size(max = 2000) String summary) {
    }

    @Schema(name = "RecordReview", description = "考察: the branch reviewed the activist's cultivation")
    public record RecordReview(
            @NotNull @PastOrPresent LocalDate reviewedOn,
            @Schema(example = "支委会") @NotBlank @Size(max = 100) String reviewedBy,
            @Schema(description = "meeting id", example = "支委会〔2026〕7号") @Size(max = 100) String decisionRef,
            @NotNull Outcome outcome,
            @Size(max = 2000) String summary) {
    }

    @Schema(name = "DevelopmentRecord", description = "A talk or review, with the date it was due and whether it was late")
    public record DevelopmentRecordView(UUID id, UUID memberId, Kind kind, LocalDate heldOn, LocalDate dueOn, boolean late,
            String conductedBy, String decisionRef, Outcome outcome, String summary, String recordedBy, Instant recordedAt) {

        static DevelopmentRecordView of(DevelopmentRecord r) {
            return new DevelopmentRecordView(r.id(), r.memberId(), r.kind(), r.heldOn(), r.dueOn(), r.late(), r.conductedBy(),
                    r.decisionRef(), r.outcome(), r.summary(), r.recordedBy(), r.recordedAt());
        }
    }

    @Schema(name = "FollowUpDue", description = "A talk or review due (overdue when dueOn is before today)")
    public record DueView(Kind kind, UUID memberId, String memberNumber, String name, UUID orgId, LocalDate dueOn,
            boolean overdue) {
    }
}
