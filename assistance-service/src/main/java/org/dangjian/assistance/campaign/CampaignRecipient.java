package org.dangjian.assistance.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.Ids;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One person on a campaign's list and the amount for them; marked delivered once, when paid. */
@Entity
@Table(name = "campaign_recipient")
public class CampaignRecipient {

    public enum Status {
        PENDING, DELIVERED
    }

    @Id
    private UUID id;

    @Column(name = "campaign_id", nullable = false)
    private UUID campaignId;

    @Column(name = "beneficiary_id", nullable = false)
    private UUID beneficiaryId;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "delivered_on")
    private LocalDate deliveredOn;

    @Column(name = "delivered_by")
    private String deliveredBy;

    @Column(name = "ledger_entry_id")
    private UUID ledgerEntryId;

    @Version
    private long version;

    protected CampaignRecipient() {
    }

    static CampaignRecipient of(UUID campaignId, UUID beneficiaryId, BigDecimal amount) {
        CampaignRecipient r = new CampaignRecipient();
        r.id = Ids.next();
        r.campaignId = campaignId;
        r.beneficiaryId = beneficiaryId;
        r.amount = amount;
        r.status = Status.PENDING;
        return r;
    }

    void checkDeliverable() {
        if (status == Status.DELIVERED) {
            throw DomainException.conflict("CAMPAIGN_RECIPIENT_ALREADY_DELIVERED", id, deliveredOn);
        }
    }

    void delivered(LocalDate on, String by, UUID ledgerEntry) {
        checkDeliverable();
        status = Status.DELIVERED;
        deliveredOn = on;
        deliveredBy = by;
        ledgerEntryId = ledgerEntry;
    }

    public UUID id() {
        return id;
    }

    public UUID campaignId() {
        return campaignId;
    }

    public UUID beneficiaryId() {
        return beneficiaryId;
    }

    public BigDecimal amount() {
        return amount;
    }

    public Status status() {
        return status;
    }

    public LocalDate deliveredOn() {
        return deliveredOn;
    }

    public String deliveredBy() {
        return deliveredBy;
    }

    public UUID ledgerEntryId() {
        return ledgerEntryId;
    }
}
