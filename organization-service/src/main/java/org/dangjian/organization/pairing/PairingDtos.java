package org.dangjian.organization.pairing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

public final class PairingDtos {

    private PairingDtos() {
    }

    @Schema(name = "Pair", description = "结对共建: both organizations must be in your scope")
    public record Pair(
            @NotNull UUID organizationId,
            @NotNull UUID partnerId,
            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn,
            @Schema(example = "机关支部与社区支部共建：每月联合开展主题党日") @NotBlank @Size(max = 2000) String content) {
    }

    @Schema(name = "EndPairing")
    public record EndPairing(@PastOrPresent LocalDate endedOn, @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "Pairing")
    public record PairingView(UUID id, UUID organizationId, UUID partnerId, LocalDate startsOn, LocalDate endsOn,
            String content, LocalDate endedOn, String endReason, long version) {

        static PairingView of(Pairing p) {
            return new PairingView(p.id(), p.organizationId(), p.partnerId(), p.startsOn(), p.endsOn(), p.content(),
                    p.endedOn(), p.endReason(), p.version());
        }
    }
}
