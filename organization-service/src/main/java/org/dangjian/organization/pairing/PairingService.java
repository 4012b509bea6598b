package org.dangjian.organization.pairing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.organization.organization.Organization;
import org.dangjian.organization.organization.OrganizationService;
import org.dangjian.organization.organization.OrganizationsInScope;
import org.dangjian.organization.pairing.PairingDtos.EndPairing;
import org.dangjian.organization.pairing.PairingDtos.Pair;
import org.dangjian.organization.pairing.PairingDtos.PairingView;
import org.dangjian.organization.audit.AuditLog;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.list.Cursor;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PairingService {

    public static final String AUDIT_TARGET = "pairing";

    @Inject
    EntityManager em;

    @Inject
    OrganizationService organizations;

    @Inject
    OrganizationsInScope scope;

    @Inject
    BusinessClock clock;

    @Inject
    AuditLog audit;

    /**
     * Both sides must be in the caller's scope: a partner elsewhere is reported like a missing one,
     * so pairing across subtrees is for a caller whose scope holds both (e.g. the common higher level).
     */
    @Transactional
    public Pairing pair(Pair request) {
        Organization organization = organizations.get(request.organizationId());
        Organization partner = scope.referenced(request.partnerId(), "PAIRING_PARTNER_NOT_FOUND");
        organization.requireActive();
        partner.requireActive();
        Pairing pairing = new Pairing(organization.id(), partner.id(), request.startsOn(), request.endsOn(),
                request.content().strip());
        long overlapping = em.createQuery("""
                        select count(p) from Pairing p
                        where ((p.organizationId = ?1 and p.partnerId = ?2) or (p.organizationId = ?2 and p.partnerId = ?1))
                          and p.endedOn is null and p.startsOn <= ?4 and p.endsOn >= ?3""", Long.class)
                .setParameter(1, organization.id()).setParameter(2, partner.id())
                .setParameter(3, request.startsOn()).setParameter(4, request.endsOn()).getSingleResult();
        if (overlapping > 0) {
            throw DomainException.conflict("PAIRING_OVERLAPS", organization.name(), partner.name());
        }
        em.persist(pairing);
        em.flush();
        audit.write("PAIRING_CREATED", AUDIT_TARGET, pairing.id(), pairing.organizationId(), null, PairingView.of(pairing));
        return pairing;
    }

    @Transactional
    public Pairing end(UUID id, EndPairing request) {
        Pairing pairing = get(id);
        if (pairing.endedOn() != null && (request.endedOn() == null || request.endedOn().equals(pairing.endedOn()))) {
            return pairing; // a retry: 200 with the ended pairing, nothing audited twice
        }
        PairingView before = PairingView.of(pairing);
        pairing.end(request.endedOn() != null ? request.endedOn() : clock.today(), request.reason());
        em.flush();
        audit.write("PAIRING_ENDED", AUDIT_TARGET, pairing.id(), pairing.organizationId(), before, PairingView.of(pairing));
        return pairing;
    }

    /** A pairing is visible when the organization that initiated it is in the caller's scope. */
    @Transactional
    public Pairing get(UUID id) {
        Pairing pairing = em.find(Pairing.class, id);
        if (pairing == null || !scope.covers(pairing.organizationId())) {
            throw DomainException.notFound("PAIRING_NOT_FOUND", id);
        }
        return pairing;
    }

    /**
     * Pairings of an organization's subtree, either side in it, newest first (by start, then id). Paths hold only hex
     * digits, dashes and slashes: the prefix needs no LIKE escaping.
     */
    @Transactional
    public ListPage<Pairing> of(UUID organizationId, ListQuery query) {
        query.sort("-startsOn");
        Cursor after = query.after().orElse(null);
        Organization organization = organizations.get(organizationId);
        var select = em.createQuery("from Pairing p where exists (select 1 from Organization o "
                        + "where (o.id = p.organizationId or o.id = p.partnerId) and o.path like :subtree)"
                        + (after == null ? "" : " and (p.startsOn < :startsOn or (p.startsOn = :startsOn and p.id < :id))")
                        + " order by p.startsOn desc, p.id desc", Pairing.class)
                .setParameter("subtree", organization.path() + "%").setMaxResults(query.limit());
        if (after != null) {
            select.setParameter("startsOn", after.date(0)).setParameter("id", after.uuid(1));
        }
        return ListPage.of(select.getResultList(), query, p -> Cursor.at(p.startsOn(), p.id()));
    }
}
