package org.dangjian.organization.leadership;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.dangjian.organization.organization.OrganizationType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the leadership (班子) API. */
public final class LeadershipDtos {

    private LeadershipDtos() {
    }

    static final String MEMBER_DOC = "a member on the roster of the organization or of one below it, as member-service's "
            + "events have told this service (GET /member-roster/{memberId}); else 422 MEMBER_NOT_FOUND_IN_ORGANIZATION";

    @Schema(name = "SeatHolder", description = "a member taking a seat")
    public record SeatHolder(
            @Schema(example = "SECRETARY") @NotNull Seat seat,
            @Schema(description = MEMBER_DOC) @NotNull UUID memberId,
            @Schema(example = "王建国") @NotBlank @Size(max = 50) String memberName) {
    }

    @Schema(name = "Election", description = "换届选举: starts a new term; the open seats end and the elected take them")
    public record Election(
            @Schema(description = "day of the election; today when omitted") @PastOrPresent LocalDate electedOn,
            @Size(max = 15) List<@Valid @NotNull SeatHolder> seats) {
    }

    @Schema(name = "Appointment", description = "a member takes a seat during the term (增补)")
    public record Appointment(
            @NotNull Seat seat,
            @Schema(description = MEMBER_DOC) @NotNull UUID memberId,
            @NotBlank @Size(max = 50) String memberName,
            @Schema(description = "today when omitted") @PastOrPresent LocalDate startedOn,
            @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "SeatEnd", description = "a member leaves a seat (免职, 调离 ...)")
    public record SeatEnd(
            @Schema(description = "today when omitted") @PastOrPresent LocalDate endedOn,
            @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "SeatHeld")
    public record SeatView(UUID id, Seat seat, UUID memberId, String memberName, LocalDate startedOn,
            LocalDate endedOn, String endReason) {

        static SeatView of(LeadershipSeat s) {
            return new SeatView(s.id(), s.seat(), s.memberId(), s.memberName(), s.startedOn(), s.endedOn(), s.endReason());
        }
    }

    @Schema(name = "Leadership", description = "the team as it is today: its term and the open seats")
    public record LeadershipView(UUID organizationId, LocalDate termStartedOn, LocalDate termEndsOn,
            boolean secretaryVacant, List<SeatView> seats, long version) {
    }

    @Schema(name = "TermDue", description = "an organization whose term ends soon or has ended")
    public record TermDue(UUID organizationId, String name, OrganizationType type, String path,
            LocalDate termStartedOn, LocalDate termEndsOn) {
    }
}
