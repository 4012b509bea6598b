package org.dangjian.assistance.beneficiary;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dangjian.platform.api.Ids;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Someone the branches help (帮扶对象). Sensitive values are held only in their encrypted form
 * ({@code v1:<keyId>:…}); the national ID also as a keyed blind index for exact search.
 */
@Entity
@Table(name = "beneficiary")
public class Beneficiary {

    @Id
    private UUID id;

    @Column(name = "org_id", nullable = false)
    private UUID orgId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BeneficiaryKind kind;

    @Column(name = "member_id")
    private UUID memberId;

    private String name;

    @Column(name = "national_id_enc")
    private String nationalIdEncrypted;

    @Column(name = "national_id_index")
    private String nationalIdIndex;

    private String address;

    @Column(name = "household_size")
    private Integer householdSize;

    @Column(name = "hardship_details_enc")
    private String hardshipDetailsEncrypted;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "beneficiary_category", joinColumns = @JoinColumn(name = "beneficiary_id"))
    @Column(name = "category")
    @Enumerated(EnumType.STRING)
    private Set<HardshipCategory> categories = EnumSet.noneOf(HardshipCategory.class);

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BeneficiaryStatus status;

    @Column(name = "registered_on", nullable = false)
    private LocalDate registeredOn;

    @Column(name = "registered_by", nullable = false)
    private String registeredBy;

    @Column(name = "member_source_version")
    private Long memberSourceVersion;

    @Version
    private long version;

    protected Beneficiary() {
    }

    /** Personal values arrive already sealed: the entity never sees them in clear. */
    public record Sealed(String nationalIdEncrypted, String nationalIdIndex, String hardshipDetailsEncrypted) {
    }

    static Beneficiary register(UUID orgId, BeneficiaryKind kind, UUID memberId, String name, Sealed sealed, String address,
            Integer householdSize, Set<HardshipCategory> categories, LocalDate on, String by) {
        Beneficiary b = new Beneficiary();
        b.id = Ids.next();
        b.orgId = orgId;
        b.kind = kind;
        b.memberId = memberId;
        b.name = name;
        b.nationalIdEncrypted = sealed.nationalIdEncrypted();
        b.nationalIdIndex = sealed.nationalIdIndex();
        b.hardshipDetailsEncrypted = sealed.hardshipDetailsEncrypted();
        b.address = address;
        b.householdSize = householdSize;
        b.categories = categories.isEmpty() ? EnumSet.noneOf(HardshipCategory.class) : EnumSet.copyOf(categories);
        b.status = BeneficiaryStatus.ACTIVE;
        b.registeredOn = on;
        b.registeredBy = by;
        return b;
    }

    /** Corrects what the branch knows of the household; the identity (kind, member, name, ID) stays. */
    void update(String newAddress, Integer newHouseholdSize, Set<HardshipCategory> newCategories,
            String newHardshipDetailsEncrypted) {
        address = newAddress;
        householdSize = newHouseholdSize;
        categories.clear();
        categories.addAll(newCategories);
        hardshipDetailsEncrypted = newHardshipDetailsEncrypted;
    }

    public UUID id() {
        return id;
    }

    public UUID orgId() {
        return orgId;
    }

    public BeneficiaryKind kind() {
        return kind;
    }

    public UUID memberId() {
        return memberId;
    }

    public String name() {
        return name;
    }

    public String nationalIdEncrypted() {
        return nationalIdEncrypted;
    }

    public String hardshipDetailsEncrypted() {
        return hardshipDetailsEncrypted;
    }

    public String address() {
        return address;
    }

    public Integer householdSize() {
        return householdSize;
    }

    public Set<HardshipCategory> categories() {
        return EnumSet.copyOf(categories.isEmpty() ? EnumSet.noneOf(HardshipCategory.class) : categories);
    }

    public BeneficiaryStatus status() {
        return status;
    }

    public LocalDate registeredOn() {
        return registeredOn;
    }

    public long version() {
        return version;
    }
}
