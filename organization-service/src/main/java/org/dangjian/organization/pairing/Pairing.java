package org.dangjian.organization.pairing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.Ids;

import java.time.LocalDate;
import java.util.UUID;

/** 结对共建 between two organizations for [startsOn, endsOn], ended early with a date and reason if need be. */
@Entity
@Table(name = "pairing")
public class Pairing {

    @Id
    private UUID id;

    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;

    @Column(name = "partner_id", nullable = false)
    private UUID partnerId;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    @Column(nullable = false)
    private String content;

    @Column(name = "ended_on")
    private LocalDate endedOn;

    @Column(name = "end_reason")
    private String endReason;

    @Version
    private long version;

    protected Pairing() {
    }

    Pairing(UUID organizationId, UUID partnerId, LocalDate startsOn, LocalDate endsOn, String content) {
        if (organizationId.equals(partnerId)) {
            throw DomainException.unprocessable("PAIRING_SELF");
        }
        if (endsOn.isBefore(startsOn)) {
            throw DomainException.unprocessable("PAIRING_PERIOD_INVALID", startsOn, endsOn);
        }
        this.id = Ids.next();
        this.organizationId = organizationId;
        this.partnerId = partnerId;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.content = content;
    }

    void end(LocalDate on, String reason) {
        if (endedOn != null) {
            throw DomainException.unprocessable("PAIRING_ALREADY_ENDED", endedOn);
        }
        if (on.isBefore(startsOn)) {
            throw DomainException.unprocessable("PAIRING_PERIOD_INVALID", startsOn, on);
        }
        this.endedOn = on;
        this.endReason = reason;
    }

    public UUID id() {
        return id;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public UUID partnerId() {
        return partnerId;
    }

    public LocalDate startsOn() {
        return startsOn;
    }

    public LocalDate endsOn() {
        return endsOn;
    }

    public String content() {
        return content;
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
