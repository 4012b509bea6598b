package org.dangjian.organization.leadership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.Ids;

import java.time.LocalDate;
import java.util.UUID;

/** A member holding a seat of a leadership team from a day until a day (open while ended_on is null). */
@Entity
@Table(name = "leadership_seat")
public class LeadershipSeat {

    @Id
    private UUID id;

    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Seat seat;

    @Column(name = "member_id", nullable = false)
    private UUID memberId;

    @Column(name = "member_name", nullable = false)
    private String memberName;

    @Column(name = "started_on", nullable = false)
    private LocalDate startedOn;

    @Column(name = "ended_on")
    private LocalDate endedOn;

    @Column(name = "end_reason")
    private String endReason;

    protected LeadershipSeat() {
    }

    LeadershipSeat(UUID organizationId, Seat seat, UUID memberId, String memberName, LocalDate startedOn) {
        this.id = Ids.next();
        this.organizationId = organizationId;
        this.seat = seat;
        this.memberId = memberId;
        this.memberName = memberName;
        this.startedOn = startedOn;
    }

    void end(LocalDate on, String reason) {
        if (endedOn != null) {
            throw DomainException.unprocessable("LEADERSHIP_SEAT_ALREADY_ENDED", memberName, endedOn);
        }
        if (on.isBefore(startedOn)) {
            throw DomainException.unprocessable("LEADERSHIP_SEAT_END_BEFORE_START", on, startedOn);
        }
        this.endedOn = on;
        this.endReason = reason;
    }

    public boolean isOpen() {
        return endedOn == null;
    }

    public UUID id() {
        return id;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public Seat seat() {
        return seat;
    }

    public UUID memberId() {
        return memberId;
    }

    public String memberName() {
        return memberName;
    }

    public LocalDate startedOn() {
        return startedOn;
    }

    public LocalDate endedOn() {
        return endedOn;
    }

    public String endReason() {
        return endReason;
    }
}
