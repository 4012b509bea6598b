package org.dangjian.member.member;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dangjian.platform.api.Ids;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A member record (党员档案). National ID and phone are held only sealed (ciphertext + blind index):
 * the service layer seals and opens them, this entity never sees plaintext.
 */
@Entity
@Table(name = "member")
public class Member {

    @Id
    private UUID id;

    @Column(name = "member_number", nullable = false, unique = true)
    private String memberNumber;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Gender gender;

    /** GB/T 3304 code, e.g. {@code 01} 汉族. */
    @Column(nullable = false)
    private String ethnicity;

    @Column(name = "birth_date", nullable = false)
    private LocalDate birthDate;

    @Column(name = "national_id", nullable = false)
    private String nationalId;

    @Column(name = "national_id_index", nullable = false)
    private String nationalIdIndex;

    private String phone;

    @Column(name = "phone_index")
    private String phoneIndex;

    @Enumerated(EnumType.STRING)
    private Education education;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MemberCategory category;

    @Column(name = "work_unit")
    private String workUnit;

    /** The branch (党支部, joint or temporary branch) the member belongs to. */
    @Column(name = "org_id", nullable = false)
    private UUID orgId;

    @Column(name = "group_id")
    private UUID groupId;

    private String grid;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MemberStage stage;

    @Column(name = "applied_on")
    private LocalDate appliedOn;

    @Column(name = "activist_on")
    private LocalDate activistOn;

    @Column(name = "candidate_on")
    private LocalDate candidateOn;

    @Column(name = "admitted_on")
    private LocalDate admittedOn;

    @Column(name = "full_on")
    private LocalDate fullOn;

    @Column(name = "registered_on", nullable = false)
    private LocalDate registeredOn;

    /** Set when the member transferred to an organization outside the platform (转出系统外). */
    @Column(name = "transferred_out_on")
    private LocalDate transferredOutOn;

    /**
     * Set when the member's branch was dissolved while they were still in it (organization.dissolved
     * without a survivor): the member "needs a branch" until a reassignment or a transfer moves them.
     */
    @Column(name = "branch_dissolved_on")
    private LocalDate branchDissolvedOn;

    @Column(name = "probation_extension_months", nullable = false)
    private int probationExtensionMonths;

    @Column(name = "ended_on")
    private LocalDate endedOn;

    @Column(name = "end_reason")
    private String endReason;

    @Version
    private long version;

    protected Member() {
    }

    /** 建档: a new record in a branch, at the stage (and with the dates) its files show. */
    public static Member register(String memberNumber, PersonalDetails details, SealedValue nationalId, SealedValue phone,
            UUID branchId, MemberStage stage, StageDates dates, LocalDate registeredOn) {
        Member member = new Member();
        member.id = Ids.next();
        member.memberNumber = memberNumber;
        member.describe(details);
        member.identify(nationalId);
        member.reachAt(phone);
        member.orgId = branchId;
        member.stage = stage;
        member.date(dates);
        member.registeredOn = registeredOn;
        return member;
    }

    /** Corrects the descriptive fields of the record (not its branch or stage: those have their own procedures). */
    public void describe(PersonalDetails details) {
        this.name = details.name();
        this.gender = details.gender();
        this.ethnicity = details.ethnicity();
        this.birthDate = details.birthDate();
        this.education = details.education();
        this.category = details.category();
        this.workUnit = details.workUnit();
        this.groupId = details.groupId();
        this.grid = details.grid();
    }

    public void identify(SealedValue nationalId) {
        this.nationalId = nationalId.ciphertext();
        this.nationalIdIndex = nationalId.blindIndex();
    }

    public void reachAt(SealedValue phone) {
        this.phone = phone == null ? null : phone.ciphertext();
        this.phoneIndex = phone == null ? null : phone.blindIndex();
    }

    /**
     * Moves the member to another branch (an accepted transfer, a reassignment); the group belongs to the old
     * branch. A member who needed a branch has one again.
     */
    public void moveTo(UUID branchId) {
        this.orgId = branchId;
        this.groupId = null;
        this.branchDissolvedOn = null;
    }

    /** Moves the member with their group (党小组), which now lies under another branch (a split, a merge). */
    public void followGroupTo(UUID branchId) {
        this.orgId = branchId;
        this.branchDissolvedOn = null;
    }

    /** The member's relationship went to an organization outside the platform; the record stays, marked. */
    public void transferOut(LocalDate on) {
        this.transferredOutOn = on;
        this.branchDissolvedOn = null;
    }

    /** The member's branch was dissolved on that day while they were in it: they need a branch. */
    public void branchDissolved(LocalDate on) {
        this.branchDissolvedOn = on;
    }

    /** Flagged since their branch was dissolved; any move, transfer out or end of membership clears it. */
    public boolean needsBranch() {
        return branchDissolvedOn != null;
    }

    public LocalDate branchDissolvedOn() {
        return branchDissolvedOn;
    }

    /** The member's party group (党小组) was dissolved: they belong to no group of the branch. */
    public void leaveGroup() {
        this.groupId = null;
    }

    /** Whether the record still belongs to a branch of the platform. */
    public boolean isHere() {
        return transferredOutOn == null;
    }

    public LocalDate transferredOutOn() {
        return transferredOutOn;
    }

    /** Records reaching the next live stage on a date (the caller has checked the rules). */
    public void enter(MemberStage next, LocalDate on) {
        if (!stage.mayBecome(next) || !next.isLive()) {
            throw new IllegalStateException(stage + " cannot become " + next);
        }
        this.stage = next;
        date(dates().with(next, on));
    }

    /** Membership ends (去世, 退党, 除名, 开除党籍) on a date, for a reason. */
    public void end(MemberStage endType, LocalDate on, String reason) {
        if (endType.isLive() || !stage.mayBecome(endType)) {
            throw new IllegalStateException(stage + " cannot end as " + endType);
        }
        this.stage = endType;
        this.endedOn = on;
        this.endReason = reason;
        // An ended membership needs no branch any more.
        this.branchDissolvedOn = null;
    }

    /** 延长预备期 by whole months. */
    public void extendProbation(int months) {
        this.probationExtensionMonths = months;
    }

    /** The last day of probation is the day before this one: conversion is possible from it on. */
    public LocalDate probationEndsOn(java.time.Period probation) {
        return admittedOn == null ? null : admittedOn.plus(probation).plusMonths(probationExtensionMonths);
    }

    public int probationExtensionMonths() {
        return probationExtensionMonths;
    }

    public LocalDate endedOn() {
        return endedOn;
    }

    public String endReason() {
        return endReason;
    }

    private void date(StageDates dates) {
        this.appliedOn = dates.appliedOn();
        this.activistOn = dates.activistOn();
        this.candidateOn = dates.candidateOn();
        this.admittedOn = dates.admittedOn();
        this.fullOn = dates.fullOn();
    }

    public PersonalDetails details() {
        return new PersonalDetails(name, gender, ethnicity, birthDate, education, category, workUnit, groupId, grid);
    }

    public StageDates dates() {
        return new StageDates(appliedOn, activistOn, candidateOn, admittedOn, fullOn);
    }

    public UUID id() {
        return id;
    }

    public String memberNumber() {
        return memberNumber;
    }

    public String name() {
        return name;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public MemberCategory category() {
        return category;
    }

    /** The sealed national ID (ciphertext). */
    public String sealedNationalId() {
        return nationalId;
    }

    public String nationalIdIndex() {
        return nationalIdIndex;
    }

    public String phoneIndex() {
        return phoneIndex;
    }

    /** The sealed phone (ciphertext), or null. */
    public String sealedPhone() {
        return phone;
    }

    public UUID orgId() {
        return orgId;
    }

    public UUID groupId() {
        return groupId;
    }

    public MemberStage stage() {
        return stage;
    }

    public LocalDate registeredOn() {
        return registeredOn;
    }

    public long version() {
        return version;
    }
}
