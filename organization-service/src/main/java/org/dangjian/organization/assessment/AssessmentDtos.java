package org.dangjian.organization.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public final class AssessmentDtos {

    private AssessmentDtos() {
    }

    public record CriterionInput(
            @Schema(example = "GOOD_TEAM") @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Z0-9_]+") String code,
            @Schema(example = "领导班子好") @NotBlank @Size(max = 100) String name,
            @NotNull @DecimalMin("0.01") @DecimalMax("100") BigDecimal weight) {
    }

    @Schema(name = "DefineAssessmentSet", description = "a year's criteria for the subtree of organizationId; weights sum to 100")
    public record DefineSet(
            @NotNull UUID organizationId,
            @Min(2000) @Max(2100) int year,
            @Schema(example = "2026年度“五个好”党组织考核") @NotBlank @Size(max = 100) String name,
            @NotEmpty @Size(max = 30) List<@Valid @NotNull CriterionInput> criteria) {
    }

    @Schema(name = "SelfAssessment", description = "an organization's own scores, 0–100 per criterion code")
    public record SelfAssess(@NotNull UUID organizationId, @NotEmpty Map<String, @NotNull BigDecimal> scores) {
    }

    @Schema(name = "Review", description = "the reviewing level's scores, 0–100 per criterion code")
    public record Review(@NotEmpty Map<String, @NotNull BigDecimal> scores) {
    }

    @Schema(name = "AssessmentSet")
    public record SetView(UUID id, UUID organizationId, int year, String name, List<CriterionInput> criteria, long version) {

        static SetView of(AssessmentSet s) {
            return new SetView(s.id(), s.organizationId(), s.year(), s.name(),
                    s.criteria().stream().map(c -> new CriterionInput(c.code(), c.name(), c.weight())).toList(), s.version());
        }
    }

    @Schema(name = "Assessment")
    public record AssessmentView(UUID id, UUID setId, UUID organizationId, Assessment.Status status, BigDecimal selfScore,
            BigDecimal score, Assessment.Rating rating, String reviewedBy, long version) {

        static AssessmentView of(Assessment a) {
            return new AssessmentView(a.id(), a.setId(), a.organizationId(), a.status(), a.selfScore(), a.score(),
                    a.rating(), a.reviewedBy(), a.version());
        }
    }

    @Schema(name = "Ranked", description = "a reviewed organization's place in the ranking")
    public record Ranked(int rank, UUID organizationId, String name, BigDecimal score, Assessment.Rating rating) {
    }
}
