package org.dangjian.organization.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.Ids;

import java.time.LocalDate;
import java.util.UUID;

/** A Party organization (党组织): one node of the tree, located by its materialized path. */
@Entity
@Table(name = "organization")
public class Organization {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrganizationType type;

    @Enumerated(EnumType.STRING)
    private Sector sector;

    @Column(name = "parent_id")
    private UUID parentId;

    /** {@code /rootId/…/thisId/}: a subtree is every path with this prefix. */
    @Column(nullable = false)
    private String path;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrganizationStatus status;

    @Column(name = "established_on", nullable = false)
    private LocalDate establishedOn;

    @Column(name = "dissolved_on")
    private LocalDate dissolvedOn;

    @Column(name = "dissolution_reason")
    private String dissolutionReason;

    /** Set when this organization was dissolved by merging it into another (合并). */
    @Column(name = "merged_into_id")
    private UUID mergedIntoId;

    @Version
    private long version;

    protected Organization() {
    }

    private Organization(String code, String name, OrganizationType type, Sector sector, Organization parent,
            LocalDate establishedOn) {
        this.id = Ids.next();
        this.code = code;
        this.name = name;
        this.type = type;
        this.sector = sector;
        this.parentId = parent == null ? null : parent.id;
        this.path = (parent == null ? "/" : parent.path) + id + "/";
        this.status = OrganizationStatus.ACTIVE;
        this.establishedOn = establishedOn;
    }

    /** 成立: a root when {@code parent} is null; refused when the tree would be malformed. */
    public static Organization establish(String code, String name, OrganizationType type, Sector sector,
            Organization parent, LocalDate establishedOn) {
        if (parent == null) {
            if (!type.mayBeRoot()) {
                throw DomainException.unprocessable("ORGANIZATION_ROOT_NOT_ALLOWED", type);
            }
        } else {
            if (parent.status != OrganizationStatus.ACTIVE) {
                throw DomainException.unprocessable("ORGANIZATION_PARENT_NOT_ACTIVE", parent.name);
            }
            if (!type.mayBeChildOf(parent.type)) {
                throw DomainException.unprocessable("ORGANIZATION_PARENT_TYPE_NOT_ALLOWED", type, parent.type);
            }
        }
        return new Organization(code, name, type, sector, parent, establishedOn);
    }

    /** 更名. */
    public void rename(String newName) {
        requireActive();
        if (name.equals(newName)) {
            throw DomainException.unprocessable("ORGANIZATION_NAME_UNCHANGED", newName);
        }
        this.name = newName;
    }

    /**
     * Re-parents this node; the caller rewrites the descendants' paths (one set-based update).
     * Refused under itself or a descendant (a cycle), under a dissolved parent, or under a parent of
     * a type that cannot hold this one.
     */
    public void moveUnder(Organization newParent) {
        requireActive();
        if (contains(newParent)) {
            throw DomainException.unprocessable("ORGANIZATION_MOVE_CYCLE", name, newParent.name);
        }
        if (newParent.id.equals(parentId)) {
            throw DomainException.unprocessable("ORGANIZATION_ALREADY_UNDER_PARENT", name, newParent.name);
        }
        if (newParent.status != OrganizationStatus.ACTIVE) {
            throw DomainException.unprocessable("ORGANIZATION_PARENT_NOT_ACTIVE", newParent.name);
        }
        if (!type.mayBeChildOf(newParent.type)) {
            throw DomainException.unprocessable("ORGANIZATION_PARENT_TYPE_NOT_ALLOWED", type, newParent.type);
        }
        this.parentId = newParent.id;
        this.path = newParent.path + id + "/";
    }

    /**
     * 撤销 on {@code date}. {@code lastChange} is the day the node last changed: the tree's history
     * cannot be rewritten before it. {@code mergedInto} names the survivor of a merge, else null.
     */
    public void dissolve(LocalDate date, String reason, LocalDate lastChange, UUID mergedInto) {
        requireActive();
        if (date.isBefore(establishedOn) || date.isBefore(lastChange)) {
            throw DomainException.unprocessable("ORGANIZATION_DISSOLUTION_DATE_INVALID", date,
                    lastChange.isAfter(establishedOn) ? lastChange : establishedOn);
        }
        this.status = OrganizationStatus.DISSOLVED;
        this.dissolvedOn = date;
        this.dissolutionReason = reason;
        this.mergedIntoId = mergedInto;
    }

    public void requireActive() {
        if (status != OrganizationStatus.ACTIVE) {
            throw DomainException.unprocessable("ORGANIZATION_DISSOLVED", name);
        }
    }

    public boolean isBranch() {
        return type == OrganizationType.BRANCH || type == OrganizationType.JOINT_BRANCH
                || type == OrganizationType.TEMPORARY_BRANCH;
    }

    /** Whether {@code other} lies in this organization's subtree (itself included). */
    public boolean contains(Organization other) {
        return other.path.startsWith(path);
    }

    public UUID id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public OrganizationType type() {
        return type;
    }

    public Sector sector() {
        return sector;
    }

    public UUID parentId() {
        return parentId;
    }

    public String path() {
        return path;
    }

    public OrganizationStatus status() {
        return status;
    }

    public LocalDate establishedOn() {
        return establishedOn;
    }

    public LocalDate dissolvedOn() {
        return dissolvedOn;
    }

    public String dissolutionReason() {
        return dissolutionReason;
    }

    public UUID mergedIntoId() {
        return mergedIntoId;
    }

    public long version() {
        return version;
    }
}
