package org.dangjian.activity.activity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.math.BigDecimal;
import java.util.UUID;

/** One roster member's attendance at a held activity. */
@Embeddable
public class Attendance {

    @Column(name = "member_id", nullable = false)
    private UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AttendanceStatus status;

    @Column(name = "leave_reason")
    private String leaveReason;

    /** Hours credited (training, volunteer service); null for other types. */
    @Column(precision = 6, scale = 2)
    private BigDecimal hours;

    protected Attendance() {
    }

    public Attendance(UUID memberId, AttendanceStatus status, String leaveReason, BigDecimal hours) {
        this.memberId = memberId;
        this.status = status;
        this.leaveReason = leaveReason;
        this.hours = hours;
    }

    public UUID memberId() {
        return memberId;
    }

    public AttendanceStatus status() {
        return status;
    }

    public String leaveReason() {
        return leaveReason;
    }

    public BigDecimal hours() {
        return hours;
    }

    boolean sameAs(Attendance other) {
        return memberId.equals(other.memberId) && status == other.status
                && java.util.Objects.equals(leaveReason, other.leaveReason)
                && (hours == null ? other.hours == null : other.hours != null && hours.compareTo(other.hours) == 0);
    }
}
