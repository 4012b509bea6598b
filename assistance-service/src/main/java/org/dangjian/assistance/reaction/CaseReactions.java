package org.dangjian.assistance.reaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.dangjian.assistance.assistancecase.AssistanceCase;
import org.dangjian.assistance.assistancecase.CaseOrgChange;
import org.dangjian.assistance.assistancecase.CaseRecords;
import org.dangjian.assistance.assistancecase.CaseRepository;
import org.dangjian.assistance.beneficiary.Beneficiary;
import org.dangjian.assistance.beneficiary.BeneficiaryRepository;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * What other services' events change here (DOMAIN.md §5): a transferred member's open cases follow
 * them to the new branch; a dissolved organization's open cases wait for reassignment. Both keep
 * history rows naming the event.
 */
@ApplicationScoped
public class CaseReactions {

    private static final Logger LOG = Logger.getLogger(CaseReactions.class);

    @Inject
    BeneficiaryRepository beneficiaries;

    @Inject
    CaseRepository cases;

    @Inject
    CaseRecords records;

    /** {@code toOrgId} null: the member left the platform, so their open cases wait for reassignment. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void memberTransferred(UUID eventId, UUID memberId, UUID toOrgId, long memberVersion) {
        if (toOrgId == null) {
            memberLeftPlatform(eventId, memberId, memberVersion);
            return;
        }
        for (Beneficiary beneficiary : beneficiaries.ofMember(memberId)) {
            if (!beneficiary.followMemberTo(toOrgId, memberVersion)) {
                LOG.debugf("member %s: transfer event %s is stale or changes nothing", memberId, eventId);
                continue;
            }
            for (AssistanceCase c : cases.openOfBeneficiary(beneficiary.id())) {
                if (!c.orgId().equals(toOrgId)) {
                    records.add(c.moveTo(toOrgId, CaseOrgChange.MEMBER_TRANSFERRED, eventId));
                    LOG.infof("case %s follows member %s to organization %s", c.id(), memberId, toOrgId);
                }
            }
        }
    }

    private void memberLeftPlatform(UUID eventId, UUID memberId, long memberVersion) {
        for (Beneficiary beneficiary : beneficiaries.ofMember(memberId)) {
            if (!beneficiary.memberLeftPlatform(memberVersion)) {
                continue;
            }
            for (AssistanceCase c : cases.openOfBeneficiary(beneficiary.id())) {
                if (!c.reassignmentNeeded()) {
                    records.add(c.flagForReassignment(CaseOrgChange.MEMBER_LEFT_PLATFORM, eventId));
                    LOG.infof("case %s flagged for reassignment: member %s left the platform", c.id(), memberId);
                }
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void organizationDissolved(UUID eventId, UUID orgId) {
        for (AssistanceCase c : cases.openInOrganization(orgId)) {
            if (!c.reassignmentNeeded()) {
                records.add(c.flagForReassignment(CaseOrgChange.ORGANIZATION_DISSOLVED, eventId));
                LOG.infof("case %s flagged for reassignment: organization %s dissolved", c.id(), orgId);
            }
        }
    }
}
