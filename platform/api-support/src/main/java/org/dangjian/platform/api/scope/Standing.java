package org.dangjian.platform.api.scope;

import org.dangjian.platform.api.Caller;

import java.util.Set;

/**
 * What a caller's roles entitle them to, the strongest role deciding (ARCHITECTURE.md §4, DOMAIN.md §6). The one
 * access policy of every service:
 *
 * <ul>
 *   <li>{@link #PLATFORM_ADMIN}: everything, the whole tree ({@link Scope.Unrestricted});</li>
 *   <li>{@link #STAFF} ({@code org-admin}, {@code branch-secretary}): reads and works on the records of their
 *       subtree, on anyone's behalf;</li>
 *   <li>{@link #INTEGRATION}: a service account reading (and importing/exporting) its subtree;</li>
 *   <li>{@link #AUDITOR}: reads their subtree, changes nothing;</li>
 *   <li>{@link #MEMBER}: the member role and none of the above: their own record only ({@code member_id}),
 *       whatever their {@code org_id} says;</li>
 *   <li>{@link #NONE}: none of these roles.</li>
 * </ul>
 *
 * <p>Roles add up: a member who is also an auditor reads as an auditor. This is the rule member-service and
 * assistance-service applied; activity-service's participation read used to leave the auditor role out of the
 * list and kept such a caller to their own record, which it still does there explicitly, since that endpoint does
 * not admit auditors at all. Which endpoint admits which role stays in each resource's {@code @RolesAllowed}.
 */
public enum Standing {
    PLATFORM_ADMIN, STAFF, INTEGRATION, AUDITOR, MEMBER, NONE;

    /** The standing of a caller with these roles. */
    public static Standing of(Set<String> roles) {
        if (roles.contains(Caller.PLATFORM_ADMIN)) {
            return PLATFORM_ADMIN;
        }
        if (roles.contains(Caller.ORG_ADMIN) || roles.contains(Caller.BRANCH_SECRETARY)) {
            return STAFF;
        }
        if (roles.contains(Caller.INTEGRATION)) {
            return INTEGRATION;
        }
        if (roles.contains(Caller.AUDITOR)) {
            return AUDITOR;
        }
        return roles.contains(Caller.MEMBER) ? MEMBER : NONE;
    }

    /** Works on records of the scope, on anyone's behalf: a platform-admin, org-admin or branch secretary. */
    public boolean isStaff() {
        return this == PLATFORM_ADMIN || this == STAFF;
    }

    /** Has no standing beyond their own member record. */
    public boolean isMemberOnly() {
        return this == MEMBER;
    }
}
