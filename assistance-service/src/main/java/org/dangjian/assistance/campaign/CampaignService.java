package org.dangjian.assistance.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.dangjian.assistance.beneficiary.Beneficiary;
import org.dangjian.assistance.beneficiary.BeneficiaryService;
import org.dangjian.assistance.campaign.CampaignDtos.AddRecipient;
import org.dangjian.assistance.campaign.CampaignDtos.CampaignView;
import org.dangjian.assistance.campaign.CampaignDtos.Delivery;
import org.dangjian.assistance.campaign.CampaignDtos.RecipientView;
import org.dangjian.assistance.campaign.CampaignDtos.StartCampaign;
import org.dangjian.assistance.common.Money;
import org.dangjian.assistance.fund.Fund;
import org.dangjian.assistance.fund.FundService;
import org.dangjian.assistance.fund.LedgerEntry;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.audit.AuditTrail;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.orgtree.OrgTree;
import org.dangjian.platform.orgtree.Organizations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CampaignService {

    private static final String TARGET = "campaign";

    @Inject
    EntityManager em;

    @Inject
    FundService funds;

    @Inject
    BeneficiaryService beneficiaries;

    @Inject
    Organizations organizations;

    @Inject
    OrgTree tree;

    @Inject
    CallerScope scope;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    BusinessClock clock;

    @Transactional
    public CampaignView start(StartCampaign request) {
        organizations.requireInScope(request.orgId());
        Fund fund = funds.requireFund(request.fundId());
        if (!tree.isWithin(request.orgId(), fund.orgId())) {
            throw DomainException.unprocessable("CAMPAIGN_FUND_NOT_AVAILABLE", fund.id(), request.orgId());
        }
        CondolenceCampaign campaign = CondolenceCampaign.start(request.orgId(), fund.id(), request.name().strip(),
                request.occasion(), caller.subject());
        em.persist(campaign);
        em.flush();
        CampaignView view = view(campaign);
        audit.write("CAMPAIGN_STARTED", TARGET, campaign.id(), null, view);
        return view;
    }

    @Transactional
    public CampaignView get(UUID id) {
        return view(require(id));
    }

    /** Adds a beneficiary of the campaign's subtree with their amount; each person once per campaign. */
    @Transactional
    public RecipientView addRecipient(UUID campaignId, AddRecipient request) {
        CondolenceCampaign campaign = require(campaignId);
        Beneficiary beneficiary = beneficiaries.require(request.beneficiaryId());
        if (!tree.isWithin(beneficiary.orgId(), campaign.orgId())) {
            throw DomainException.unprocessable("CAMPAIGN_RECIPIENT_OUTSIDE_ORGANIZATION", beneficiary.id(), campaign.orgId());
        }
        boolean listed = !em.createQuery("select r.id from CampaignRecipient r where r.campaignId = ?1 and r.beneficiaryId = ?2")
                .setParameter(1, campaignId).setParameter(2, beneficiary.id()).getResultList().isEmpty();
        if (listed) {
            throw DomainException.conflict("CAMPAIGN_RECIPIENT_ALREADY_LISTED", beneficiary.id());
        }
        CampaignRecipient recipient = CampaignRecipient.of(campaignId, beneficiary.id(), Money.of(request.amount()));
        em.persist(recipient);
        RecipientView view = RecipientView.of(recipient);
        audit.write("CAMPAIGN_RECIPIENT_ADDED", TARGET, campaignId, null, view);
        return view;
    }

    /**
     * Marks one recipient delivered and pays their amount from the fund's budget (never overdrawn).
     * The branch looking after the recipient delivers, even when the campaign is its committee's.
     */
    @Transactional
    public RecipientView deliver(UUID campaignId, UUID recipientId, Delivery delivery) {
        CondolenceCampaign campaign = em.find(CondolenceCampaign.class, campaignId);
        CampaignRecipient recipient = em.find(CampaignRecipient.class, recipientId, LockModeType.PESSIMISTIC_WRITE);
        if (campaign == null || recipient == null || !recipient.campaignId().equals(campaignId)) {
            throw DomainException.notFound("CAMPAIGN_RECIPIENT_NOT_FOUND", recipientId);
        }
        try {
            beneficiaries.require(recipient.beneficiaryId());
        } catch (DomainException e) {
            throw DomainException.notFound("CAMPAIGN_RECIPIENT_NOT_FOUND", recipientId);
        }
        if (recipient.status() == CampaignRecipient.Status.DELIVERED) {
            // Delivered already (the row is locked, so a concurrent retry lands here): paid once, answered as it stands.
            return RecipientView.of(recipient);
        }
        recipient.checkDeliverable();
        LocalDate on = delivery.deliveredOn() != null ? delivery.deliveredOn() : clock.today();
        LedgerEntry entry = funds.charge(campaign.fundId(), recipient.amount(), on, "campaign " + campaign.id(), null);
        recipient.delivered(on, caller.subject(), entry.id());
        em.flush();
        RecipientView view = RecipientView.of(recipient);
        audit.write("CAMPAIGN_RECIPIENT_DELIVERED", TARGET, campaignId, null, view);
        return view;
    }

    private CondolenceCampaign require(UUID id) {
        CondolenceCampaign campaign = em.find(CondolenceCampaign.class, id);
        if (campaign == null) {
            throw DomainException.notFound("CAMPAIGN_NOT_FOUND", id);
        }
        scope.require(campaign.orgId(), "CAMPAIGN_NOT_FOUND", id);
        return campaign;
    }

    private CampaignView view(CondolenceCampaign c) {
        List<CampaignRecipient> recipients = em.createQuery(
                        "from CampaignRecipient where campaignId = ?1 order by id", CampaignRecipient.class)
                .setParameter(1, c.id()).getResultList();
        BigDecimal planned = recipients.stream().map(CampaignRecipient::amount).reduce(Money.ZERO, BigDecimal::add);
        List<CampaignRecipient> delivered = recipients.stream()
                .filter(r -> r.status() == CampaignRecipient.Status.DELIVERED).toList();
        BigDecimal deliveredTotal = delivered.stream().map(CampaignRecipient::amount).reduce(Money.ZERO, BigDecimal::add);
        return new CampaignView(c.id(), c.orgId(), c.fundId(), c.name(), c.occasion(), planned, deliveredTotal,
                recipients.size(), delivered.size(), recipients.stream().map(RecipientView::of).toList(), c.version());
    }
}
