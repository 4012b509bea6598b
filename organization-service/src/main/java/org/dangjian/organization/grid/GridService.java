package org.dangjian.organization.grid;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.dangjian.organization.config.OrganizationRules;
import org.dangjian.organization.audit.AuditLog;
import org.dangjian.organization.grid.GridDtos.AddMember;
import org.dangjian.organization.grid.GridDtos.ChangeLeader;
import org.dangjian.organization.grid.GridDtos.LeaveGrid;
import org.dangjian.organization.grid.GridDtos.CreateGrid;
import org.dangjian.organization.grid.GridDtos.GridView;
import org.dangjian.organization.grid.GridDtos.MemberView;
import org.dangjian.organization.organization.OrganizationsInScope;
import org.dangjian.organization.organization.Organization;
import org.dangjian.organization.organization.OrganizationRepository;
import org.dangjian.organization.structure.KnownMembers;
import org.dangjian.organization.structure.MemberDeparture;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.list.Cursor;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** 网格化: grids nested up to the configured number of levels, each with its members. */
@ApplicationScoped
public class GridService {

    public static final String AUDIT_TARGET = "grid";

    @Inject
    EntityManager em;

    @Inject
    OrganizationRepository repository;

    @Inject
    OrganizationsInScope scope;

    @Inject
    OrganizationRules rules;

    @Inject
    BusinessClock clock;

    @Inject
    AuditLog audit;

    @Inject
    KnownMembers members;

    /** The audit copy of a membership change. */
    record Membership(UUID memberId, String memberName, LocalDate joinedOn, LocalDate leftOn, String reason) {
    }

    /** The audit copy of a leader: who, and (after a change) why. */
    record Leader(UUID leaderMemberId, String leaderName, String reason) {
    }

    @Transactional
    public GridView create(CreateGrid request) {
        Organization organization = scope.referenced(request.organizationId(), "ORGANIZATION_PARENT_NOT_FOUND");
        organization.requireActive();
        Grid parent = null;
        if (request.parentId() != null) {
            parent = find(request.parentId())
                    .orElseThrow(() -> DomainException.unprocessable("GRID_PARENT_NOT_FOUND", request.parentId()));
            if (parent.level() >= rules.gridLevels()) {
                throw DomainException.unprocessable("GRID_TOO_DEEP", rules.gridLevels());
            }
        }
        if (request.leaderMemberId() != null) {
            members.requireIn(organization, request.leaderMemberId());
        }
        Grid grid = new Grid(organization.id(), parent, request.name().strip(), request.leaderMemberId(),
                request.leaderName().strip(), request.area().strip(), request.households());
        em.persist(grid);
        em.flush();
        GridView created = GridView.of(grid, List.of());
        audit.write("GRID_CREATED", AUDIT_TARGET, grid.id(), grid.organizationId(), null, created);
        return created;
    }

    @Transactional
    public GridView get(UUID id) {
        Grid grid = require(id);
        return GridView.of(grid, members(grid.id()));
    }

    @Transactional
    public ListPage<GridView> children(UUID id, ListQuery query) {
        query.sort("name");
        Cursor after = query.after().orElse(null);
        Grid grid = require(id);
        var select = em.createQuery("from Grid where parentId = :parent"
                        + (after == null ? "" : " and (name > :name or (name = :name and id > :id))") + " order by name, id",
                        Grid.class)
                .setParameter("parent", grid.id()).setMaxResults(query.limit());
        if (after != null) {
            select.setParameter("name", after.string(0)).setParameter("id", after.uuid(1));
        }
        List<GridView> children = new ArrayList<>();
        for (Grid child : select.getResultList()) {
            children.add(GridView.of(child, List.of()));
        }
        return ListPage.of(children, query, g -> Cursor.at(g.name(), g.id()));
    }

    @Transactional
    public GridView addMember(UUID id, AddMember request) {
        Grid grid = require(id);
        members.requireIn(organizationOf(grid), request.memberId());
        // One change of the grid's members at a time: a retried or concurrent join meets the first, not the index.
        em.lock(grid, LockModeType.PESSIMISTIC_WRITE);
        boolean already = members(grid.id()).stream().anyMatch(m -> m.memberId().equals(request.memberId()));
        if (already) {
            throw DomainException.conflict("GRID_MEMBER_ALREADY_IN", request.memberName());
        }
        LocalDate today = clock.today();
        boolean leftToday = ((Number) em.createNativeQuery(
                        "select count(*) from grid_member where grid_id = ?1 and member_id = ?2 and joined_on = ?3")
                .setParameter(1, grid.id()).setParameter(2, request.memberId()).setParameter(3, today).getSingleResult())
                .longValue() > 0;
        if (leftToday) {
            // One membership per member, grid and day: a same-day return is refused rather than overwriting the row.
            throw DomainException.conflict("GRID_MEMBER_LEFT_TODAY", request.memberName());
        }
        String name = request.memberName().strip();
        em.createNativeQuery("insert into grid_member (grid_id, member_id, member_name, joined_on) values (?1, ?2, ?3, ?4)")
                .setParameter(1, grid.id()).setParameter(2, request.memberId()).setParameter(3, name)
                .setParameter(4, today).executeUpdate();
        audit.write("GRID_MEMBER_JOINED", AUDIT_TARGET, grid.id(), grid.organizationId(), null,
                new Membership(request.memberId(), name, today, null, null));
        return GridView.of(grid, members(grid.id()));
    }

    /** The member leaves: the membership row keeps its dates and gets the reason; nothing is deleted. */
    @Transactional
    public GridView leave(UUID id, UUID memberId, LeaveGrid request) {
        Grid grid = require(id);
        List<MemberView> current = members(grid.id());
        MemberView member = current.stream().filter(m -> m.memberId().equals(memberId)).findFirst().orElse(null);
        if (member == null && leftAsAsked(grid.id(), memberId, request.leftOn())) {
            return GridView.of(grid, current); // a retry of the leave: 200 with the grid, nothing recorded twice
        }
        if (member == null) {
            throw DomainException.notFound("GRID_MEMBER_NOT_FOUND", memberId);
        }
        LocalDate on = request.leftOn() != null ? request.leftOn() : clock.today();
        if (on.isBefore(member.joinedOn())) {
            throw DomainException.unprocessable("GRID_MEMBER_LEFT_BEFORE_JOINING", member.joinedOn(), on);
        }
        String reason = request.reason().strip();
        em.createNativeQuery("""
                        update grid_member set left_on = ?3, left_reason = ?4
                        where grid_id = ?1 and member_id = ?2 and left_on is null""")
                .setParameter(1, grid.id()).setParameter(2, memberId).setParameter(3, on).setParameter(4, reason)
                .executeUpdate();
        audit.write("GRID_MEMBER_LEFT", AUDIT_TARGET, grid.id(), grid.organizationId(),
                new Membership(memberId, member.memberName(), member.joinedOn(), null, null),
                new Membership(memberId, member.memberName(), member.joinedOn(), on, reason));
        return GridView.of(grid, members(grid.id()));
    }

    /** A new 格长/联络员; If-Match (when sent) keeps a stale client from overwriting a change it has not seen. */
    @Transactional
    public GridView changeLeader(UUID id, Long expectedVersion, ChangeLeader request) {
        Grid grid = require(id);
        if (expectedVersion != null && expectedVersion != grid.version()) {
            throw new DomainException(412, "PRECONDITION_FAILED", expectedVersion, grid.version());
        }
        if (request.leaderMemberId() != null) {
            members.requireIn(organizationOf(grid), request.leaderMemberId());
        }
        Leader before = new Leader(grid.leaderMemberId(), grid.leaderName(), null);
        grid.changeLeader(request.leaderMemberId(), request.leaderName().strip());
        em.flush();
        audit.write("GRID_LEADER_CHANGED", AUDIT_TARGET, grid.id(), grid.organizationId(), before,
                new Leader(grid.leaderMemberId(), grid.leaderName(), request.reason().strip()));
        return GridView.of(grid, members(grid.id()));
    }

    /**
     * A member who moved away, left the platform or whose membership ended leaves the grids of organizations
     * they no longer belong to on the day it happened (the membership is kept with its dates), and a grid they
     * led has no leader until a new one is named. Runs in the member event's transaction.
     */
    void memberDeparted(@Observes MemberDeparture departure) {
        @SuppressWarnings("unchecked")
        List<Object[]> memberships = em.createNativeQuery("""
                        select m.grid_id, m.member_name, m.joined_on, g.organization_id from grid_member m
                        join grid g on g.id = m.grid_id where m.member_id = ?1 and m.left_on is null order by m.grid_id""")
                .setParameter(1, departure.memberId()).getResultList();
        for (Object[] m : memberships) {
            if (departure.keepsRolesIn(repository.byId((UUID) m[3]).orElseThrow())) {
                continue;
            }
            UUID gridId = (UUID) m[0];
            LocalDate joinedOn = date(m[2]);
            LocalDate on = departure.endOf(joinedOn);
            em.createNativeQuery("""
                            update grid_member set left_on = ?3, left_reason = ?4
                            where grid_id = ?1 and member_id = ?2 and left_on is null""")
                    .setParameter(1, gridId).setParameter(2, departure.memberId()).setParameter(3, on)
                    .setParameter(4, departure.reason()).executeUpdate();
            audit.write("GRID_MEMBER_LEFT", AUDIT_TARGET, gridId, (UUID) m[3],
                    new Membership(departure.memberId(), (String) m[1], joinedOn, null, null),
                    new Membership(departure.memberId(), (String) m[1], joinedOn, on, departure.reason()));
        }
        for (Grid grid : em.createQuery("from Grid where leaderMemberId = ?1 order by id", Grid.class)
                .setParameter(1, departure.memberId()).getResultList()) {
            if (departure.keepsRolesIn(organizationOf(grid))) {
                continue;
            }
            Leader before = new Leader(grid.leaderMemberId(), grid.leaderName(), null);
            grid.vacateLeader();
            em.flush();
            audit.write("GRID_LEADER_CHANGED", AUDIT_TARGET, grid.id(), grid.organizationId(), before, new Leader(null, null, departure.reason()));
        }
    }

    /** The grid's id when the caller may see it (else 404), before reading its history. */
    @Transactional
    public UUID visible(UUID id) {
        return require(id).id();
    }

    private Grid require(UUID id) {
        return find(id).orElseThrow(() -> DomainException.notFound("GRID_NOT_FOUND", id));
    }

    /** A grid is visible when the organization running it is in the caller's scope. */
    private java.util.Optional<Grid> find(UUID id) {
        Grid grid = em.find(Grid.class, id);
        if (grid == null || !scope.covers(grid.organizationId())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(grid);
    }

    private Organization organizationOf(Grid grid) {
        return repository.byId(grid.organizationId()).orElseThrow();
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    /** Whether the member's latest membership of the grid has ended (on {@code leftOn}, when one is asked). */
    private boolean leftAsAsked(UUID gridId, UUID memberId, LocalDate leftOn) {
        @SuppressWarnings("unchecked")
        List<Object> ends = em.createNativeQuery("""
                select left_on from grid_member where grid_id = ?1 and member_id = ?2
                order by joined_on desc limit 1""")
                .setParameter(1, gridId).setParameter(2, memberId).getResultList();
        return !ends.isEmpty() && ends.get(0) != null && (leftOn == null || leftOn.equals(date(ends.get(0))));
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
                    date(r[2])));
        }
        return members;
    }
}
