package org.dangjian.assistance.reaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.dangjian.assistance.assistancecase.AssistanceCase;
import org.dangjian.assistance.assistancecase.CaseOrgChange;
import org.dangjian.assistance.assistancecase.CaseRecords;
import org.dangjian.assistance.assistancecase.CaseRepository;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * What a plain dissolution changes here (DOMAIN.md §5): the dissolved organization's open cases wait for
 * reassignment, with history rows naming the event; its beneficiaries stay. A merge: {@link OrganizationMerges}.
 * Member transfers: {@link MemberTransfers}.
 */
@ApplicationScoped
public class CaseReactions {

    private static final Logger LOG = Logger.getLogger(CaseReactions.class);

    @Inject
    CaseRepository cases;

    @Inject
    CaseRecords records;

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
