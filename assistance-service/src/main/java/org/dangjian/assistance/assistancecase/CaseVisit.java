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

/** A home visit on a case: the verification visit (入户核实) or a follow-up (回访); findings encrypted. */
@Entity
@Table(name = "case_visit")
public class CaseVisit {

    public enum Kind {
        VERIFICATION, FOLLOW_UP
    }

    @Id
    private UUID id;

    @Column(name = "case_id", nullable = false)
    private UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "visited_on", nullable = false)
    private LocalDate visitedOn;

    @Column(nullable = false)
    private String visitor;

    @Column(name = "findings_enc", nullable = false)
    private String findingsEncrypted;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected CaseVisit() {
    }

    static CaseVisit of(UUID caseId, Kind kind, LocalDate visitedOn, String visitor, String findingsEncrypted) {
        CaseVisit v = new CaseVisit();
        v.id = Ids.next();
        v.caseId = caseId;
        v.kind = kind;
        v.visitedOn = visitedOn;
        v.visitor = visitor;
        v.findingsEncrypted = findingsEncrypted;
        v.recordedAt = Instant.now();
        return v;
    }

    public UUID id() {
        return id;
    }

    public UUID caseId() {
        return caseId;
    }

    public Kind kind() {
        return kind;
    }

    public LocalDate visitedOn() {
        return visitedOn;
    }

    public String visitor() {
        return visitor;
    }

    public String findingsEncrypted() {
        return findingsEncrypted;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
