package org.dangjian.member.mobile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.Ids;

import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;

/**
 * A member away from home who keeps their relationship in the home branch (流动党员): where they are,
 * since when, which host branch they attend (e.g. seed 000's 驻厦党支部) and their "1+N" contact.
 */
@Entity
@Table(name = "mobile_registration")
public class MobileRegistration {

    public static final String ACTIVE = "ACTIVE";
    public static final String ENDED = "ENDED";

    @Id
    private UUID id;

    @Column(name = "member_id", nullable = false)
    private UUID memberId;

    @Column(name = "home_org_id", nullable = false)
    private UUID homeOrgId;

    @Column(nullable = false)
    private String location;

    /** Whether they stay at one place (then, after a while, they should transfer instead). */
    @Column(name = "fixed_place", nullable = false)
    private boolean fixedPlace;

    @Column(nullable = false)
    private LocalDate since;

    @Column(name = "host_org_id")
    private UUID hostOrgId;

    @Column(name = "contact_member_id")
    private UUID contactMemberId;

    private String note;

    @Column(nullable = false)
    private String status;

    @Column(name = "ended_on")
    private LocalDate endedOn;

    @Column(name = "end_reason")
    private String endReason;

    @Column(name = "registered_by", nullable = false)
    private String registeredBy;

    @Version
    private long version;

    protected MobileRegistration() {
    }

    public MobileRegistration(UUID memberId, UUID homeOrgId, String location, boolean fixedPlace, LocalDate since,
            UUID hostOrgId, UUID contactMemberId, String note, String registeredBy) {
        this.id = Ids.next();
        this.memberId = memberId;
        this.homeOrgId = homeOrgId;
        this.location = location;
        this.fixedPlace = fixedPlace;
        this.since = since;
        this.hostOrgId = hostOrgId;
        this.contactMemberId = contactMemberId;
        this.note = note;
        this.status = ACTIVE;
        this.registeredBy = registeredBy;
    }

    /** Back home (or transferred): the registration ends, kept as history. */
    public void end(LocalDate on, String reason) {
        if (!ACTIVE.equals(status)) {
            throw DomainException.conflict("MOBILE_NOT_REGISTERED", memberId);
        }
        if (on.isBefore(since)) {
            throw DomainException.unprocessable("MOBILE_END_BEFORE_START", on, since);
        }
        this.status = ENDED;
        this.endedOn = on;
        this.endReason = reason;
    }

    /** Away at a fixed place for the configured period (6 months): the relationship should be transferred. */
    public boolean transferDue(LocalDate today, Period after) {
        return ACTIVE.equals(status) && fixedPlace && !today.isBefore(since.plus(after));
    }

    public UUID id() {
        return id;
    }

    public UUID memberId() {
        return memberId;
    }

    public UUID homeOrgId() {
        return homeOrgId;
    }

    public String location() {
        return location;
    }

    public boolean fixedPlace() {
        return fixedPlace;
    }

    public LocalDate since() {
        return since;
    }

    public UUID hostOrgId() {
        return hostOrgId;
    }

    public UUID contactMemberId() {
        return contactMemberId;
    }

    public String note() {
        return note;
    }

    public String status() {
        return status;
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
