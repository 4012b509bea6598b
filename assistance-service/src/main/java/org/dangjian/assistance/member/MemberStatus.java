package org.dangjian.assistance.member;

/** Where a member stands as this service knows it from member-service's events. */
public enum MemberStatus {
    /** A member of a branch on the platform. */
    ACTIVE,
    /** Transferred to an organization outside the platform (member.transferred with toOrgId null). */
    LEFT_PLATFORM,
    /** Membership ended (member.ended: DECEASED, WITHDRAWN, REMOVED, EXPELLED). */
    ENDED
}
