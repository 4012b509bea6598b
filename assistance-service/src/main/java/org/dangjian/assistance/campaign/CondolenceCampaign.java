package org.dangjian.assistance.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dangjian.platform.api.Ids;

import java.time.Instant;
import java.util.UUID;

/** A holiday condolence campaign (节日慰问) of an organization, paid from one fund. */
@Entity
@Table(name = "condolence_campaign")
public class CondolenceCampaign {

    public enum Occasion {
        /** 春节 */
        SPRING_FESTIVAL,
        /** 七一 */
        PARTY_FOUNDING_DAY,
        OTHER
    }

    @Id
    private UUID id;

    @Column(name = "org_id", nullable = false)
    private UUID orgId;

    @Column(name = "fund_id", nullable = false)
    private UUID fundId;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Occasion occasion;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected CondolenceCampaign() {
    }

    static CondolenceCampaign start(UUID orgId, UUID fundId, String name, Occasion occasion, String by) {
        CondolenceCampaign c = new CondolenceCampaign();
        c.id = Ids.next();
        c.orgId = orgId;
        c.fundId = fundId;
        c.name = name;
        c.occasion = occasion;
        c.createdBy = by;
        c.createdAt = Instant.now();
        return c;
    }

    public UUID id() {
        return id;
    }

    public UUID orgId() {
        return orgId;
    }

    public UUID fundId() {
        return fundId;
    }

    public String name() {
        return name;
    }

    public Occasion occasion() {
        return occasion;
    }

    public long version() {
        return version;
    }
}
