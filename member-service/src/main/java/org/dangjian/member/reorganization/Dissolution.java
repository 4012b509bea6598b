package org.dangjian.member.reorganization;

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
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What an organization's dissolution (撤销) means for member records. Members never stay on a dissolved branch
 * unnoticed: those of a merged branch (合并) move to the survivor; those of a branch dissolved on its own are
 * flagged "needs a branch" (DOMAIN.md §5) and listed for the organization above, which moves them with a bulk
 * reassignment ({@link Reassignments}) or a transfer. The platform flags rather than refuses such a dissolution:
 * organization-service decides about its tree, and the records it cannot see are put right here.
 */
@ApplicationScoped
public class Dissolution {

    static final String MOVED_BY_MERGE = "MEMBER_MOVED_BY_MERGE";
    static final String BRANCH_DISSOLVED = "MEMBER_BRANCH_DISSOLVED";
    static final String GROUP_DISSOLVED = "MEMBER_GROUP_DISSOLVED";
    /** Arbitrary constant naming this reaction's advisory lock among the service's. */
    private static final long LOCK_KEY = 0x6469_7373_6f6cL;
    private static final Logger LOG = Logger.getLogger(Dissolution.class);

    @Inject
    Reorganization reorganization;

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
    BusinessClock clock;

    /**
     * 合并: every live member still in the absorbed branch moves to the survivor as of the dissolution's day, with
     * their party group (the merge moved the absorbed branch's groups under the survivor). Letters addressed to the
     * absorbed branch are answered by the survivor; mobile members attending it attend the survivor. A survivor this
     * reaction already knows as dissolved (its event read first) passes them on as its own dissolution did.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void merged(UUID absorbed, UUID survivor, LocalDate on) {
        remember(absorbed, on, survivor);
        Set<UUID> seen = new HashSet<>();
        seen.add(absorbed);
        moveAll(absorbed, survivor, on, seen);
    }

    /**
     * 撤销 without a survivor: every live member still in the branch is flagged as of the dissolution's day (a
     * member flagged already keeps their date). Letters addressed to the branch are returned to their issuers;
     * mobile members attending it attend no host branch any more.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void dissolved(UUID organization, LocalDate on) {
        remember(organization, on, null);
        flagAll(organization, on);
    }

    /** A party group (党小组) of the branch was dissolved: its members stay in the branch, in no group. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void groupDissolved(UUID group, UUID branch) {
        for (Member member : members.list("orgId = ?1 and groupId = ?2 order by id", branch, group)) {
            MemberService.Snapshot before = memberService.snapshot(member);
            member.leaveGroup();
            members.flush();
            audit.write(GROUP_DISSOLVED, MemberService.AUDIT_TARGET, member.id(), before, memberService.snapshot(member));
            events.updated(member);
        }
    }

    /**
     * Dissolutions of different organizations have different keys, so they may be read in either order: "A merged
     * into S" after "S dissolved" or "S merged into T". Each applied one is remembered, and one lock serializes
     * them across replicas, so the later of the two always sees the earlier (dissolutions are rare).
     */
    private void remember(UUID organization, LocalDate on, UUID mergedInto) {
        em.createNativeQuery("select count(pg_advisory_xact_lock(?1))").setParameter(1, LOCK_KEY).getSingleResult();
        em.createNativeQuery("""
                insert into dissolved_organization (organization_id, dissolved_on, merged_into_id) values (?1, ?2, ?3)
                on conflict (organization_id) do nothing""")
                .setParameter(1, organization).setParameter(2, on).setParameter(3, mergedInto).executeUpdate();
    }

    private void moveAll(UUID absorbed, UUID survivor, LocalDate on, Set<UUID> seen) {
        List<Member> moving = reorganization.liveMembersOf(absorbed);
        for (Member member : moving) {
            reorganization.move(member, survivor, on, true, MOVED_BY_MERGE, null);
        }
        letters.receiverMerged(absorbed, survivor, clock.today());
        hostGone(absorbed, survivor);
        LOG.infof("organization %s merged into %s: %d members moved", absorbed, survivor, moving.size());
        applyAgain(survivor, seen);
    }

    private void flagAll(UUID organization, LocalDate on) {
        int flagged = 0;
        for (Member member : reorganization.liveMembersOf(organization)) {
            if (member.needsBranch()) {
                continue;
            }
            MemberService.Snapshot before = memberService.snapshot(member);
            member.branchDissolved(on);
            members.flush();
            audit.write(BRANCH_DISSOLVED, MemberService.AUDIT_TARGET, member.id(), before, memberService.snapshot(member));
            flagged++;
        }
        letters.receiverDissolved(organization, on, clock.today());
        hostGone(organization, null);
        if (flagged > 0) {
            LOG.infof("organization %s dissolved: %d members need a branch", organization, flagged);
        }
    }

    /**
     * The survivor of a merge was itself dissolved by an event applied earlier: what the merge just brought there
     * (members, letters, hosted mobile members) gets that dissolution too, on its own date, so the outcome is the
     * one of the other order. Only what is still in the survivor moves or is flagged, so nothing happens twice;
     * {@code seen} stops a cycle of merges (which no tree should produce).
     */
    private void applyAgain(UUID survivor, Set<UUID> seen) {
        if (!seen.add(survivor)) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> earlier = em.createNativeQuery(
                "select dissolved_on, merged_into_id from dissolved_organization where organization_id = ?1")
                .setParameter(1, survivor).getResultList();
        if (earlier.isEmpty()) {
            return;
        }
        LocalDate on = toLocalDate(earlier.get(0)[0]);
        UUID next = (UUID) earlier.get(0)[1];
        if (next == null) {
            flagAll(survivor, on);
        } else {
            moveAll(survivor, next, on, seen);
        }
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    /**
     * Active mobile registrations attending the dissolved organization as host: the survivor of a merge hosts them
     * (none when the survivor is the member's own home branch), else no branch does.
     */
    private void hostGone(UUID organization, UUID survivor) {
        @SuppressWarnings("unchecked")
        List<Object[]> hosted = em.createNativeQuery("""
                select id, member_id, home_org_id from mobile_registration where host_org_id = ?1 and status = 'ACTIVE'
                order by id""").setParameter(1, organization).getResultList();
        for (Object[] row : hosted) {
            UUID newHost = survivor == null || survivor.equals(row[2]) ? null : survivor;
            if (newHost == null) {
                em.createNativeQuery("update mobile_registration set host_org_id = null, version = version + 1 where id = ?1")
                        .setParameter(1, row[0]).executeUpdate();
            } else {
                em.createNativeQuery("update mobile_registration set host_org_id = ?1, version = version + 1 where id = ?2")
                        .setParameter(1, newHost).setParameter(2, row[0]).executeUpdate();
            }
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("orgId", row[2]);
            before.put("registrationId", row[0]);
            before.put("hostOrgId", organization);
            Map<String, Object> after = new LinkedHashMap<>(before);
            after.put("hostOrgId", newHost);
            audit.write("MOBILE_HOST_DISSOLVED", MemberService.AUDIT_TARGET, (UUID) row[1], before, after);
        }
    }
}
