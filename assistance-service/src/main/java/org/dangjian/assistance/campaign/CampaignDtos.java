package org.dangjian.assistance.campaign;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public final class CampaignDtos {

    private CampaignDtos() {
    }

    @Schema(name = "StartCampaign", description = "慰问活动, paid from a fund of the organization or one above it")
    public record StartCampaign(@NotNull UUID orgId, @NotNull UUID fundId,
            @Schema(example = "2027年春节走访慰问") @NotBlank @Size(max = 100) String name,
            @NotNull CondolenceCampaign.Occasion occasion) {
    }

    @Schema(name = "AddRecipient")
    public record AddRecipient(@NotNull UUID beneficiaryId,
            @Schema(example = "500.00") @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount) {
    }

    @Schema(name = "Delivery", description = "送达: the money or goods handed over; charges the fund's budget of that year")
    public record Delivery(@PastOrPresent LocalDate deliveredOn) {
    }

    @Schema(name = "CampaignRecipient")
    public record RecipientView(UUID id, UUID beneficiaryId, BigDecimal amount, CampaignRecipient.Status status,
            LocalDate deliveredOn, String deliveredBy, UUID ledgerEntryId) {

        static RecipientView of(CampaignRecipient r) {
            return new RecipientView(r.id(), r.beneficiaryId(), r.amount(), r.status(), r.deliveredOn(), r.deliveredBy(),
                    r.ledgerEntryId());
        }
    }

    @Schema(name = "Campaign")
    public record CampaignView(UUID id, UUID orgId, UUID fundId, String name, CondolenceCampaign.Occasion occasion,
            BigDecimal plannedTotal, BigDecimal deliveredTotal, int recipientCount, int deliveredCount,
            List<RecipientView> recipients, long version) {
    }
}
