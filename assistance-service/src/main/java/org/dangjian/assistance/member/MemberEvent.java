package org.dangjian.assistance.member;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One of member-service's events as this service reads it (the fields are the producer's, see
 * member-service/src/main/resources/events/): what it says about where the member is, their stage and
 * whether their membership ended. {@code version} is the member's version in member-service, which
 * orders one member's events.
 *
 * @param orgId     the member's branch after the event; for TRANSFERRED the receiving branch, null when the
 *                  member left the platform
 * @param stage     REGISTERED: the stage registered at; STAGE_CHANGED: the new stage; otherwise null
 * @param transferId TRANSFERRED only: the letter, null when a reorganization (split or merge of the branch)
 *                  moved the member
 * @param on        the business date: registeredOn, effectiveOn, transferredOn or endedOn
 * @param endType   ENDED only: DECEASED, WITHDRAWN, REMOVED or EXPELLED
 */
public record MemberEvent(UUID eventId, Type type, UUID memberId, long version, UUID orgId, String stage,
        UUID transferId, LocalDate on, String endType) {

    public enum Type {
        REGISTERED, STAGE_CHANGED, TRANSFERRED, ENDED
    }

    /** A transfer to an organization outside the platform. */
    public boolean leftPlatform() {
        return type == Type.TRANSFERRED && orgId == null;
    }

    /** A transfer by letter, the member's own move (not one of the whole branch, which has no letter). */
    public boolean transferByLetter() {
        return type == Type.TRANSFERRED && transferId != null;
    }
}
