package org.dangjian.assistance.beneficiary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.dangjian.assistance.beneficiary.BeneficiaryDtos.BeneficiaryView;
import org.dangjian.assistance.beneficiary.BeneficiaryDtos.RegisterBeneficiary;
import org.dangjian.assistance.beneficiary.BeneficiaryDtos.UpdateBeneficiary;
import org.dangjian.assistance.common.Subtrees;
import org.dangjian.platform.api.list.Cursor;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.dangjian.platform.api.list.SortOrder;
import org.dangjian.assistance.member.MemberCopy;
import org.dangjian.assistance.member.MemberCopy.KnownMember;
import org.dangjian.assistance.member.MemberStatus;
import org.dangjian.assistance.member.Members;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.audit.AuditTrail;
import org.dangjian.platform.api.pii.Masking;
import org.dangjian.platform.api.pii.NationalIdNumber;
import org.dangjian.platform.api.pii.PersonalDataProtection;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.api.scope.Scope;
import org.dangjian.platform.orgtree.Organizations;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class BeneficiaryService {

    static final String TARGET = "beneficiary";
    private static final String MASK = "******";

    @Inject
    Subtrees subtrees;

    @Inject
    BeneficiaryRepository beneficiaries;

    @Inject
    Organizations organizations;

    @Inject
    CallerScope scope;

    @Inject
    Members members;

    @Inject
    MemberCopy memberCopy;

    @Inject
    PersonalDataProtection protection;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    BusinessClock clock;

    @Transactional
    public BeneficiaryView register(RegisterBeneficiary request) {
        organizations.requireInScope(request.orgId());
        String nationalId = NationalIdNumber.normalize(request.nationalId());
        String index = protection.blindIndex(nationalId);
        switch (request.kind()) {
            case MEMBER -> {
                if (request.memberId() == null) {
                    throw DomainException.unprocessable("BENEFICIARY_MEMBER_ID_REQUIRED");
                }
                KnownMember member = members.requireReferable(request.memberId());
                // The record follows the member from branch to branch: it starts where they are.
                if (!member.orgId().equals(request.orgId())) {
                    throw DomainException.unprocessable("BENEFICIARY_MEMBER_NOT_IN_ORGANIZATION", request.memberId(), request.orgId());
                }
                if (beneficiaries.activeForMember(request.memberId())) {
                    throw DomainException.conflict("BENEFICIARY_MEMBER_ALREADY_REGISTERED", request.memberId());
                }
            }
            case RESIDENT -> {
                if (request.name() == null || request.name().isBlank() || nationalId == null) {
                    throw DomainException.unprocessable("BENEFICIARY_RESIDENT_IDENTITY_REQUIRED");
                }
                if (request.memberId() != null) {
                    throw DomainException.unprocessable("BENEFICIARY_RESIDENT_HAS_NO_MEMBER_ID");
                }
            }
        }
        // Also a member's ID, when given: one person is one beneficiary, however they were registered.
        if (index != null && beneficiaries.activeWithNationalId(index)) {
            throw DomainException.conflict("BENEFICIARY_ALREADY_REGISTERED", Masking.nationalId(nationalId));
        }
        Beneficiary beneficiary = Beneficiary.register(request.orgId(), request.kind(), request.memberId(),
                request.name() == null ? null : request.name().strip(),
                new Beneficiary.Sealed(protection.encrypt(nationalId), index, protection.encrypt(request.hardshipDetails())),
                request.address(), request.householdSize(), request.categories(), clock.today(), caller.subject());
        beneficiaries.persistAndFlush(beneficiary);
        BeneficiaryView view = masked(beneficiary);
        audit.write("BENEFICIARY_REGISTERED", TARGET, beneficiary.id(), null, view);
        // The registrar typed the values in: echoing them back would be an unaudited read.
        return view;
    }

    /**
     * Replaces the household facts when {@code expectedVersion} (from If-Match) is the current one;
     * 428 without it, 412 when someone changed the record since it was read.
     */
    @Transactional
    public BeneficiaryView update(UUID id, Long expectedVersion, UpdateBeneficiary request) {
        if (expectedVersion == null) {
            throw new DomainException(428, "IF_MATCH_REQUIRED");
        }
        Beneficiary beneficiary = require(id);
        if (beneficiary.version() != expectedVersion) {
            throw new DomainException(412, "BENEFICIARY_VERSION_STALE", String.valueOf(beneficiary.version()));
        }
        BeneficiaryView before = masked(beneficiary);
        beneficiary.update(request.address(), request.householdSize(), request.categories(),
                protection.encrypt(request.hardshipDetails()));
        beneficiaries.flush();
        BeneficiaryView after = masked(beneficiary);
        audit.write("BENEFICIARY_UPDATED", TARGET, id, before, after);
        return after;
    }

    /**
     * One beneficiary; unmasked (and audited) for the roles that work on cases. A member reads only
     * their own record, masked like every other reader's.
     */
    @Transactional
    public BeneficiaryView get(UUID id, String purpose) {
        Beneficiary beneficiary = actsOnlyForThemselves() ? requireOwn(id) : require(id);
        return view(beneficiary, purpose == null || purpose.isBlank() ? "case work" : purpose.strip());
    }

    /** Lists show personal data masked to everyone; open one record to see it in full (audited). */
    @Transactional
    public ListPage<BeneficiaryView> list(UUID orgId, BeneficiaryKind kind, HardshipCategory category, String nationalId,
            UUID memberId, ListQuery query) {
        SortOrder order = query.sort("registeredOn", "-registeredOn");
        Optional<Cursor> after = query.after();
        String index = nationalId == null ? null : protection.blindIndex(NationalIdNumber.normalize(nationalId));
        Scope within = subtrees.of(orgId);
        if (actsOnlyForThemselves()) {
            UUID own = caller.memberId().orElse(null);
            if (own == null || (memberId != null && !memberId.equals(own))) {
                return ListPage.complete(List.of());
            }
            // Their own record wherever it is now: it follows them when they transfer, their token may lag.
            within = orgId == null ? Scope.unrestricted() : within;
            memberId = own;
        }
        List<Beneficiary> found = beneficiaries.page(new BeneficiaryRepository.Filter(within, kind, category, index, memberId),
                order, after, query.limit());
        return maskedPage(ListPage.of(found, query, b -> Cursor.at(b.registeredOn(), b.id())));
    }

    /**
     * A caller whose only way in is their own record: the member role without a case-work or reading
     * role. Their data scope is their {@code member_id}, not an organization subtree.
     */
    public boolean actsOnlyForThemselves() {
        return scope.standing().isMemberOnly();
    }

    /** Whether the beneficiary is the calling member themselves. */
    public boolean isCallersOwn(Beneficiary beneficiary) {
        return beneficiary.kind() == BeneficiaryKind.MEMBER
                && caller.memberId().map(m -> m.equals(beneficiary.memberId())).orElse(false);
    }

    /** Whether the beneficiary with this id is the calling member themselves. */
    public boolean isCallersOwn(UUID beneficiaryId) {
        return beneficiaries.findByIdOptional(beneficiaryId).map(this::isCallersOwn).orElse(false);
    }

    /** The calling member's own record, or 404 exactly as for a missing one. */
    private Beneficiary requireOwn(UUID id) {
        return beneficiaries.findByIdOptional(id).filter(this::isCallersOwn)
                .orElseThrow(() -> DomainException.notFound("BENEFICIARY_NOT_FOUND", id));
    }

    /** The beneficiary, or 404 when missing or outside the caller's subtree. */
    public Beneficiary require(UUID id) {
        Beneficiary beneficiary = beneficiaries.findByIdOptional(id)
                .orElseThrow(() -> DomainException.notFound("BENEFICIARY_NOT_FOUND", id));
        scope.require(beneficiary.orgId(), "BENEFICIARY_NOT_FOUND", id);
        return beneficiary;
    }

    /** Hardship details unmasked (and audited) for those who work on cases: staff. */
    public boolean mayUnmask() {
        return scope.standing().isStaff();
    }

    private BeneficiaryView view(Beneficiary b, String purpose) {
        if (!mayUnmask()) {
            return masked(b);
        }
        audit.unmaskedRead(TARGET, b.id(), b.orgId(), "nationalId,hardshipDetails", purpose);
        return build(b, protection.decrypt(b.nationalIdEncrypted()), protection.decrypt(b.hardshipDetailsEncrypted()), false,
                memberStatus(b));
    }

    BeneficiaryView masked(Beneficiary b) {
        return masked(b, memberStatus(b));
    }

    /** A page of records masked, their members' statuses read in one query. */
    private ListPage<BeneficiaryView> maskedPage(ListPage<Beneficiary> found) {
        Map<UUID, MemberStatus> statuses = memberCopy.statuses(
                found.items().stream().map(Beneficiary::memberId).filter(Objects::nonNull).distinct().toList());
        return found.map(b -> masked(b, b.memberId() == null ? null : statuses.get(b.memberId())));
    }

    private BeneficiaryView masked(Beneficiary b, MemberStatus memberStatus) {
        String nationalId = b.nationalIdEncrypted() == null ? null : Masking.nationalId(protection.decrypt(b.nationalIdEncrypted()));
        return build(b, nationalId, b.hardshipDetailsEncrypted() == null ? null : MASK, true, memberStatus);
    }

    /** For a MEMBER beneficiary, where the member stands as this service knows it; null for a resident. */
    private MemberStatus memberStatus(Beneficiary b) {
        return b.memberId() == null ? null : memberCopy.find(b.memberId()).map(KnownMember::status).orElse(null);
    }

    private static BeneficiaryView build(Beneficiary b, String nationalId, String details, boolean masked,
            MemberStatus memberStatus) {
        return new BeneficiaryView(b.id(), b.orgId(), b.kind(), b.memberId(), memberStatus, b.name(), nationalId,
                b.address(), b.householdSize(), b.categories().stream().sorted().toList(), details, masked, b.status(),
                b.registeredOn(), b.version());
    }
}
