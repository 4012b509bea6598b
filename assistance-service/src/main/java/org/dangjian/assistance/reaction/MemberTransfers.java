package org.dangjian.assistance.reaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.assistance.assistancecase.CaseOrgChange;
import org.dangjian.assistance.assistancecase.CaseRepository;
import org.dangjian.platform.api.Ids;
import org.dangjian.platform.api.jdbc.PgArray;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A transferred member's open cases follow them to the new branch (DOMAIN.md §5); when the member
 * left the platform, the cases wait for reassignment. A batch of transfers is applied set-wise (one
 * read of the beneficiaries, one of their open cases, one statement per table written), because loading
 * entities event by event was what held the consumer back under load (benchmark B3). The transfers
 * are applied in their order in memory, so the rows, their versions and the history rows end as if each
 * event had been applied in its own transaction.
 *
 * <p>A transfer into an organization this service already knows as dissolved ({@link Dissolutions}: member-service
 * moved the member there while its dissolution was under way) ends as the dissolution would have left the records
 * had they been there: moved on to the end of its merge chain, and the open cases waiting for reassignment when that
 * end is itself dissolved (history MEMBER_TRANSFERRED, then ORGANIZATION_DISSOLVED).
 */
@ApplicationScoped
public class MemberTransfers {

    private static final Logger LOG = Logger.getLogger(MemberTransfers.class);

    /** One member.transferred as read; {@code toOrgId} null: the member left the platform. */
    public record Transfer(UUID eventId, UUID memberId, UUID toOrgId, long memberVersion) {
    }

    /** A row the transfers move; {@code changes} counts the versions it moves on by, one per event that changed it. */
    private abstract static class Held {
        final UUID id;
        UUID orgId;
        int changes;

        Held(UUID id, UUID orgId) {
            this.id = id;
            this.orgId = orgId;
        }

        /** The one column besides the organization that the transfers change. */
        abstract Object other();
    }

    private static final class HeldBeneficiary extends Held {
        Long memberSourceVersion;

        HeldBeneficiary(UUID id, UUID orgId, Long memberSourceVersion) {
            super(id, orgId);
            this.memberSourceVersion = memberSourceVersion;
        }

        /** An event older than the last one applied (delivered out of order) changes nothing. */
        boolean takes(long memberVersion) {
            if (memberSourceVersion != null && memberSourceVersion >= memberVersion) {
                return false;
            }
            memberSourceVersion = memberVersion;
            changes++;
            return true;
        }

        @Override
        Object other() {
            return memberSourceVersion;
        }
    }

    private static final class OpenCase extends Held {
        boolean reassignmentNeeded;

        OpenCase(UUID id, UUID orgId, boolean reassignmentNeeded) {
            super(id, orgId);
            this.reassignmentNeeded = reassignmentNeeded;
        }

        @Override
        Object other() {
            return reassignmentNeeded;
        }
    }

    private record OrgChange(UUID id, UUID caseId, UUID fromOrgId, UUID toOrgId, String reason, UUID eventId,
            Instant changedAt) {
    }

    @Inject
    EntityManager em;

    @Inject
    Dissolutions dissolutions;

    /** Applies the transfers in their order (one member's in the order member-service published them). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<Transfer> transfers) {
        dissolutions.holdStill(); // before any row lock: a dissolution applied beside this one would miss the moves
        Map<UUID, List<HeldBeneficiary>> byMember = beneficiaries(transfers.stream().map(Transfer::memberId).distinct().toList());
        if (byMember.isEmpty()) {
            return; // most members are nobody's beneficiary
        }
        Map<UUID, List<OpenCase>> openCases = openCases(byMember.values().stream().flatMap(List::stream).map(b -> b.id).toList());
        Map<UUID, Dissolutions.Destination> dissolved = dissolutions.destinations(
                transfers.stream().map(Transfer::toOrgId).filter(Objects::nonNull).distinct().toList());
        List<OrgChange> history = new ArrayList<>();
        for (Transfer t : transfers) {
            Dissolutions.Destination destination = t.toOrgId() == null ? null
                    : dissolved.getOrDefault(t.toOrgId(), new Dissolutions.Destination(t.toOrgId(), false));
            UUID to = destination == null ? null : destination.orgId();
            for (HeldBeneficiary b : byMember.getOrDefault(t.memberId(), List.of())) {
                if (!b.takes(t.memberVersion()) || to != null && to.equals(b.orgId)) {
                    LOG.debugf("member %s: transfer event %s is stale or changes nothing", t.memberId(), t.eventId());
                    continue;
                }
                // Out of the platform the record stays where it is: nobody here could take it.
                if (to != null) {
                    b.orgId = to;
                }
                for (OpenCase c : openCases.getOrDefault(b.id, List.of())) {
                    if (to == null && !c.reassignmentNeeded) {
                        history.add(new OrgChange(Ids.next(), c.id, c.orgId, null, CaseOrgChange.MEMBER_LEFT_PLATFORM,
                                t.eventId(), Instant.now()));
                        c.reassignmentNeeded = true;
                        c.changes++;
                        LOG.infof("case %s flagged for reassignment: member %s left the platform", c.id, t.memberId());
                    } else if (to != null && !c.orgId.equals(to)) {
                        Instant movedAt = Instant.now();
                        history.add(new OrgChange(Ids.next(), c.id, c.orgId, to, CaseOrgChange.MEMBER_TRANSFERRED,
                                t.eventId(), movedAt));
                        c.orgId = to;
                        c.reassignmentNeeded = destination.dissolved();
                        if (destination.dissolved()) {
                            // A microsecond (the column's precision) later: the history lists the move first.
                            history.add(new OrgChange(Ids.next(), c.id, to, null, CaseOrgChange.ORGANIZATION_DISSOLVED,
                                    t.eventId(), movedAt.plus(1, ChronoUnit.MICROS)));
                        }
                        c.changes++;
                        LOG.infof("case %s follows member %s to organization %s%s", c.id, t.memberId(), to,
                                destination.dissolved() ? ", dissolved: flagged for reassignment" : "");
                    }
                }
            }
        }
        write(byMember.values().stream().flatMap(List::stream).filter(b -> b.changes > 0).toList(),
                openCases.values().stream().flatMap(List::stream).filter(c -> c.changes > 0).toList(), history);
    }

    /** Every beneficiary record of the members, of any status, locked as the entity updates they replace would. */
    private Map<UUID, List<HeldBeneficiary>> beneficiaries(List<UUID> members) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, member_id, org_id, member_source_version from beneficiary
                where member_id = any(cast(?1 as uuid[])) order by id for update""")
                .setParameter(1, PgArray.literal(members)).getResultList();
        Map<UUID, List<HeldBeneficiary>> byMember = new LinkedHashMap<>();
        for (Object[] r : rows) {
            byMember.computeIfAbsent((UUID) r[1], m -> new ArrayList<>())
                    .add(new HeldBeneficiary((UUID) r[0], (UUID) r[2], r[3] == null ? null : ((Number) r[3]).longValue()));
        }
        return byMember;
    }

    private Map<UUID, List<OpenCase>> openCases(List<UUID> beneficiaries) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, beneficiary_id, org_id, reassignment_needed from assistance_case
                where beneficiary_id = any(cast(?1 as uuid[])) and status = any(cast(?2 as text[])) order by id for update""")
                .setParameter(1, PgArray.literal(beneficiaries))
                .setParameter(2, PgArray.literal(CaseRepository.OPEN))
                .getResultList();
        Map<UUID, List<OpenCase>> byBeneficiary = new LinkedHashMap<>();
        for (Object[] r : rows) {
            byBeneficiary.computeIfAbsent((UUID) r[1], b -> new ArrayList<>())
                    .add(new OpenCase((UUID) r[0], (UUID) r[2], (Boolean) r[3]));
        }
        return byBeneficiary;
    }

    /** One statement per table; each row's version moves on once per event that changed it, as entity updates did. */
    private void write(List<HeldBeneficiary> beneficiaries, List<OpenCase> cases, List<OrgChange> history) {
        update("beneficiary", "member_source_version", "bigint", beneficiaries);
        update("assistance_case", "reassignment_needed", "boolean", cases);
        if (!history.isEmpty()) {
            em.createNativeQuery("""
                    insert into case_org_change (id, case_id, from_org_id, to_org_id, reason, event_id, changed_at)
                    select * from unnest(cast(?1 as uuid[]), cast(?2 as uuid[]), cast(?3 as uuid[]), cast(?4 as uuid[]),
                      cast(?5 as text[]), cast(?6 as uuid[]), cast(?7 as timestamptz[]))""")
                    .setParameter(1, PgArray.literal(history.stream().map(OrgChange::id).toList()))
                    .setParameter(2, PgArray.literal(history.stream().map(OrgChange::caseId).toList()))
                    .setParameter(3, PgArray.literal(history.stream().map(OrgChange::fromOrgId).toList()))
                    .setParameter(4, PgArray.literal(history.stream().map(OrgChange::toOrgId).toList()))
                    .setParameter(5, PgArray.literal(history.stream().map(OrgChange::reason).toList()))
                    .setParameter(6, PgArray.literal(history.stream().map(OrgChange::eventId).toList()))
                    .setParameter(7, PgArray.literal(history.stream().map(OrgChange::changedAt).toList()))
                    .executeUpdate();
        }
    }

    /** Table and column names are this class's constants, never input. */
    private void update(String table, String column, String type, List<? extends Held> rows) {
        if (rows.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                update %1$s t set org_id = u.org_id, %2$s = u.other, version = t.version + u.changes
                from unnest(cast(?1 as uuid[]), cast(?2 as uuid[]), cast(?3 as %3$s[]), cast(?4 as int[]))
                  as u(id, org_id, other, changes)
                where t.id = u.id""".formatted(table, column, type))
                .setParameter(1, PgArray.literal(rows.stream().map(r -> r.id).toList()))
                .setParameter(2, PgArray.literal(rows.stream().map(r -> r.orgId).toList()))
                .setParameter(3, PgArray.literal(rows.stream().map(Held::other).toList()))
                .setParameter(4, PgArray.literal(rows.stream().map(r -> r.changes).toList()))
                .executeUpdate();
    }
}
