package org.dangjian.organization.coverage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dangjian.organization.organization.Organization;
import org.dangjian.organization.organization.OrganizationStatus;
import org.dangjian.organization.organization.OrganizationType;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.Ids;

import java.time.LocalDate;
import java.util.UUID;

/** A non-public enterprise or social organization in the register, with how it is covered. */
@Entity
@Table(name = "unit")
public class Unit {

    @Id
    private UUID id;

    /** The organization whose register holds the unit: the unit's data scope. */
    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;

    @Column(nullable = false)
    private String name;

    @Column(name = "credit_code", nullable = false, unique = true)
    private String creditCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UnitKind kind;

    @Column(name = "region_code", nullable = false)
    private String regionCode;

    @Column(nullable = false)
    private int employees;

    @Column(name = "party_members", nullable = false)
    private int partyMembers;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Coverage coverage;

    @Column(name = "covering_organization_id")
    private UUID coveringOrganizationId;

    @Column(name = "instructor_name")
    private String instructorName;

    @Column(name = "covered_since")
    private LocalDate coveredSince;

    @Column(name = "registered_on", nullable = false)
    private LocalDate registeredOn;

    @Version
    private long version;

    protected Unit() {
    }

    Unit(Organization register, String name, String creditCode, UnitKind kind, String regionCode, int employees,
            int partyMembers, LocalDate registeredOn) {
        if (!CreditCode.isValid(creditCode)) {
            throw DomainException.unprocessable("UNIT_CREDIT_CODE_INVALID", creditCode);
        }
        this.id = Ids.next();
        this.organizationId = register.id();
        this.name = name;
        this.creditCode = creditCode;
        this.kind = kind;
        this.regionCode = regionCode != null ? regionCode : CreditCode.regionOf(creditCode);
        this.employees = employees;
        this.partyMembers = partyMembers;
        this.coverage = Coverage.NONE;
        this.registeredOn = registeredOn;
    }

    /** 由党组织覆盖: an own branch (any active organization but a group) or a joint branch. */
    void coverBy(Coverage how, Organization organization, LocalDate since) {
        if (organization.status() != OrganizationStatus.ACTIVE) {
            throw DomainException.unprocessable("ORGANIZATION_DISSOLVED", organization.name());
        }
        boolean fits = how == Coverage.JOINT_BRANCH ? organization.type() == OrganizationType.JOINT_BRANCH
                : organization.type() != OrganizationType.GROUP && organization.type() != OrganizationType.JOINT_BRANCH;
        if (!fits) {
            throw DomainException.unprocessable("UNIT_COVERAGE_ORGANIZATION_TYPE", how, organization.type());
        }
        set(how, organization.id(), null, since);
    }

    /** 党建指导员: covered by an instructor sent by a higher organization. */
    void coverByInstructor(String instructor, LocalDate since) {
        set(Coverage.INSTRUCTOR, null, instructor, since);
    }

    void uncover() {
        set(Coverage.NONE, null, null, null);
    }

    private void set(Coverage how, UUID organization, String instructor, LocalDate since) {
        this.coverage = how;
        this.coveringOrganizationId = organization;
        this.instructorName = instructor;
        this.coveredSince = since;
    }

    public UUID id() {
        return id;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public String name() {
        return name;
    }

    public String creditCode() {
        return creditCode;
    }

    public UnitKind kind() {
        return kind;
    }

    public String regionCode() {
        return regionCode;
    }

    public int employees() {
        return employees;
    }

    public int partyMembers() {
        return partyMembers;
    }

    public Coverage coverage() {
        return coverage;
    }

    public UUID coveringOrganizationId() {
        return coveringOrganizationId;
    }

    public String instructorName() {
        return instructorName;
    }

    public LocalDate coveredSince() {
        return coveredSince;
    }

    public LocalDate registeredOn() {
        return registeredOn;
    }

    public long version() {
        return version;
    }
}
