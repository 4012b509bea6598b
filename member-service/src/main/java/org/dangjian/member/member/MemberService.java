package org.dangjian.member.member;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.dangjian.member.common.ItemsRefused;
import org.dangjian.platform.api.list.Cursor;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.dangjian.platform.api.list.SortOrder;
import org.dangjian.member.config.MemberRules;
import org.dangjian.member.event.MemberEvents;
import org.dangjian.member.member.MemberDtos.CorrectMember;
import org.dangjian.member.member.MemberDtos.MemberView;
import org.dangjian.member.member.MemberDtos.RegisterMember;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.audit.AuditTrail;
import org.dangjian.platform.api.pii.Masking;
import org.dangjian.platform.api.pii.NationalIdNumber;
import org.dangjian.platform.api.pii.PersonalDataProtection;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.api.scope.Scope;
import org.dangjian.platform.orgtree.Organizations;
import org.hibernate.exception.ConstraintViolationException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Member records (党员档案): registration, correction, reading and search, with personal data protected. */
@ApplicationScoped
public class MemberService {

    public static final String AUDIT_TARGET = "member";
    public static final String REGISTERED_ACTION = "MEMBER_REGISTERED";

    @Inject
    MemberRepository members;

    @Inject
    MemberAccess access;

    @Inject
    MaskedMemberReads maskedReads;

    @Inject
    Branches branches;

    @Inject
    PersonalDataProtection pii;

    @Inject
    AuditTrail audit;

    @Inject
    MemberEvents events;

    @Inject
    MemberRules rules;

    @Inject
    BusinessClock clock;

    @Inject
    CallerScope scope;

    @Inject
    Organizations organizations;

    @Transactional
    public MemberView register(RegisterMember r) {
        return doRegister(r);
    }

    /**
     * A registration that passed every rule of {@link #register} except the uniqueness of its national
     * ID, with its personal data normalized but not yet sealed: what a bulk import checks row by row
     * before it writes all good rows at once.
     */
    public record Admitted(PersonalDetails details, String nationalId, String phone, UUID orgId, MemberStage stage,
            StageDates dates, LocalDate registeredOn) {
    }

    /** National ID and phone sealed (ciphertext + blind index); the phone may be null. */
    public record Sealed(SealedValue nationalId, SealedValue phone) {
    }

    /**
     * Every rule of registration that needs no write: the branch in the caller's scope, the group of
     * that branch, the birth date against the ID, a registrable stage with consistent dates, the
     * applicant's age. Throws the same {@link DomainException} as {@link #register}.
     */
    public Admitted admit(RegisterMember r) {
        branches.requireInScope(r.orgId());
        branches.requireGroupOf(r.groupId(), r.orgId());
        String nationalId = NationalIdNumber.normalize(r.nationalId());
        LocalDate birthDate = birthDateOf(nationalId, r.birthDate());
        LocalDate today = clock.today();
        if (!r.stage().isLive()) {
            throw DomainException.unprocessable("MEMBER_STAGE_NOT_REGISTRABLE", r.stage());
        }
        StageDates dates = r.dates();
        dates.requireConsistentWith(r.stage(), today);
        requireOfAgeAtApplication(birthDate, dates.appliedOn());
        PersonalDetails details = new PersonalDetails(r.name().strip(), r.gender(), r.ethnicity(), birthDate, r.education(),
                r.category(), r.workUnit(), r.groupId(), r.grid());
        return new Admitted(details, nationalId, r.phone() == null ? null : r.phone().strip(), r.orgId(), r.stage(), dates, today);
    }

    public Sealed seal(Admitted a) {
        return seal(a, nationalIdIndex(a));
    }

    /** The blind index of the national ID, which a bulk import checks before it seals anything (thread-safe). */
    public String nationalIdIndex(Admitted a) {
        return pii.blindIndex(a.nationalId());
    }

    /** Thread-safe: a bulk import seals its rows off the request thread. */
    public Sealed seal(Admitted a, String nationalIdIndex) {
        return new Sealed(new SealedValue(pii.encrypt(a.nationalId()), nationalIdIndex), sealPhone(a.phone()));
    }

    /** The new record of an admitted registration, not yet persisted. */
    public static Member newMember(String memberNumber, Admitted a, Sealed sealed) {
        return Member.register(memberNumber, a.details(), sealed.nationalId(), sealed.phone(), a.orgId(), a.stage(), a.dates(),
                a.registeredOn());
    }

    private MemberView doRegister(RegisterMember r) {
        Admitted admitted = admit(r);
        Sealed sealed = seal(admitted);
        if (members.nationalIdTaken(sealed.nationalId().blindIndex())) {
            throw DomainException.conflict("MEMBER_NATIONAL_ID_TAKEN");
        }
        Member member = newMember(members.nextMemberNumber(), admitted, sealed);
        try {
            members.persistAndFlush(member);
        } catch (ConstraintViolationException e) {
            // Another registration of the same person committed between the check and the insert.
            throw DomainException.conflict("MEMBER_NATIONAL_ID_TAKEN");
        }
        audit.write(REGISTERED_ACTION, AUDIT_TARGET, member.id(), null, snapshot(member, admitted.nationalId(), admitted.phone()));
        events.registered(member);
        return maskedView(member);
    }

    @Transactional
    public MemberView correct(UUID id, CorrectMember c, Long expectedVersion) {
        Member member = access.visible(id);
        if (access.isSelfServiceOnly()) {
            requireSelfEditable(c);
        } else if (!c.others().isEmpty()) {
            List<String> unknown = fieldNames(c.others().keySet());
            throw new ItemsRefused(422, "MEMBER_FIELD_NOT_CORRECTABLE",
                    unknown.stream().map(f -> new ItemsRefused.Item(f, "MEMBER_FIELD_NOT_CORRECTABLE", f)).toList(),
                    String.join(", ", unknown));
        }
        requireVersion(member, expectedVersion);
        Snapshot before = snapshot(member);
        PersonalDetails d = member.details();
        UUID groupId = c.groupId() != null ? c.groupId() : d.groupId();
        if (!Objects.equals(groupId, d.groupId())) {
            branches.requireGroupOf(groupId, member.orgId());
        }
        LocalDate birthDate = c.birthDate() != null ? c.birthDate() : d.birthDate();
        if (c.nationalId() != null) {
            String nationalId = NationalIdNumber.normalize(c.nationalId());
            SealedValue sealed = sealNationalId(nationalId);
            if (!sealed.blindIndex().equals(member.nationalIdIndex())) {
                if (members.nationalIdTaken(sealed.blindIndex())) {
                    throw DomainException.conflict("MEMBER_NATIONAL_ID_TAKEN");
                }
                member.identify(sealed);
            }
            birthDate = birthDateOf(nationalId, c.birthDate());
        } else if (c.birthDate() != null) {
            birthDateOf(pii.decrypt(member.sealedNationalId()), c.birthDate());
        }
        if (c.phone() != null) {
            member.reachAt(sealPhone(c.phone()));
        }
        member.describe(new PersonalDetails(c.name() != null ? c.name().strip() : d.name(),
                c.gender() != null ? c.gender() : d.gender(),
                c.ethnicity() != null ? c.ethnicity() : d.ethnicity(),
                birthDate,
                c.education() != null ? c.education() : d.education(),
                c.category() != null ? c.category() : d.category(),
                c.workUnit() != null ? c.workUnit() : d.workUnit(),
                groupId,
                c.grid() != null ? c.grid() : d.grid()));
        try {
            members.flush();
        } catch (ConstraintViolationException e) {
            throw DomainException.conflict("MEMBER_NATIONAL_ID_TAKEN");
        }
        audit.write("MEMBER_CORRECTED", AUDIT_TARGET, member.id(), before, snapshot(member));
        events.updated(member);
        return maskedView(member);
    }

    /**
     * One record as the caller may see it; an unmasked read is audited with its purpose. The masked read
     * (most callers) needs no transaction and no entity: one statement with the scope check.
     */
    public MemberView read(UUID id, String purpose) {
        if (!access.seesUnmasked(id)) {
            if (access.isSelfServiceOnly()) {
                // A member sees only their own record, and that one unmasked.
                throw MemberAccess.notFound(id);
            }
            return scope.oneStatement(() -> maskedReads.anywhere(id), root -> maskedReads.within(id, root))
                    .orElseThrow(() -> MemberAccess.notFound(id));
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            Member member = access.visible(id);
            audit.unmaskedRead(AUDIT_TARGET, member.id(), member.orgId(), "nationalId,phone",
                    purpose == null ? "record view" : purpose);
            return MemberView.of(member, pii.decrypt(member.sealedNationalId()), pii.decrypt(member.sealedPhone()), false);
        });
    }

    /**
     * Lists are always masked: a full value is only shown one record at a time, and audited. Ordered by name (byte
     * order) or by the date of admission (joinedOn; not yet admitted last), then id, paged by keyset.
     */
    @Transactional
    public ListPage<MemberView> search(String nationalId, String phone, String name, MemberStage stage, UUID orgId,
            Boolean needsBranch, ListQuery query) {
        SortOrder order = query.sort("name", "-name", "joinedOn", "-joinedOn");
        var after = query.after();
        String namePrefix = name == null || name.isBlank() ? null : name.strip();
        String nidIndex = null;
        if (nationalId != null) {
            if (!NationalIdNumber.isValid(nationalId)) {
                throw DomainException.badRequest("MEMBER_SEARCH_NATIONAL_ID_INVALID");
            }
            nidIndex = pii.blindIndex(NationalIdNumber.normalize(nationalId));
        }
        String phoneIndex = phone == null ? null : pii.blindIndex(phone.strip());
        Scope searched = orgId == null ? scope.get() : subtreeOf(orgId);
        var criteria = new MemberRepository.Criteria(searched.orgCondition("m.org_id", "org_unit"), nidIndex,
                phoneIndex, namePrefix, stage, needsBranch);
        List<Member> rows = members.search(criteria, order, after, query.limit());
        return ListPage.of(rows, query, m -> order.is("joinedOn")
                ? Cursor.at(m.dates().admittedOn() == null ? LocalDate.of(9999, 12, 31) : m.dates().admittedOn(), m.id())
                : Cursor.at(m.name(), m.id())).map(this::maskedView);
    }

    /** The subtree of an organization in the caller's scope (a dissolved one too), else 404 as if it did not exist. */
    private Scope subtreeOf(UUID orgId) {
        return Scope.within(orgId, organizations.requireInScope(orgId).path());
    }

    public MemberView maskedView(Member member) {
        return MemberView.of(member, Masking.nationalId(pii.decrypt(member.sealedNationalId())),
                Masking.phone(pii.decrypt(member.sealedPhone())), true);
    }

    /** The audit copy of a record: personal data masked. */
    public Snapshot snapshot(Member m) {
        return snapshot(m, pii.decrypt(m.sealedNationalId()), pii.decrypt(m.sealedPhone()));
    }

    /** The audit copy of a record whose national ID and phone the caller still holds in plain: nothing to decrypt. */
    public static Snapshot snapshot(Member m, String nationalId, String phone) {
        PersonalDetails d = m.details();
        return new Snapshot(m.memberNumber(), d.name(), d.gender(), d.ethnicity(), d.birthDate(),
                Masking.nationalId(nationalId), Masking.phone(phone),
                d.education(), d.category(), d.workUnit(), m.orgId(), d.groupId(), d.grid(), m.stage(), m.branchDissolvedOn(),
                m.version());
    }

    public record Snapshot(String memberNumber, String name, Gender gender, String ethnicity, LocalDate birthDate,
            String nationalId, String phone, Education education, MemberCategory category, String workUnit, UUID orgId,
            UUID groupId, String grid, MemberStage stage, LocalDate branchDissolvedOn, long version) {
    }

    void requireOfAgeAtApplication(LocalDate birthDate, LocalDate appliedOn) {
        int minimum = rules.registration().minimumApplicantAge();
        if (appliedOn != null && appliedOn.isBefore(birthDate.plusYears(minimum))) {
            throw DomainException.unprocessable("MEMBER_APPLICANT_UNDER_AGE", minimum, appliedOn);
        }
    }

    /** A member editing their own record may change only the configured fields; naming any other is refused whole. */
    private void requireSelfEditable(CorrectMember c) {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("name", c.name());
        given.put("gender", c.gender());
        given.put("ethnicity", c.ethnicity());
        given.put("birthDate", c.birthDate());
        given.put("nationalId", c.nationalId());
        given.put("phone", c.phone());
        given.put("education", c.education());
        given.put("category", c.category());
        given.put("workUnit", c.workUnit());
        given.put("groupId", c.groupId());
        given.put("grid", c.grid());
        Set<String> editable = rules.selfService().editableFields();
        List<String> refused = new ArrayList<>(given.entrySet().stream()
                .filter(e -> e.getValue() != null && !editable.contains(e.getKey())).map(Map.Entry::getKey).toList());
        // Fields the record does not have (orgId, stage, memberNumber) are no more the member's to change.
        refused.addAll(fieldNames(c.others().keySet()));
        if (!refused.isEmpty()) {
            String allowed = String.join(", ", editable);
            throw new ItemsRefused(422, "MEMBER_FIELD_NOT_SELF_EDITABLE",
                    refused.stream().map(f -> new ItemsRefused.Item(f, "MEMBER_FIELD_NOT_SELF_EDITABLE", f, allowed)).toList(),
                    String.join(", ", refused), allowed);
        }
    }

    /** The names a caller sent, as far as an answer repeats them: sorted, at most 20, each at most 64 characters. */
    private static List<String> fieldNames(Set<String> names) {
        return names.stream().sorted().limit(20).map(n -> n.length() > 64 ? n.substring(0, 64) : n).toList();
    }

    private static void requireVersion(Member member, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != member.version()) {
            throw new DomainException(412, "MEMBER_VERSION_STALE", member.version());
        }
    }

    /** The birth date is part of the ID number; a separately given one must agree with it. */
    private static LocalDate birthDateOf(String nationalId, LocalDate given) {
        LocalDate fromId = NationalIdNumber.birthDate(nationalId).orElseThrow();
        if (given != null && !given.equals(fromId)) {
            throw DomainException.unprocessable("MEMBER_BIRTH_DATE_MISMATCH", given);
        }
        return fromId;
    }

    private SealedValue sealNationalId(String normalized) {
        return new SealedValue(pii.encrypt(normalized), pii.blindIndex(normalized));
    }

    private SealedValue sealPhone(String phone) {
        if (phone == null) {
            return null;
        }
        String normalized = phone.strip();
        return new SealedValue(pii.encrypt(normalized), pii.blindIndex(normalized));
    }
}
