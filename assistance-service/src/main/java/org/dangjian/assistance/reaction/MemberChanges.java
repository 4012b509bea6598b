package org.dangjian.assistance.reaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.dangjian.assistance.member.MemberCopy;
import org.dangjian.assistance.member.MemberEvent;
import org.dangjian.assistance.pairing.PairingEndings;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a batch of member events changes here, in one transaction, in the events' order: the member copy; a
 * transferred member's beneficiary records and open cases ({@link MemberTransfers}); the pairings of a member who
 * left their beneficiary's organization, the platform or the Party ({@link PairingEndings}). A MEMBER beneficiary
 * whose membership ended keeps their record and open cases with their branch: the beneficiary shows
 * {@code memberStatus} ENDED, and the branch decides (close the case, or go on helping the family).
 */
@ApplicationScoped
public class MemberChanges {

    @Inject
    MemberCopy copy;

    @Inject
    MemberTransfers transfers;

    @Inject
    PairingEndings pairings;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<MemberEvent> events) {
        Set<UUID> moved = copy.apply(events);
        List<MemberTransfers.Transfer> transferred = new ArrayList<>();
        List<PairingEndings.Trigger> endings = new ArrayList<>();
        for (MemberEvent e : events) {
            if (e.type() == MemberEvent.Type.TRANSFERRED) {
                transferred.add(new MemberTransfers.Transfer(e.eventId(), e.memberId(), e.orgId(), e.version()));
            }
            PairingEndings.Trigger ending = ending(e, moved.contains(e.eventId()));
            if (ending != null) {
                endings.add(ending);
            }
        }
        if (!transferred.isEmpty()) {
            transfers.apply(transferred);
        }
        pairings.apply(endings);
    }

    /** An end of membership ends pairings whenever it arrives; a transfer only when it is the member's latest move. */
    private static PairingEndings.Trigger ending(MemberEvent e, boolean latestMove) {
        if (e.type() == MemberEvent.Type.ENDED) {
            return new PairingEndings.Trigger(e.eventId(), e.memberId(), null, e.on(), PairingEndings.MEMBER_ENDED);
        }
        if (!latestMove) {
            return null;
        }
        if (e.leftPlatform()) {
            return new PairingEndings.Trigger(e.eventId(), e.memberId(), null, e.on(), PairingEndings.MEMBER_LEFT_PLATFORM);
        }
        if (e.transferByLetter()) {
            return new PairingEndings.Trigger(e.eventId(), e.memberId(), e.orgId(), e.on(), PairingEndings.MEMBER_TRANSFERRED);
        }
        return null;
    }
}
