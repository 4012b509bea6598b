package org.dangjian.member.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.dangjian.member.transfer.TransferDtos.TransferView;
import org.dangjian.platform.api.audit.AuditTrail;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What becomes of open letters (issued, unanswered) when the tree changes under them, so that no letter is left
 * that nobody can answer or whose acceptance would move a member from a branch they are no longer in. Each
 * change is audited and told as the letter event of its new status ({@code member.transfer-issued} again, with
 * the new branches, for a letter that stays open).
 */
@ApplicationScoped
public class OpenLetters {

    @Inject
    TransferRepository transfers;

    @Inject
    TransferEvents events;

    @Inject
    AuditTrail audit;

    /**
     * The member moved from {@code from} to {@code to} without a letter (a split, a merge, a reassignment). Their
     * open letter now comes from {@code to}; one addressed to {@code to} has nothing left to do and is withdrawn.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void memberMoved(UUID memberId, UUID from, UUID to, LocalDate today) {
        transfers.openOf(memberId).filter(t -> from.equals(t.fromOrgId())).ifPresent(letter -> {
            TransferView before = TransferView.of(letter);
            if (to.equals(letter.toOrgId())) {
                letter.cancel(today, AuditTrail.SYSTEM, "成员已随党组织调整转入接收党组织");
                changed("TRANSFER_CANCELLED", before, letter);
            } else {
                letter.reissueFrom(to);
                changed("TRANSFER_REISSUED", before, letter);
            }
        });
    }

    /**
     * The receiving branch was merged into the survivor: the survivor answers its open letters. A letter from the
     * survivor itself would now go nowhere and is withdrawn.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void receiverMerged(UUID absorbed, UUID survivor, LocalDate today) {
        for (Transfer letter : transfers.openTo(absorbed)) {
            TransferView before = TransferView.of(letter);
            if (survivor.equals(letter.fromOrgId())) {
                letter.cancel(today, AuditTrail.SYSTEM, "接收党组织已并入本党组织");
                changed("TRANSFER_CANCELLED", before, letter);
            } else {
                letter.redirectTo(survivor);
                changed("TRANSFER_REDIRECTED", before, letter);
            }
        }
    }

    /**
     * The receiving branch was dissolved without a survivor: nobody can accept its open letters, so they are returned
     * (退回) to the issuing branch, whose member stays there and may get a new letter to another branch. Letters the
     * dissolved branch issued stay open: accepting one gives its member a branch again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void receiverDissolved(UUID dissolved, LocalDate dissolvedOn, LocalDate today) {
        for (Transfer letter : transfers.openTo(dissolved)) {
            TransferView before = TransferView.of(letter);
            letter.reject(today, AuditTrail.SYSTEM, "接收党组织已于 " + dissolvedOn + " 撤销");
            changed("TRANSFER_REJECTED", before, letter);
        }
    }

    private void changed(String action, TransferView before, Transfer letter) {
        transfers.flush();
        audit.write(action, TransferService.AUDIT_TARGET, letter.id(), before, TransferView.of(letter));
        events.changed(letter);
    }
}
