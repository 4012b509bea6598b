package org.dangjian.assistance.fund;

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

/** A fund an organization pays assistance from (党费留存, 专项资金, 捐赠); its money is budgeted per year. */
@Entity
@Table(name = "fund")
public class Fund {

    @Id
    private UUID id;

    @Column(name = "org_id", nullable = false)
    private UUID orgId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FundKind kind;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FundStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Version
    private long version;

    protected Fund() {
    }

    public static Fund open(UUID orgId, FundKind kind, String name, String createdBy) {
        Fund fund = new Fund();
        fund.id = Ids.next();
        fund.orgId = orgId;
        fund.kind = kind;
        fund.name = name;
        fund.status = FundStatus.ACTIVE;
        fund.createdAt = Instant.now();
        fund.createdBy = createdBy;
        return fund;
    }

    public UUID id() {
        return id;
    }

    public UUID orgId() {
        return orgId;
    }

    public FundKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public FundStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}
