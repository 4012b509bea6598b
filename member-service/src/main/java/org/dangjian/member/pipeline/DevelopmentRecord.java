package org.dangjian.member.pipeline;

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

/**
 * A follow-up the branch held with a person in development: the talk (谈话) with an applicant, or a
 * review (考察) of an activist. Due and late are fixed when recorded, so a later change of the rule's
 * numbers does not rewrite what an inspection already saw.
 */
@Entity
@Table(name = "member_development_record")
public class DevelopmentRecord {

    public enum Kind {
        /** 谈话: with an applicant, after the application. */
        TALK,
        /** 考察: of an activist, every few months. */
        REVIEW
    }

    /** What a review concluded. */
    public enum Outcome {
        /** 考察合格: cultivation goes on as planned. */
        SATISFACTORY,
        /** 需改进: cultivation goes on, with what to improve noted in the summary. */
        NEEDS_IMPROVEMENT
    }

    @Id
    private UUID id;

    @Column(name = "member_id", nullable = false)
    private UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "held_on", nullable = false)
    private LocalDate heldOn;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(nullable = false)
    private boolean late;

    /** Who talked or reviewed (e.g. the secretary and a committee member). */
    @Column(name = "conducted_by", nullable = false)
    private String conductedBy;

    @Column(name = "decision_ref")
    private String decisionRef;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    private String summary;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected DevelopmentRecord() {
    }

    DevelopmentRecord(UUID memberId, Kind kind, LocalDate heldOn, LocalDate dueOn, String conductedBy, String decisionRef,
            Outcome outcome, String summary, String recordedBy) {
        this.id = Ids.next();
        this.memberId = memberId;
        this.kind = kind;
        this.heldOn = heldOn;
        this.dueOn = dueOn;
        this.late = heldOn.isAfter(dueOn);
        this.conductedBy = conductedBy;
        this.decisionRef = decisionRef;
        this.outcome = outcome;
        this.summary = summary;
        this.recordedBy = recordedBy;
        this.recordedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // as stored: a later read (or a retry) shows the same
    }

    public UUID id() {
        return id;
    }

    public UUID memberId() {
        return memberId;
    }

    public Kind kind() {
        return kind;
    }

    public LocalDate heldOn() {
        return heldOn;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public boolean late() {
        return late;
    }

    public String conductedBy() {
        return conductedBy;
    }

    public String decisionRef() {
        return decisionRef;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String summary() {
        return summary;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
