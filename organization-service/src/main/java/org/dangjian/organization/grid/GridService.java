package org.dangjian.organization.grid;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.organization.config.OrganizationRules;
import org.dangjian.organization.grid.GridDtos.AddMember;
import org.dangjian.organization.grid.GridDtos.CreateGrid;
import org.dangjian.organization.grid.GridDtos.GridView;
import org.dangjian.organization.grid.GridDtos.MemberView;
import org.dangjian.organization.organization.DataScope;
import org.dangjian.organization.organization.Organization;
import org.dangjian.organization.organization.OrganizationRepository;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.DomainException;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** 网格化: grids nested up to the configured number of levels, each with its members. */
@ApplicationScoped
public class GridService {

    @Inject
    EntityManager em;

    @Inject
    OrganizationRepository repository;

    @Inject
    DataScope scope;

    @Inject
    OrganizationRules rules;

    @Inject
    BusinessClock clock;

    @Transactional
    public GridView create(CreateGrid request) {
        Organization organization = repository.byId(request.organizationId()).filter(scope::covers)
                .orElseThrow(() -> DomainException.unprocessable("ORGANIZATION_PARENT_NOT_FOUND", request.organizationId()));
        organization.requireActive();
        Grid parent = null;
        if (request.parentId() != null) {
            parent = find(request.parentId())
                    .orElseThrow(() -> DomainException.unprocessable("GRID_PARENT_NOT_FOUND", request.parentId()));
            if (parent.level() >= rules.gridLevels()) {
                throw DomainException.unprocessable("GRID_TOO_DEEP", rules.gridLevels());
            }
        }
        Grid grid = new Grid(organization.id(), parent, request.name().strip(), request.leaderMemberId(),
                request.leaderName().strip(), request.area().strip(), request.households());
        em.persist(grid);
        em.flush();
        return GridView.of(grid, List.of());
    }

    @Transactional
    public GridView get(UUID id) {
        Grid grid = require(id);
        return GridView.of(grid, members(grid.id()));
    }

    @Transactional
    public List<GridView> children(UUID id) {
        Grid grid = require(id);
        List<GridView> children = new ArrayList<>();
        for (Grid child : em.createQuery("from Grid where parentId = ?1 order by name, id", Grid.class)
                .setParameter(1, grid.id()).setMaxResults(500).getResultList()) {
            children.add(GridView.of(child, List.of()));
        }
        return children;
    }

    @Transactional
    public GridView addMember(UUID id, AddMember request) {
        Grid grid = require(id);
        boolean already = members(grid.id()).stream().anyMatch(m -> m.memberId().equals(request.memberId()));
        if (already) {
            throw DomainException.conflict("GRID_MEMBER_ALREADY_IN", request.memberName());
        }
        em.createNativeQuery("insert into grid_member (grid_id, member_id, member_name, joined_on) values (?1, ?2, ?3, ?4)")
                .setParameter(1, grid.id()).setParameter(2, request.memberId()).setParameter(3, request.memberName().strip())
                .setParameter(4, clock.today()).executeUpdate();
        return GridView.of(grid, members(grid.id()));
    }

    private Grid require(UUID id) {
        return find(id).orElseThrow(() -> DomainException.notFound("GRID_NOT_FOUND", id));
    }

    /** A grid is visible when the organization running it is in the caller's scope. */
    private java.util.Optional<Grid> find(UUID id) {
        Grid grid = em.find(Grid.class, id);
        if (grid == null || repository.byId(grid.organizationId()).filter(scope::covers).isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(grid);
    }

    private List<MemberView> members(UUID gridId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select member_id, member_name, joined_on from grid_member
                where grid_id = ?1 and left_on is null order by member_name limit 1000""")
                .setParameter(1, gridId).getResultList();
        List<MemberView> members = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            members.add(new MemberView((UUID) r[0], (String) r[1],
                    r[2] instanceof java.sql.Date d ? d.toLocalDate() : (java.time.LocalDate) r[2]));
        }
        return members;
    }
}
