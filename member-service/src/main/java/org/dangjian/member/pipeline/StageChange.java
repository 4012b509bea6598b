package org.dangjian.member.pipeline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.dangjian.member.member.MemberStage;
import org.dangjian.platform.api.Ids;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** One step of a member's development or the end of membership: when, on whose decision, recorded by whom. */
@Entity
@Table(name = "member_stage_change")
public class StageChange {

    @Id
    private UUID id;

    @Column(name = "member_id", nullable = false)
    private UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_stage", nullable = false)
    private MemberStage fromStage;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_stage", nullable = false)
    private MemberStage toStage;

    @Column(name = "effective_on", nullable = false)
    private LocalDate effectiveOn;

    /** The meeting or approval document the decision was taken in (会议 / 批复). */
    @Column(name = "decision_ref")
    private String decisionRef;

    private String approver;

    private String reason;

    /** What the rules were checked against (training hours, approval date, contacts, extension). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, Object> details;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected StageChange() {
    }

    public StageChange(UUID memberId, MemberStage fromStage, MemberStage toStage, LocalDate effectiveOn, String decisionRef,
            String approver, String reason, Map<String, Object> details, String recordedBy) {
        this.id = Ids.next();
        this.memberId = memberId;
        this.fromStage = fromStage;
        this.toStage = toStage;
        this.effectiveOn = effectiveOn;
        this.decisionRef = decisionRef;
        this.approver = approver;
        this.reason = reason;
        this.details = details;
        this.recordedBy = recordedBy;
        this.recordedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // as stored: a later read (or a retry) shows the same
    }

    public UUID id() {
        return id;
    }

    public UUID memberId() {
        return memberId;
    }

    public MemberStage fromStage() {
        return fromStage;
    }

    public MemberStage toStage() {
        return toStage;
    }

    public LocalDate effectiveOn() {
        return effectiveOn;
    }

    public String decisionRef() {
        return decisionRef;
    }

    public String approver() {
        return approver;
    }

    public String reason() {
        return reason;
    }

    public Map<String, Object> details() {
        return details;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
