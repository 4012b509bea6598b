package org.dangjian.organization.structure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.organization.config.OrganizationRules;
import org.dangjian.organization.organization.Organization;
import org.dangjian.organization.organization.OrganizationService;
import org.dangjian.organization.organization.OrganizationType;
import org.dangjian.organization.structure.StructureDtos.Finding;
import org.dangjian.organization.structure.StructureDtos.MemberCount;
import org.dangjian.organization.structure.StructureDtos.OrganizationCompliance;
import org.dangjian.platform.api.BusinessClock;

import org.dangjian.platform.api.list.Cursor;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Structure compliance of a subtree: which organizations break a rule of how Party organizations are
 * set up. Scans one keyset page of organizations at a time (path order) and reports those with findings.
 */
@ApplicationScoped
@Transactional
public class StructureCompliance {

    @Inject
    EntityManager em;

    @Inject
    OrganizationService organizations;

    @Inject
    OrganizationRules rules;

    @Inject
    BusinessClock clock;

    public MemberCount count(UUID organizationId) {
        Organization organization = organizations.get(organizationId);
        List<?> rows = em.createNativeQuery("select full_members, members from member_count where organization_id = ?1")
                .setParameter(1, organization.id()).getResultList();
        if (rows.isEmpty()) {
            return new MemberCount(organization.id(), 0, 0);
        }
        Object[] row = (Object[]) rows.get(0);
        return new MemberCount(organization.id(), ((Number) row[0]).intValue(), ((Number) row[1]).intValue());
    }

    /**
     * Scans {@code size} organizations of the subtree per page in path order and lists those breaking a rule; a page
     * may hold fewer items (none) and still have a next one: the cursor is the last path scanned.
     */
    public ListPage<OrganizationCompliance> check(UUID rootId, ListQuery query) {
        query.sort("path");
        String after = query.after().map(c -> c.string(0)).orElse("");
        Organization root = organizations.get(rootId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select o.id, o.name, o.type, o.path, coalesce(c.full_members, 0), coalesce(c.members, 0),
                               t.term_ends_on,
                               (select count(*) from leadership_seat s where s.organization_id = o.id and s.ended_on is null),
                               exists (select 1 from leadership_seat s
                                       where s.organization_id = o.id and s.ended_on is null and s.seat = 'SECRETARY')
                        from organization o
                        left join member_count c on c.organization_id = o.id
                        left join leadership_team t on t.organization_id = o.id
                        where o.path like :prefix || '%' and o.path ~>~ :after and o.status = 'ACTIVE'
                        order by o.path using ~<~ limit :size""")
                .setParameter("prefix", root.path()).setParameter("after", after)
                .setParameter("size", query.limit()).getResultList();
        ListPage<Object[]> scanned = ListPage.of(rows, query, r -> Cursor.at(r[3]));
        List<OrganizationCompliance> items = new ArrayList<>();
        for (Object[] r : scanned.items()) {
            OrganizationType type = OrganizationType.valueOf((String) r[2]);
            int full = ((Number) r[4]).intValue();
            int members = ((Number) r[5]).intValue();
            LocalDate termEndsOn = r[6] == null ? null : r[6] instanceof Date d ? d.toLocalDate() : (LocalDate) r[6];
            List<Finding> findings = findings(type, full, members, termEndsOn, ((Number) r[7]).intValue(), (Boolean) r[8]);
            if (!findings.isEmpty()) {
                items.add(new OrganizationCompliance((UUID) r[0], (String) r[1], type, (String) r[3], full, members, findings));
            }
        }
        return new ListPage<>(items, scanned.nextCursor());
    }

    private List<Finding> findings(OrganizationType type, int full, int members, LocalDate termEndsOn, int openSeats,
            boolean hasSecretary) {
        OrganizationRules.Structure limits = rules.structure();
        List<Finding> findings = new ArrayList<>();
        if (type == OrganizationType.BRANCH || type == OrganizationType.JOINT_BRANCH) {
            if (full < limits.minFullMembers()) {
                findings.add(new Finding(StructureRule.BRANCH_TOO_FEW_FULL_MEMBERS, full, limits.minFullMembers(), null));
            }
            if (members > limits.maxMembers()) {
                findings.add(new Finding(StructureRule.BRANCH_TOO_MANY_MEMBERS, members, limits.maxMembers(), null));
            }
            if (full >= limits.committeeFromFullMembers() && openSeats < limits.committeeMinSeats()) {
                findings.add(new Finding(StructureRule.BRANCH_COMMITTEE_MISSING, full, limits.committeeFromFullMembers(), null));
            }
        }
        if (type != OrganizationType.GROUP && !hasSecretary) {
            findings.add(new Finding(StructureRule.SECRETARY_VACANT, null, null, null));
        }
        if (termEndsOn != null && termEndsOn.isBefore(clock.today())) {
            findings.add(new Finding(StructureRule.TERM_EXPIRED, null, null, termEndsOn));
        }
        return findings;
    }
}
