package org.dangjian.member.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dangjian.member.event.MemberEvents;
import org.dangjian.platform.messaging.Outbox;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A letter's life before and besides its acceptance (which is {@code member.transferred}), so other
 * services can show transfers in flight. Keyed by the member, like every member event, so a member's
 * letter events and their transfer stay in order. The reason of a rejection or withdrawal is free text
 * and stays here: readers ask member-service for it. {@code transferVersion}, not {@code version}: consumers
 * of member events read {@code version} as the member's.
 */
@ApplicationScoped
public class TransferEvents {

    public static final String ISSUED = "member.transfer-issued";
    public static final String REJECTED = "member.transfer-rejected";
    public static final String CANCELLED = "member.transfer-cancelled";
    public static final String EXPIRED = "member.transfer-expired";

    /** The data of every letter event: where the letter stands after the change. */
    public record Letter(UUID transferId, UUID memberId, String letterNumber, TransferKind kind, TransferStatus status,
            UUID fromOrgId, UUID toOrgId, String outsideOrganization, LocalDate issuedOn, LocalDate validUntil,
            LocalDate decidedOn, long transferVersion) {

        static Letter of(Transfer t) {
            return new Letter(t.id(), t.memberId(), t.letterNumber(), t.kind(), t.status(), t.fromOrgId(), t.toOrgId(),
                    t.outsideOrganization(), t.issuedOn(), t.validUntil(), t.decidedOn(), t.version());
        }
    }

    @Inject
    Outbox outbox;

    /** Call after the change is flushed, so the version is the stored one. */
    public void changed(Transfer t) {
        String type = switch (t.status()) {
            case ISSUED -> ISSUED;
            case REJECTED -> REJECTED;
            case CANCELLED -> CANCELLED;
            case EXPIRED -> EXPIRED;
            // Acceptance moves the member: member.transferred says so.
            case ACCEPTED -> throw new IllegalStateException("accepted letters publish member.transferred");
        };
        outbox.publish(MemberEvents.TOPIC, type, t.memberId(), Letter.of(t));
    }
}
