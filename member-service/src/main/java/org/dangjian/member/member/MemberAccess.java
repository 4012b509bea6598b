package org.dangjian.member.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.scope.CallerScope;

import java.util.Optional;
import java.util.UUID;

/**
 * Who may see which record, and how much of it (DOMAIN.md §6): a member only their own record;
 * staff the records of their subtree. A record outside is reported as missing (404). The standing and
 * the scope are the platform's ({@link CallerScope}); this class applies them to member records.
 */
@ApplicationScoped
public class MemberAccess {

    @Inject
    Caller caller;

    @Inject
    CallerScope scope;

    @Inject
    MemberRepository members;

    /** The record, when the caller may see it; loaded with its scope check in one statement. */
    public Member visible(UUID id) {
        return lookup(id).orElseThrow(() -> notFound(id));
    }

    /**
     * The record when the caller may see it, else empty, whether it does not exist or lies outside the caller's
     * scope: for ids a request names besides its subject, which are refused alike in both cases.
     */
    public Optional<Member> lookup(UUID id) {
        if (isSelfServiceOnly()) {
            return caller.memberId().filter(id::equals).flatMap(members::byId);
        }
        return scope.oneStatement(() -> members.byId(id), root -> members.byIdWithin(id, root));
    }

    public static DomainException notFound(UUID id) {
        return DomainException.notFound("MEMBER_NOT_FOUND", id);
    }

    /**
     * Full national ID and phone for administrators of the record's organization, and for the member themself:
     * decided before loading anything, since it depends on the caller and the id only.
     */
    public boolean seesUnmasked(UUID memberId) {
        return caller.hasRole(Caller.PLATFORM_ADMIN) || caller.hasRole(Caller.ORG_ADMIN)
                || caller.memberId().filter(memberId::equals).isPresent();
    }

    /** A caller whose only standing is being a member: no data scope beyond their own record. */
    public boolean isSelfServiceOnly() {
        return scope.standing().isMemberOnly();
    }
}
