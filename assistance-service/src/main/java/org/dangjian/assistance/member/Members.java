package org.dangjian.assistance.member;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.dangjian.assistance.member.MemberCopy.KnownMember;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.scope.CallerScope;

import java.util.UUID;

/** Members named in request bodies: known here, still members on the platform, and inside the caller's scope. */
@RequestScoped
public class Members {

    /** 422 for a member id a request may not name, whatever the reason: it reveals nothing of a member outside the scope. */
    public static final String UNKNOWN = "MEMBER_UNKNOWN";

    @Inject
    MemberCopy copy;

    @Inject
    CallerScope scope;

    /**
     * The member, when this service knows them (from member-service's events), their membership has not ended,
     * they are on the platform and their branch lies in the caller's subtree; otherwise 422 {@code MEMBER_UNKNOWN},
     * the same for each of these reasons.
     */
    public KnownMember requireReferable(UUID memberId) {
        return copy.find(memberId)
                .filter(m -> m.status() == MemberStatus.ACTIVE && scope.covers(m.orgId()))
                .orElseThrow(() -> DomainException.unprocessable(UNKNOWN, memberId));
    }
}
