package org.dangjian.assistance.pairing;

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

    @Schema(name = "Pair", description = "结对: a member looks after a beneficiary")
    public record Pair(@NotNull UUID beneficiaryId,
            @Schema(description = "a member known here, not ended, on the platform, in your subtree (else 422 MEMBER_UNKNOWN)")
            @NotNull UUID memberId,
            @PastOrPresent LocalDate startedOn) {
    }

    @Schema(name = "EndPairing")
    public record EndPairing(@PastOrPresent LocalDate endedOn, @NotBlank @Size(max = 200) String reason) {
    }

    @Schema(name = "RecordVisit", description = "民情日记: a visit, what was found, what was promised, when to follow up")
    public record RecordVisit(@NotNull UUID beneficiaryId, @PastOrPresent LocalDate visitedOn,
            @Schema(description = "sensitive: encrypted at rest") @NotBlank @Size(max = 2000) String findings,
            @Size(max = 1000) String promises,
            LocalDate followUpDue) {
    }

    @Schema(name = "FollowUpDone")
    public record FollowUpDone(@PastOrPresent LocalDate on) {
    }

    @Schema(name = "Pairing", description = "endReason: the text given when ended by hand, or MEMBER_ENDED, "
            + "MEMBER_LEFT_PLATFORM, MEMBER_TRANSFERRED when a member event ended it")
    public record PairingView(UUID id, UUID beneficiaryId, UUID memberId, Pairing.Status status, LocalDate startedOn,
            LocalDate endedOn, String endReason, long version) {

        static PairingView of(Pairing p) {
            return new PairingView(p.id(), p.beneficiaryId(), p.memberId(), p.status(), p.startedOn(), p.endedOn(),
                    p.endReason(), p.version());
        }
    }

    @Schema(name = "Visit", description = "findings are not listed: open the beneficiary's case work to read them")
    public record VisitView(UUID id, UUID beneficiaryId, LocalDate visitedOn, String visitor, UUID visitorMemberId,
            String promises, LocalDate followUpDue, LocalDate followedUpOn, boolean overdue) {

        static VisitView of(VisitLogEntry v, LocalDate today) {
            return new VisitView(v.id(), v.beneficiaryId(), v.visitedOn(), v.visitor(), v.visitorMemberId(), v.promises(),
                    v.followUpDue(), v.followedUpOn(), v.overdueOn(today));
        }
    }
}
