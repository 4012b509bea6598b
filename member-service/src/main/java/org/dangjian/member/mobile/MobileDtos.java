package org.dangjian.member.mobile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** Request and response bodies of the mobile-members API. */
public final class MobileDtos {

    private MobileDtos() {
    }

    @Schema(name = "RegisterMobileMember", description = "登记流动党员")
    public record RegisterMobile(
            @Schema(example = "福建省厦门市思明区") @NotBlank @Size(max = 200) String location,
            @Schema(description = "stays at one place (after 6 months they should transfer instead)") boolean fixedPlace,
            @NotNull @PastOrPresent LocalDate since,
            @Schema(description = "the branch they attend where they are (流入地党组织)") UUID hostOrgId,
            @Schema(description = "the 1+N contact: a full member in your scope looking after N mobile members; 422 "
                    + "MOBILE_CONTACT_NOT_FOUND for an unknown id and one outside your scope alike, "
                    + "MOBILE_CONTACT_NOT_FULL_MEMBER for one who is not a full member of the platform")
            UUID contactMemberId,
            @Size(max = 500) String note) {
    }

    @Schema(name = "EndMobility")
    public record EndMobility(@NotNull @PastOrPresent LocalDate endedOn, @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "MobileMember")
    public record MobileView(UUID id, UUID memberId, String memberName, UUID homeOrgId, String location, boolean fixedPlace,
            LocalDate since, UUID hostOrgId, UUID contactMemberId, String note, String status, LocalDate endedOn,
            String endReason,
            @Schema(description = "away at a fixed place for 6 months or more: transfer the relationship") boolean transferDue,
            long version) {
    }
}
