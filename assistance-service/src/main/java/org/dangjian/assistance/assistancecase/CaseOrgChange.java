package org.dangjian.assistance.assistancecase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.dangjian.platform.api.Ids;

import java.time.Instant;
import java.util.UUID;

/** A case changed organization (member transferred, organization merged) or lost it (organization dissolved, member left the platform): kept as history. */
@Entity
@Table(name = "case_org_change")
public class CaseOrgChange {

    public static final String MEMBER_TRANSFERRED = "MEMBER_TRANSFERRED";
    public static final String ORGANIZATION_DISSOLVED = "ORGANIZATION_DISSOLVED";
    public static final String REASSIGNED = "REASSIGNED";
    /** The case's organization merged into another (organization.dissolved with mergedIntoId): the case went with it. */
    public static final String ORGANIZATION_MERGED = "ORGANIZATION_MERGED";
    /** The member transferred to an organization outside the platform: nobody here holds the case any more. */
    public static final String MEMBER_LEFT_PLATFORM = "MEMBER_LEFT_PLATFORM";

    @Id
    private UUID id;

    @Column(name = "case_id", nullable = false)
    private UUID caseId;

    @Column(name = "from_org_id", nullable = false)
    private UUID fromOrgId;

    /** Null while the case waits for reassignment. */
    @Column(name = "to_org_id")
    private UUID toOrgId;

    @Column(nullable = false)
    private String reason;

    @Column(name = "event_id")
    private UUID eventId;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected CaseOrgChange() {
    }

    static CaseOrgChange of(UUID caseId, UUID from, UUID to, String reason, UUID eventId) {
        CaseOrgChange c = new CaseOrgChange();
        c.id = Ids.next();
        c.caseId = caseId;
        c.fromOrgId = from;
        c.toOrgId = to;
        c.reason = reason;
        c.eventId = eventId;
        c.changedAt = Instant.now();
        return c;
    }

    public UUID fromOrgId() {
        return fromOrgId;
    }

    public UUID toOrgId() {
        return toOrgId;
    }

    public String reason() {
        return reason;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
