package org.dangjian.organization.leadership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dangjian.platform.api.DomainException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * 班子: an organization's leadership team and its current term. The aggregate root of the seats:
 * every change of a seat goes through the team, so concurrent changes meet on its version.
 */
@Entity
@Table(name = "leadership_team")
public class LeadershipTeam {

    @Id
    @Column(name = "organization_id")
    private UUID organizationId;

    @Column(name = "term_started_on")
    private LocalDate termStartedOn;

    /** The last day of the term; re-election is overdue from the day after. */
    @Column(name = "term_ends_on")
    private LocalDate termEndsOn;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Version
    private long version;

    protected LeadershipTeam() {
    }

    LeadershipTeam(UUID organizationId) {
        this.organizationId = organizationId;
        this.changedAt = Instant.now();
    }

    /** 换届选举: a new term of {@code years} from {@code electedOn}; the open seats end that day. */
    void elect(LocalDate electedOn, int years, List<LeadershipSeat> openSeats) {
        if (termStartedOn != null && electedOn.isBefore(termStartedOn)) {
            throw DomainException.unprocessable("LEADERSHIP_ELECTION_BEFORE_CURRENT_TERM", electedOn, termStartedOn);
        }
        for (LeadershipSeat seat : openSeats) {
            seat.end(electedOn, "换届");
        }
        this.termStartedOn = electedOn;
        this.termEndsOn = electedOn.plusYears(years).minusDays(1);
        touch();
    }

    /**
     * Fills a seat; a single-holder seat (secretary, ...) must be vacant, and a member holds a seat once
     * (a retried appointment is refused, not recorded twice).
     */
    LeadershipSeat appoint(Seat seat, UUID memberId, String memberName, LocalDate startedOn, List<LeadershipSeat> openSeats) {
        if (openSeats.stream().anyMatch(s -> s.seat() == seat && s.memberId().equals(memberId))) {
            throw DomainException.conflict("LEADERSHIP_MEMBER_ALREADY_SEATED", memberName, seat);
        }
        if (seat.single() && openSeats.stream().anyMatch(s -> s.seat() == seat)) {
            throw DomainException.conflict("LEADERSHIP_SEAT_TAKEN", seat);
        }
        touch();
        return new LeadershipSeat(organizationId, seat, memberId, memberName, startedOn);
    }

    void vacate(LeadershipSeat seat, LocalDate on, String reason) {
        seat.end(on, reason);
        touch();
    }

    private void touch() {
        this.changedAt = Instant.now();
    }

    public UUID organizationId() {
        return organizationId;
    }

    public LocalDate termStartedOn() {
        return termStartedOn;
    }

    public LocalDate termEndsOn() {
        return termEndsOn;
    }

    public long version() {
        return version;
    }
}
