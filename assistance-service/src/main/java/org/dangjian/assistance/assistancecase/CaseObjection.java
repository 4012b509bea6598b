package org.dangjian.assistance.assistancecase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.Ids;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An objection raised against a case during its public notice (公示异议); open until resolved. */
@Entity
@Table(name = "case_objection")
public class CaseObjection {

    public enum Status {
        OPEN,
        /** 异议不成立: the case goes on. */
        DISMISSED,
        /** 异议成立: the case is rejected. */
        UPHELD
    }

    @Id
    private UUID id;

    @Column(name = "case_id", nullable = false)
    private UUID caseId;

    @Column(name = "raised_on", nullable = false)
    private LocalDate raisedOn;

    @Column(name = "content_enc", nullable = false)
    private String contentEncrypted;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    private String resolution;

    @Column(name = "resolved_by")
    private String resolvedBy;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    protected CaseObjection() {
    }

    static CaseObjection raise(UUID caseId, LocalDate raisedOn, String contentEncrypted, String recordedBy) {
        CaseObjection o = new CaseObjection();
        o.id = Ids.next();
        o.caseId = caseId;
        o.raisedOn = raisedOn;
        o.contentEncrypted = contentEncrypted;
        o.recordedBy = recordedBy;
        o.status = Status.OPEN;
        return o;
    }

    void resolve(Status result, String note, String by) {
        if (status != Status.OPEN) {
            throw DomainException.conflict("CASE_OBJECTION_ALREADY_RESOLVED", id, status);
        }
        if (result == Status.OPEN) {
            throw DomainException.unprocessable("CASE_OBJECTION_RESOLUTION_REQUIRED");
        }
        status = result;
        resolution = note;
        resolvedBy = by;
        resolvedAt = Instant.now();
    }

    public UUID id() {
        return id;
    }

    public UUID caseId() {
        return caseId;
    }

    public LocalDate raisedOn() {
        return raisedOn;
    }

    public Status status() {
        return status;
    }

    public String resolution() {
        return resolution;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }
}
