package org.dangjian.organization.coverage;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

public final class UnitDtos {

    private UnitDtos() {
    }

    @Schema(name = "RegisterUnit", description = "a non-public enterprise or social organization entering the register")
    public record RegisterUnit(
            @Schema(description = "the organization whose register holds the unit (your scope)") @NotNull UUID organizationId,
            @Schema(example = "厦门某某科技有限公司") @NotBlank @Size(max = 200) String name,
            @Schema(description = "统一社会信用代码, GB 32100, check character verified", example = "91350200MA2YQ0001G")
            @NotNull @Pattern(regexp = "[0-9A-Z]{18}") String creditCode,
            @NotNull UnitKind kind,
            @Schema(description = "GB/T 2260 code; from the credit code when omitted", example = "350203")
            @Pattern(regexp = "[0-9]{6}") String regionCode,
            @Min(0) int employees,
            @Min(0) int partyMembers,
            @PastOrPresent LocalDate registeredOn) {
    }

    @Schema(name = "ChangeCoverage", description = "how the unit is covered from now on")
    public record ChangeCoverage(
            @NotNull Coverage coverage,
            @Schema(description = "the covering branch, for OWN_BRANCH and JOINT_BRANCH") UUID organizationId,
            @Schema(description = "党建指导员, for INSTRUCTOR") @Size(max = 50) String instructorName,
            @PastOrPresent LocalDate since,
            @Schema(description = "why the coverage changed, kept in the unit's history", example = "企业新建党支部")
            @Size(max = 500) String reason) {
    }

    @Schema(name = "Unit")
    public record UnitView(UUID id, UUID organizationId, String name, String creditCode, UnitKind kind, String regionCode,
            int employees, int partyMembers, Coverage coverage, UUID coveringOrganizationId, String instructorName,
            LocalDate coveredSince, LocalDate registeredOn, long version) {

        static UnitView of(Unit u) {
            return new UnitView(u.id(), u.organizationId(), u.name(), u.creditCode(), u.kind(), u.regionCode(),
                    u.employees(), u.partyMembers(), u.coverage(), u.coveringOrganizationId(), u.instructorName(),
                    u.coveredSince(), u.registeredOn(), u.version());
        }
    }

    @Schema(name = "CoverageRate", description = "units of a region and how many a Party organization covers")
    public record CoverageRate(String regionCode, long units, long covered, BigDecimal rate) {
    }
}
