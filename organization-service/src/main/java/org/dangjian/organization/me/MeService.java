package org.dangjian.organization.me;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.organization.leadership.Seat;
import org.dangjian.organization.me.MeDtos.MyGrid;
import org.dangjian.organization.me.MeDtos.MyOrganization;
import org.dangjian.organization.me.MeDtos.MySeat;
import org.dangjian.organization.me.MeDtos.OrganizationRef;
import org.dangjian.organization.organization.Organization;
import org.dangjian.organization.organization.OrganizationRepository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The member's own standing here, read by member id only (the token's, never the request's): their organization
 * from the roster member-service's events keep, the seats they hold and the grids they are in. A member sees
 * their own chain of organizations whatever their token's scope: it is where they belong.
 */
@ApplicationScoped
public class MeService {

    @Inject
    EntityManager em;

    @Inject
    OrganizationRepository organizations;

    @Transactional
    public MyOrganization organization(UUID memberId) {
        List<?> rows = em.createNativeQuery("""
                        select organization_id, stage from member_roster where member_id = ?1 and not ended""")
                .setParameter(1, memberId).getResultList();
        if (rows.isEmpty() || ((Object[]) rows.get(0))[0] == null) {
            return new MyOrganization(memberId, null, null, List.of());
        }
        Object[] row = (Object[]) rows.get(0);
        Organization own = organizations.byId((UUID) row[0]).orElse(null);
        if (own == null) {
            return new MyOrganization(memberId, null, (String) row[1], List.of());
        }
        List<UUID> above = Arrays.stream(own.path().split("/")).filter(s -> !s.isEmpty()).map(UUID::fromString)
                .filter(id -> !id.equals(own.id())).toList();
        List<OrganizationRef> chain = above.isEmpty() ? List.of()
                : em.createQuery("from Organization where id in ?1", Organization.class).setParameter(1, above)
                        .getResultList().stream().sorted(Comparator.comparingInt(o -> o.path().length()))
                        .map(MeService::ref).toList();
        return new MyOrganization(memberId, ref(own), (String) row[1], chain);
    }

    @Transactional
    public List<MySeat> seats(UUID memberId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select s.id, s.organization_id, o.name, s.seat, s.started_on
                        from leadership_seat s join organization o on o.id = s.organization_id
                        where s.member_id = ?1 and s.ended_on is null order by o.path, s.seat, s.id""")
                .setParameter(1, memberId).getResultList();
        List<MySeat> seats = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            seats.add(new MySeat((UUID) r[0], (UUID) r[1], (String) r[2], Seat.valueOf((String) r[3]), date(r[4])));
        }
        return seats;
    }

    @Transactional
    public List<MyGrid> grids(UUID memberId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select g.id, g.organization_id, g.name, g.level, g.leader_name, m.joined_on
                        from grid_member m join grid g on g.id = m.grid_id
                        where m.member_id = ?1 and m.left_on is null order by g.level, g.name, g.id""")
                .setParameter(1, memberId).getResultList();
        List<MyGrid> grids = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            grids.add(new MyGrid((UUID) r[0], (UUID) r[1], (String) r[2], ((Number) r[3]).intValue(), (String) r[4],
                    date(r[5])));
        }
        return grids;
    }

    private static OrganizationRef ref(Organization o) {
        return new OrganizationRef(o.id(), o.code(), o.name(), o.type(), o.status());
    }

    private static LocalDate date(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
