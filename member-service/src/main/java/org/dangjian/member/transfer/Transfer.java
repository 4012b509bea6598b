package org.dangjian.member.transfer;

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

/**
 * A transfer of organizational relationship (组织关系转接): the introduction letter, its validity
 * and the one answer it gets. Each transition checks {@link TransferStatus#mayBecome} and records
 * who decided, when and why.
 */
@Entity
@Table(name = "transfer")
public class Transfer {

    @Id
    private UUID id;

    @Column(name = "letter_number", nullable = false, unique = true)
    private String letterNumber;

    @Column(name = "member_id", nullable = false)
    private UUID memberId;

    /** Shown to the receiving branch, which cannot read the member's record before accepting. */
    @Column(name = "member_name", nullable = false)
    private String memberName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TransferKind kind;

    @Column(name = "from_org_id")
    private UUID fromOrgId;

    @Column(name = "to_org_id")
    private UUID toOrgId;

    /** The organization outside the platform the letter goes to or comes from. */
    @Column(name = "outside_organization")
    private String outsideOrganization;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TransferStatus status;

    @Column(name = "issued_on", nullable = false)
    private LocalDate issuedOn;

    /** Last day the letter may be answered. */
    @Column(name = "valid_until", nullable = false)
    private LocalDate validUntil;

    @Column(name = "issued_by", nullable = false)
    private String issuedBy;

    private String note;

    @Column(name = "decided_on")
    private LocalDate decidedOn;

    @Column(name = "decided_by")
    private String decidedBy;

    private String reason;

    @Version
    private long version;

    protected Transfer() {
    }

    /** 开具介绍信 for a member of a branch, to another branch ({@code toOrgId}) or to an outside organization. */
    public static Transfer issue(String letterNumber, UUID memberId, String memberName, UUID fromOrgId, UUID toOrgId,
            String outsideOrganization, LocalDate issuedOn, int validityDays, String issuedBy, String note) {
        Transfer t = new Transfer();
        t.id = Ids.next();
        t.letterNumber = letterNumber;
        t.memberId = memberId;
        t.memberName = memberName;
        t.kind = toOrgId != null ? TransferKind.WITHIN : TransferKind.OUTGOING;
        t.fromOrgId = fromOrgId;
        t.toOrgId = toOrgId;
        t.outsideOrganization = outsideOrganization;
        t.status = TransferStatus.ISSUED;
        t.issuedOn = issuedOn;
        t.validUntil = issuedOn.plusDays(validityDays);
        t.issuedBy = issuedBy;
        t.note = note;
        return t;
    }

    /** 从系统外转入: the receiving branch records a letter from outside and accepts it in one step. */
    public static Transfer received(String letterNumber, UUID memberId, String memberName, UUID toOrgId,
            String outsideOrganization, LocalDate issuedOn, LocalDate receivedOn, String receivedBy, String note) {
        Transfer t = new Transfer();
        t.id = Ids.next();
        t.letterNumber = letterNumber;
        t.memberId = memberId;
        t.memberName = memberName;
        t.kind = TransferKind.INCOMING;
        t.toOrgId = toOrgId;
        t.outsideOrganization = outsideOrganization;
        t.status = TransferStatus.ACCEPTED;
        t.issuedOn = issuedOn;
        t.validUntil = receivedOn;
        t.issuedBy = receivedBy;
        t.note = note;
        t.decidedOn = receivedOn;
        t.decidedBy = receivedBy;
        return t;
    }

    /** 接收 (回执): refused once the letter's validity has passed. */
    public void accept(LocalDate on, String by) {
        requireMayBecome(TransferStatus.ACCEPTED);
        if (on.isAfter(validUntil)) {
            throw DomainException.unprocessable("TRANSFER_LETTER_EXPIRED", letterNumber, validUntil);
        }
        if (on.isBefore(issuedOn)) {
            throw DomainException.unprocessable("TRANSFER_ANSWER_BEFORE_ISSUE", on, issuedOn);
        }
        move(TransferStatus.ACCEPTED, on, by, null);
    }

    /** 退回, with the reason the receiving side gives. */
    public void reject(LocalDate on, String by, String reason) {
        move(TransferStatus.REJECTED, on, by, reason);
    }

    /** 撤回 by the issuing branch while unanswered. */
    public void cancel(LocalDate on, String by, String reason) {
        move(TransferStatus.CANCELLED, on, by, reason);
    }

    /**
     * The member moved without a letter (a split, a merge, a reassignment) while this letter was open: the branch
     * they now belong to issues it in place of the old one.
     */
    public void reissueFrom(UUID branchId) {
        requireOpen();
        this.fromOrgId = branchId;
    }

    /** The receiving branch was merged into another (合并): the survivor answers the letter in its place. */
    public void redirectTo(UUID branchId) {
        requireOpen();
        this.toOrgId = branchId;
    }

    private void requireOpen() {
        if (status != TransferStatus.ISSUED) {
            throw DomainException.conflict("TRANSFER_NOT_OPEN", letterNumber, status);
        }
    }

    /** Unanswered after its last valid day. */
    public void expire(LocalDate today) {
        if (!today.isAfter(validUntil)) {
            throw new IllegalStateException("letter " + letterNumber + " is still valid on " + today);
        }
        move(TransferStatus.EXPIRED, today, "system", "unanswered by " + validUntil);
    }

    private void move(TransferStatus next, LocalDate on, String by, String why) {
        requireMayBecome(next);
        this.status = next;
        this.decidedOn = on;
        this.decidedBy = by;
        this.reason = why;
    }

    private void requireMayBecome(TransferStatus next) {
        if (!status.mayBecome(next)) {
            throw DomainException.conflict("TRANSFER_NOT_OPEN", letterNumber, status);
        }
    }

    public UUID id() {
        return id;
    }

    public String letterNumber() {
        return letterNumber;
    }

    public UUID memberId() {
        return memberId;
    }

    public String memberName() {
        return memberName;
    }

    public TransferKind kind() {
        return kind;
    }

    public UUID fromOrgId() {
        return fromOrgId;
    }

    public UUID toOrgId() {
        return toOrgId;
    }

    public String outsideOrganization() {
        return outsideOrganization;
    }

    public TransferStatus status() {
        return status;
    }

    public LocalDate issuedOn() {
        return issuedOn;
    }

    public LocalDate validUntil() {
        return validUntil;
    }

    public String issuedBy() {
        return issuedBy;
    }

    public String note() {
        return note;
    }

    public LocalDate decidedOn() {
        return decidedOn;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public String reason() {
        return reason;
    }

    public long version() {
        return version;
    }
}
