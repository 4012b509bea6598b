package org.dangjian.assistance.pairing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.Ids;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** 民情日记: one visit to a beneficiary — what was found (encrypted), what was promised, when to follow up. */
@Entity
@Table(name = "visit_log")
public class VisitLogEntry {

    @Id
    private UUID id;

    @Column(name = "beneficiary_id", nullable = false)
    private UUID beneficiaryId;

    @Column(name = "visited_on", nullable = false)
    private LocalDate visitedOn;

    @Column(nullable = false)
    private String visitor;

    @Column(name = "visitor_member_id")
    private UUID visitorMemberId;

    @Column(name = "findings_enc", nullable = false)
    private String findingsEncrypted;

    private String promises;

    @Column(name = "follow_up_due")
    private LocalDate followUpDue;

    @Column(name = "followed_up_on")
    private LocalDate followedUpOn;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Version
    private long version;

    protected VisitLogEntry() {
    }

    static VisitLogEntry record(UUID beneficiaryId, LocalDate visitedOn, String visitor, UUID visitorMemberId,
            String findingsEncrypted, String promises, LocalDate followUpDue) {
        if (followUpDue != null && followUpDue.isBefore(visitedOn)) {
            throw DomainException.unprocessable("VISIT_FOLLOW_UP_BEFORE_VISIT", followUpDue, visitedOn);
        }
        VisitLogEntry v = new VisitLogEntry();
        v.id = Ids.next();
        v.beneficiaryId = beneficiaryId;
        v.visitedOn = visitedOn;
        v.visitor = visitor;
        v.visitorMemberId = visitorMemberId;
        v.findingsEncrypted = findingsEncrypted;
        v.promises = promises;
        v.followUpDue = followUpDue;
        v.recordedAt = Instant.now();
        return v;
    }

    void followedUp(LocalDate on) {
        if (followUpDue == null) {
            throw DomainException.unprocessable("VISIT_NO_FOLLOW_UP_DUE", id);
        }
        if (followedUpOn != null) {
            throw DomainException.conflict("VISIT_ALREADY_FOLLOWED_UP", id, followedUpOn);
        }
        if (on.isBefore(visitedOn)) {
            throw DomainException.unprocessable("VISIT_FOLLOW_UP_BEFORE_VISIT", on, visitedOn);
        }
        followedUpOn = on;
    }

    /** Overdue on {@code today}: a follow-up was due before today and has not been done. */
    public boolean overdueOn(LocalDate today) {
        return followUpDue != null && followedUpOn == null && followUpDue.isBefore(today);
    }

    public UUID id() {
        return id;
    }

    public UUID beneficiaryId() {
        return beneficiaryId;
    }

    public LocalDate visitedOn() {
        return visitedOn;
    }

    public String visitor() {
        return visitor;
    }

    public UUID visitorMemberId() {
        return visitorMemberId;
    }

    public String promises() {
        return promises;
    }

    public LocalDate followUpDue() {
        return followUpDue;
    }

    public LocalDate followedUpOn() {
        return followedUpOn;
    }
}
