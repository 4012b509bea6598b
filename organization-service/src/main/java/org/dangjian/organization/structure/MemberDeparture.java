package org.dangjian.organization.structure;

import org.dangjian.organization.organization.Organization;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A member no longer belongs where they did (member.transferred, member.ended), fired in the
 * transaction that records it on the roster: whoever keeps roles by member id (leadership seats,
 * grids) ends those of organizations the member no longer belongs to, on the day it happened.
 *
 * @param newBranch the member's branch now; null when they left the platform or their membership ended
 * @param on        the day they no longer belonged (transferredOn, endedOn)
 * @param reason    why, as kept with each ended role
 */
public record MemberDeparture(UUID memberId, Organization newBranch, LocalDate on, String reason) {

    /**
     * Whether the member keeps their roles in {@code organization}: it is their new branch or above it
     * (a committee's seat holder who moves between two of its branches keeps the committee's seat).
     */
    public boolean keepsRolesIn(Organization organization) {
        return newBranch != null && organization.contains(newBranch);
    }

    /** The first day a role that began on {@code startedOn} is no longer held: never before it began. */
    public LocalDate endOf(LocalDate startedOn) {
        return on.isBefore(startedOn) ? startedOn : on;
    }
}
