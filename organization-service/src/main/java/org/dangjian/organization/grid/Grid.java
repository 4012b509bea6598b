package org.dangjian.organization.grid;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.Ids;

import java.util.UUID;

/** A grid (网格): an area with its households, run by an organization and led by a 格长. */
@Entity
@Table(name = "grid")
public class Grid {

    @Id
    private UUID id;

    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;

    @Column(name = "parent_id")
    private UUID parentId;

    /** 1 = the top grid (working committee), growing downwards to the members' grids. */
    @Column(nullable = false)
    private int level;

    @Column(nullable = false)
    private String name;

    @Column(name = "leader_member_id")
    private UUID leaderMemberId;

    /** Null while the grid has no leader (the member who led it left: {@link #vacateLeader}). */
    @Column(name = "leader_name")
    private String leaderName;

    @Column(nullable = false)
    private String area;

    @Column(nullable = false)
    private int households;

    @Version
    private long version;

    protected Grid() {
    }

    Grid(UUID organizationId, Grid parent, String name, UUID leaderMemberId, String leaderName, String area,
            int households) {
        this.id = Ids.next();
        this.organizationId = organizationId;
        this.parentId = parent == null ? null : parent.id;
        this.level = parent == null ? 1 : parent.level + 1;
        this.name = name;
        this.leaderMemberId = leaderMemberId;
        this.leaderName = leaderName;
        this.area = area;
        this.households = households;
    }

    /** 格长/联络员: refused when nothing would change, so every history entry is a real change. */
    void changeLeader(UUID memberId, String name) {
        if (java.util.Objects.equals(leaderMemberId, memberId) && name.equals(leaderName)) {
            throw DomainException.unprocessable("GRID_LEADER_UNCHANGED", name);
        }
        this.leaderMemberId = memberId;
        this.leaderName = name;
    }

    /** The member who led the grid no longer belongs to its organization: no leader until one is named. */
    void vacateLeader() {
        this.leaderMemberId = null;
        this.leaderName = null;
    }

    public UUID id() {
        return id;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public UUID parentId() {
        return parentId;
    }

    public int level() {
        return level;
    }

    public String name() {
        return name;
    }

    public UUID leaderMemberId() {
        return leaderMemberId;
    }

    public String leaderName() {
        return leaderName;
    }

    public String area() {
        return area;
    }

    public int households() {
        return households;
    }

    public long version() {
        return version;
    }
}
