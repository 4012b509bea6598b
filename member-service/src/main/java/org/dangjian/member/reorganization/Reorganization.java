package org.dangjian.member.reorganization;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.member.event.MemberEvents;
import org.dangjian.member.member.Member;
import org.dangjian.member.member.MemberRepository;
import org.dangjian.member.member.MemberService;
import org.dangjian.member.transfer.OpenLetters;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.audit.AuditTrail;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Members moved by a change of the tree rather than by a letter: a split (拆分), a merge (合并), the reassignment
 * of the members of a dissolved branch. Each move is recorded like a transfer within the platform
 * ({@code member.transferred} with {@code transferId} null), so activity rosters, organization counts and
 * assistance cases follow; the member's open letter and mobile registration follow too.
 */
@ApplicationScoped
public class Reorganization {

    @Inject
    MemberRepository members;

    @Inject
    MemberService memberService;

    @Inject
    MemberEvents events;

    @Inject
    OpenLetters letters;

    @Inject
    AuditTrail audit;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    BusinessClock clock;

    /** Whether the member still belongs to the branch: one transferred elsewhere, gone or ended is left alone. */
    public static boolean stillIn(Member member, UUID branch) {
        return member != null && member.isHere() && branch.equals(member.orgId()) && member.stage().isLive();
    }

    /** The live members still in the branch, in id order. */
    public List<Member> liveMembersOf(UUID branch) {
        return members.list("orgId = ?1 order by id", branch).stream().filter(m -> stillIn(m, branch)).toList();
    }

    /**
     * Moves the member to {@code to} as of {@code on}; with their party group when the group moved there too (a
     * split's or a merge's groups), else without. {@code reason}, when given, is kept in the audit entry.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void move(Member member, UUID to, LocalDate on, boolean withGroup, String auditAction, String reason) {
        UUID from = member.orgId();
        MemberService.Snapshot before = memberService.snapshot(member);
        if (withGroup) {
            member.followGroupTo(to);
        } else {
            member.moveTo(to);
        }
        members.flush();
        // Still away, the member is now looked after from the new branch (which they cannot also attend as host).
        em.createNativeQuery("""
                update mobile_registration set home_org_id = ?1,
                       host_org_id = case when host_org_id = ?1 then null else host_org_id end, version = version + 1
                where member_id = ?2 and status = 'ACTIVE'""").setParameter(1, to).setParameter(2, member.id()).executeUpdate();
        audit.write(auditAction, MemberService.AUDIT_TARGET, member.id(), before, after(member, reason));
        events.transferred(member, null, from, to, on);
        letters.memberMoved(member.id(), from, to, clock.today());
    }

    private Object after(Member member, String reason) {
        MemberService.Snapshot after = memberService.snapshot(member);
        if (reason == null) {
            return after;
        }
        ObjectNode node = json.valueToTree(after);
        node.put("reason", reason);
        return node;
    }
}
