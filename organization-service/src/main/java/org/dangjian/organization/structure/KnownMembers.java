package org.dangjian.organization.structure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.dangjian.organization.organization.OrganizationsInScope;
import org.dangjian.organization.organization.Organization;
import org.dangjian.organization.organization.OrganizationRepository;
import org.dangjian.organization.organization.OrganizationService;
import org.dangjian.organization.structure.StructureDtos.RosterEntry;
import org.dangjian.platform.api.DomainException;

import java.util.UUID;

/**
 * The members a request may name: those the member.* events put on the roster of an organization of
 * the platform (not ended, not transferred out), as far as the caller's data scope reaches.
 */
@ApplicationScoped
public class KnownMembers {

    @Inject
    MemberRoster roster;

    @Inject
    OrganizationRepository organizations;

    @Inject
    OrganizationService organizationService;

    @Inject
    OrganizationsInScope scope;

    /**
     * Refuses a member who is not on the roster of {@code organization} or of an organization below it,
     * inside the caller's scope (a branch's secretary is one of its members; a committee's seat holder a
     * member somewhere in its subtree). Unknown, out of scope and elsewhere are refused alike, with only
     * the id the caller sent, so the answer tells nothing of a member the caller may not see.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireIn(Organization organization, UUID memberId) {
        boolean known = roster.entryForShare(memberId).filter(RosterEntry::onRoster)
                .flatMap(entry -> scope.find(entry.organizationId())).filter(organization::contains).isPresent();
        if (!known) {
            throw DomainException.unprocessable("MEMBER_NOT_FOUND_IN_ORGANIZATION", memberId);
        }
    }

    /**
     * The roster entry of a member on the roster of {@code organizationId} or below it (an ended member where
     * their membership ended included), the organization in the caller's scope; else 404.
     */
    @Transactional
    public RosterEntry in(UUID organizationId, UUID memberId) {
        Organization organization = organizationService.get(organizationId);
        return roster.entry(memberId).filter(entry -> entry.organizationId() != null)
                .filter(entry -> organizations.byId(entry.organizationId()).filter(organization::contains).isPresent())
                .orElseThrow(() -> DomainException.notFound("MEMBER_NOT_FOUND", memberId));
    }
}
