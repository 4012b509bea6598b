package org.dangjian.member.reorganization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.dangjian.member.common.ItemsRefused;
import org.dangjian.member.member.Branches;
import org.dangjian.member.member.Member;
import org.dangjian.member.member.MemberAccess;
import org.dangjian.member.member.MemberService;
import org.dangjian.member.reorganization.ReassignmentDtos.ReassignMembers;
import org.dangjian.member.reorganization.ReassignmentDtos.ReassignmentView;
import org.dangjian.platform.api.BusinessClock;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The bulk reassignment of members flagged "needs a branch" ({@link Dissolution#dissolved}) to a branch chosen by
 * the organization above: all or nothing, each member moved like a split moves them (member.transferred without a
 * letter), the flag cleared.
 */
@ApplicationScoped
public class Reassignments {

    static final String REASSIGNED = "MEMBER_REASSIGNED";

    @Inject
    MemberAccess access;

    @Inject
    Branches branches;

    @Inject
    Reorganization reorganization;

    @Inject
    MemberService memberService;

    @Inject
    BusinessClock clock;

    /**
     * The target answers like a transfer's (in scope here, since the caller moves members into it): 422
     * TRANSFER_TARGET_NOT_FOUND, MEMBER_BRANCH_NOT_A_BRANCH, MEMBER_BRANCH_NOT_ACTIVE. Then every member is
     * checked before any moves; one refused refuses all (422 MEMBER_REASSIGNMENT_REFUSED, an error per member).
     */
    @Transactional
    public ReassignmentView reassign(ReassignMembers r) {
        UUID to = r.toOrgId();
        branches.requireInScope(to, "TRANSFER_TARGET_NOT_FOUND");
        List<ItemsRefused.Item> refused = new ArrayList<>();
        List<Member> moving = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < r.memberIds().size(); i++) {
            UUID id = r.memberIds().get(i);
            String field = "memberIds[" + i + "]";
            if (!seen.add(id)) {
                refused.add(new ItemsRefused.Item(field, "MEMBER_REASSIGNMENT_DUPLICATE", id));
                continue;
            }
            // Unknown and out of scope alike: the same code, nothing about the record.
            Optional<Member> found = access.lookup(id);
            if (found.isEmpty()) {
                refused.add(new ItemsRefused.Item(field, "MEMBER_NOT_FOUND", id));
                continue;
            }
            Member member = found.get();
            if (!member.needsBranch() || !Reorganization.stillIn(member, member.orgId())) {
                refused.add(new ItemsRefused.Item(field, "MEMBER_REASSIGNMENT_NOT_NEEDED", member.memberNumber()));
            } else if (to.equals(member.orgId())) {
                refused.add(new ItemsRefused.Item(field, "TRANSFER_TARGET_SAME_BRANCH"));
            } else {
                moving.add(member);
            }
        }
        if (!refused.isEmpty()) {
            throw new ItemsRefused(422, "MEMBER_REASSIGNMENT_REFUSED", refused, refused.size());
        }
        LocalDate today = clock.today();
        for (Member member : moving) {
            reorganization.move(member, to, today, false, REASSIGNED, r.reason().strip());
        }
        return new ReassignmentView(to, today, r.reason().strip(), moving.stream().map(memberService::maskedView).toList());
    }
}
