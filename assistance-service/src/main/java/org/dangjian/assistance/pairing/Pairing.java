package org.dangjian.assistance.pairing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.Ids;

import java.time.LocalDate;
import java.util.UUID;

/** 结对帮扶: a member who looks after a beneficiary, from a date until the pairing ends. */
@Entity
@Table(name = "pairing")
public class Pairing {

    public enum Status {
        ACTIVE, ENDED
    }

    @Id
    private UUID id;

    @Column(name = "beneficiary_id", nullable = false)
    private UUID beneficiaryId;

    @Column(name = "member_id", nullable = false)
    private UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "started_on", nullable = false)
    private LocalDate startedOn;

    @Column(name = "ended_on")
    private LocalDate endedOn;

    @Column(name = "end_reason")
    private String endReason;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Version
    private long version;

    protected Pairing() {
    }

    static Pairing pair(UUID beneficiaryId, UUID memberId, LocalDate startedOn, String by) {
        Pairing p = new Pairing();
        p.id = Ids.next();
        p.beneficiaryId = beneficiaryId;
        p.memberId = memberId;
        p.status = Status.ACTIVE;
        p.startedOn = startedOn;
        p.createdBy = by;
        return p;
    }

    void end(LocalDate on, String reason) {
        if (status == Status.ENDED) {
            throw DomainException.conflict("PAIRING_ALREADY_ENDED", id, endedOn);
        }
        if (on.isBefore(startedOn)) {
            throw DomainException.unprocessable("PAIRING_END_BEFORE_START", on, startedOn);
        }
        status = Status.ENDED;
        endedOn = on;
        endReason = reason;
    }

    public UUID id() {
        return id;
    }

    public UUID beneficiaryId() {
        return beneficiaryId;
    }

    public UUID memberId() {
        return memberId;
    }

    public Status status() {
        return status;
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

    public long version() {
        return version;
    }
}
