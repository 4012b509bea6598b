package org.dangjian.assistance.beneficiary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.dangjian.assistance.member.MemberStatus;
import org.dangjian.platform.api.pii.ValidNationalId;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Request and response bodies of the beneficiaries API. */
public final class BeneficiaryDtos {

    private BeneficiaryDtos() {
    }

    @Schema(name = "RegisterBeneficiary",
            description = "A member in hardship (memberId) or a resident the branch looks after (name and national ID)")
    public record RegisterBeneficiary(
            @Schema(example = "RESIDENT") @NotNull BeneficiaryKind kind,
            @Schema(description = "the branch that looks after them; for kind MEMBER the member's own branch") @NotNull UUID orgId,
            @Schema(description = "for kind MEMBER: the member's id in member-service; must name a member this service "
                    + "knows, still a member on the platform, whose branch is in your subtree (otherwise 422 MEMBER_UNKNOWN)")
            UUID memberId,
            @Schema(example = "王秀英") @Size(min = 1, max = 50) String name,
            @Schema(example = "350203194501011233") @ValidNationalId String nationalId,
            @Schema(example = "西城镇东街3号") @Size(max = 200) String address,
            @Schema(example = "2") @Min(1) @Max(30) Integer householdSize,
            @Schema(example = "[\"ELDERLY_ALONE\", \"ILLNESS\"]") @NotEmpty Set<@NotNull HardshipCategory> categories,
            @Schema(description = "hardship details (sensitive: encrypted, masked by role)", example = "独居，患慢性病，每月药费约800元")
            @Size(max = 2000) String hardshipDetails) {
    }

    @Schema(name = "UpdateBeneficiary", description = "Replaces the household facts; send If-Match with the ETag you read")
    public record UpdateBeneficiary(
            @Size(max = 200) String address,
            @Min(1) @Max(30) Integer householdSize,
            @NotEmpty Set<@NotNull HardshipCategory> categories,
            @Size(max = 2000) String hardshipDetails) {
    }

    @Schema(name = "Beneficiary", description = "nationalId and hardshipDetails are masked unless your role allows them "
            + "(platform-admin, org-admin, branch-secretary); each unmasked read is audited")
    public record BeneficiaryView(UUID id, UUID orgId, BeneficiaryKind kind, UUID memberId,
            @Schema(description = "kind MEMBER: where the member stands as member-service's events tell it — ACTIVE, "
                    + "LEFT_PLATFORM (transferred to an organization outside the platform: the record stays with its branch "
                    + "and its open cases are flagged reassignmentNeeded) or ENDED (membership ended: the record and its "
                    + "open cases stay with the branch, which decides what follows); null for a resident, or before this "
                    + "service has heard of the member")
            MemberStatus memberStatus,
            String name, String nationalId,
            String address, Integer householdSize, List<HardshipCategory> categories, String hardshipDetails,
            boolean masked, BeneficiaryStatus status, LocalDate registeredOn, long version) {
    }
}
