package org.dangjian.assistance.assistancecase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.dangjian.platform.api.Ids;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One step taken on a case: who, when (civil date of the act and when it was recorded), why. */
@Entity
@Table(name = "case_transition")
public class CaseTransition {

    @Id
    private UUID id;

    @Column(name = "case_id", nullable = false)
    private UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseStep step;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", nullable = false)
    private CaseStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    private CaseStatus toStatus;

    @Column(name = "occurred_on", nullable = false)
    private LocalDate occurredOn;

    @Column(nullable = false)
    private String actor;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    private String note;

    protected CaseTransition() {
    }

    static CaseTransition of(UUID caseId, CaseStep step, CaseStatus from, CaseStatus to, LocalDate on, String actor,
            String note) {
        CaseTransition t = new CaseTransition();
        t.id = Ids.next();
        t.caseId = caseId;
        t.step = step;
        t.fromStatus = from;
        t.toStatus = to;
        t.occurredOn = on;
        t.actor = actor;
        t.recordedAt = Instant.now();
        t.note = note;
        return t;
    }

    public CaseStep step() {
        return step;
    }

    public CaseStatus fromStatus() {
        return fromStatus;
    }

    public CaseStatus toStatus() {
        return toStatus;
    }

    public LocalDate occurredOn() {
        return occurredOn;
    }

    public String actor() {
        return actor;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String note() {
        return note;
    }
}
