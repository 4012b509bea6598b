package org.dangjian.member.conduct;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Commendations, discipline and democratic evaluations on a member's record. */
public final class ConductDtos {

    private ConductDtos() {
    }

    /** 党纪处分. Expulsion (开除党籍) is not here: it ends membership through the pipeline (toStage EXPELLED). */
    public enum Measure {
        /** 警告 */
        WARNING,
        /** 严重警告 */
        SERIOUS_WARNING,
        /** 撤销党内职务 */
        REMOVAL_FROM_PARTY_POSTS,
        /** 留党察看 */
        PROBATION_WITHIN_PARTY
    }

    /** 民主评议党员 result. */
    public enum EvaluationResult {
        /** 优秀 */
        EXCELLENT,
        /** 合格 */
        QUALIFIED,
        /** 基本合格 */
        BASICALLY_QUALIFIED,
        /** 不合格 */
        UNQUALIFIED
    }

    @Schema(name = "Commendation")
    public record Commendation(UUID id, @Schema(example = "优秀共产党员") @NotBlank @Size(max = 100) String title,
            @Schema(example = "中共西城镇委员会") @NotBlank @Size(max = 100) String awardedBy,
            @NotNull @PastOrPresent LocalDate awardedOn) {
    }

    @Schema(name = "Discipline")
    public record Discipline(UUID id, @NotNull Measure measure, @NotBlank @Size(max = 100) String decidedBy,
            @NotNull @PastOrPresent LocalDate decidedOn, @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "Evaluation")
    public record Evaluation(UUID id, @NotNull @Min(2000) @Max(2100) Integer year, @NotNull EvaluationResult result) {
    }

    @Schema(name = "Conduct", description = "What the record says about the member's conduct, oldest first")
    public record Conduct(UUID memberId, List<Commendation> commendations, List<Discipline> disciplines,
            List<Evaluation> evaluations) {
    }
}
