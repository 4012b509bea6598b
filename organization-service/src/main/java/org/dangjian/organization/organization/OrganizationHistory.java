package org.dangjian.organization.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.dangjian.platform.api.Ids;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** One change of one organization: who, when, what (before/after) and why. Append-only. */
@Entity
@Table(name = "organization_history")
public class OrganizationHistory {

    @Id
    private UUID id;

    /** Assigned by the database: the order changes were written in. */
    @Column(insertable = false, updatable = false)
    private Long position;

    public Long position() {
        return position;
    }

    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Change change;

    @Column(nullable = false)
    private String actor;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "effective_on", nullable = false)
    private LocalDate effectiveOn;

    private String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "before_state")
    private Map<String, Object> before;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "after_state")
    private Map<String, Object> after;

    protected OrganizationHistory() {
    }

    OrganizationHistory(UUID organizationId, Change change, String actor, LocalDate effectiveOn, String reason,
            Map<String, Object> before, Map<String, Object> after) {
        this.id = Ids.next();
        this.organizationId = organizationId;
        this.change = change;
        this.actor = actor;
        this.occurredAt = Instant.now();
        this.effectiveOn = effectiveOn;
        this.reason = reason;
        this.before = before;
        this.after = after;
    }

    public UUID id() {
        return id;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public Change change() {
        return change;
    }

    public String actor() {
        return actor;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public LocalDate effectiveOn() {
        return effectiveOn;
    }

    public String reason() {
        return reason;
    }

    public Map<String, Object> before() {
        return before;
    }

    public Map<String, Object> after() {
        return after;
    }
}
