package org.dangjian.member.transfer;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TransferRepository implements PanacheRepositoryBase<Transfer, UUID> {

    /** Which letters of a branch a list shows. */
    public enum Direction {
        /** letters addressed to the branch */
        INCOMING,
        /** letters the branch issued */
        OUTGOING,
        /** letters of the branch, either way, left unanswered past their validity */
        OVERDUE
    }

    public Optional<Transfer> byId(UUID id) {
        return findByIdOptional(id);
    }

    public boolean letterNumberTaken(String letterNumber) {
        return count("letterNumber", letterNumber) > 0;
    }

    public boolean hasOpenTransfer(UUID memberId) {
        return count("memberId = ?1 and status = ?2", memberId, TransferStatus.ISSUED) > 0;
    }

    /** The member's open letter, if any (at most one: transfer_one_open_per_member). */
    public Optional<Transfer> openOf(UUID memberId) {
        return find("memberId = ?1 and status = ?2", memberId, TransferStatus.ISSUED).firstResultOptional();
    }

    /** Open letters addressed to a branch of the platform, in id order. */
    public List<Transfer> openTo(UUID branchId) {
        return list("toOrgId = ?1 and status = ?2 order by id", branchId, TransferStatus.ISSUED);
    }

    public String nextLetterNumber(int year) {
        Number next = (Number) getEntityManager().createNativeQuery("select nextval('transfer_letter_seq')").getSingleResult();
        return "ZJ%d-%06d".formatted(year, next.longValue());
    }

    /** Open letters whose last valid day is before {@code today}. */
    public List<Transfer> openPast(LocalDate today) {
        return list("status = ?1 and validUntil < ?2 order by id", TransferStatus.ISSUED, today);
    }
}
