package org.dangjian.assistance.pairing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.platform.api.jdbc.PgArray;
import org.jboss.logging.Logger;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Pairings ended by what happens to their member (结对帮扶 is personal: a member who is no longer there cannot
 * look after anyone). The pairing ends, dated the day of the event and naming it, and stays in the
 * beneficiary's history like one ended by hand:
 * <ul>
 * <li>{@code MEMBER_ENDED}: the membership ended (member.ended);</li>
 * <li>{@code MEMBER_LEFT_PLATFORM}: the member transferred to an organization outside the platform;</li>
 * <li>{@code MEMBER_TRANSFERRED}: the member transferred by letter to an organization outside the beneficiary's
 * organization (that organization or one below it keeps the pairing).</li>
 * </ul>
 * A move of a whole branch (a merge or split: member.transferred without a letter) keeps the pairings; a merged
 * branch's beneficiaries move to the survivor with theirs. Applied set-wise for a batch of events (one locking read,
 * one update), in the events' order.
 */
@ApplicationScoped
public class PairingEndings {

    private static final Logger LOG = Logger.getLogger(PairingEndings.class);

    public static final String MEMBER_ENDED = "MEMBER_ENDED";
    public static final String MEMBER_LEFT_PLATFORM = "MEMBER_LEFT_PLATFORM";
    public static final String MEMBER_TRANSFERRED = "MEMBER_TRANSFERRED";

    /**
     * What may end a member's pairings.
     *
     * @param toOrgId the member's new branch: pairings of beneficiaries of that branch or above it stay;
     *                null: every pairing of the member ends
     */
    public record Trigger(UUID eventId, UUID memberId, UUID toOrgId, LocalDate on, String reason) {
    }

    private static final class Active {
        final UUID id;
        final UUID memberId;
        final LocalDate startedOn;
        /** The path of the beneficiary's organization in the tree copy; null if the copy does not know it. */
        final String beneficiaryPath;
        Trigger endedBy;
        LocalDate endedOn;

        Active(UUID id, UUID memberId, LocalDate startedOn, String beneficiaryPath) {
            this.id = id;
            this.memberId = memberId;
            this.startedOn = startedOn;
            this.beneficiaryPath = beneficiaryPath;
        }
    }

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<Trigger> triggers) {
        if (triggers.isEmpty()) {
            return;
        }
        Map<UUID, List<Active>> byMember = active(triggers.stream().map(Trigger::memberId).distinct().toList());
        if (byMember.isEmpty()) {
            return; // most members hold no pairing
        }
        Map<UUID, String> paths = paths(triggers.stream().map(Trigger::toOrgId).filter(Objects::nonNull).distinct().toList());
        List<Active> ended = new ArrayList<>();
        for (Trigger t : triggers) {
            for (Active p : byMember.getOrDefault(t.memberId(), List.of())) {
                if (p.endedBy == null && ends(t, p, paths.get(t.toOrgId()))) {
                    p.endedBy = t;
                    // An event dated before the pairing began (it was paired meanwhile) ends it on its first day.
                    p.endedOn = t.on().isBefore(p.startedOn) ? p.startedOn : t.on();
                    ended.add(p);
                    LOG.infof("pairing %s ended: member %s %s (event %s)", p.id, p.memberId, t.reason(), t.eventId());
                }
            }
        }
        write(ended);
    }

    private static boolean ends(Trigger t, Active p, String toPath) {
        if (t.toOrgId() == null) {
            return true;
        }
        boolean stillInside = toPath != null && p.beneficiaryPath != null && toPath.startsWith(p.beneficiaryPath);
        return !stillInside;
    }

    /** The members' active pairings with their beneficiary's organization, locked in id order. */
    private Map<UUID, List<Active>> active(List<UUID> members) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select p.id, p.member_id, p.started_on, u.path from pairing p
                join beneficiary b on b.id = p.beneficiary_id left join org_unit u on u.id = b.org_id
                where p.member_id = any(cast(?1 as uuid[])) and p.status = 'ACTIVE' order by p.id for update of p""")
                .setParameter(1, PgArray.literal(members)).getResultList();
        Map<UUID, List<Active>> byMember = new LinkedHashMap<>();
        for (Object[] r : rows) {
            LocalDate started = r[2] instanceof Date d ? d.toLocalDate() : (LocalDate) r[2];
            byMember.computeIfAbsent((UUID) r[1], m -> new ArrayList<>()).add(new Active((UUID) r[0], (UUID) r[1], started, (String) r[3]));
        }
        return byMember;
    }

    private Map<UUID, String> paths(List<UUID> orgs) {
        Map<UUID, String> paths = new HashMap<>();
        if (orgs.isEmpty()) {
            return paths;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, path from org_unit where id = any(cast(?1 as uuid[]))")
                .setParameter(1, PgArray.literal(orgs)).getResultList();
        rows.forEach(r -> paths.put((UUID) r[0], (String) r[1]));
        return paths;
    }

    /** One statement; each pairing's version moves on once, as ending it through the API does. */
    private void write(List<Active> ended) {
        if (ended.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                update pairing p set status = 'ENDED', ended_on = u.ended_on, end_reason = u.reason,
                  end_event_id = u.event_id, version = p.version + 1
                from unnest(cast(?1 as uuid[]), cast(?2 as date[]), cast(?3 as text[]), cast(?4 as uuid[]))
                  as u(id, ended_on, reason, event_id)
                where p.id = u.id""")
                .setParameter(1, PgArray.literal(ended.stream().map(p -> p.id).toList()))
                .setParameter(2, PgArray.literal(ended.stream().map(p -> p.endedOn).toList()))
                .setParameter(3, PgArray.literal(ended.stream().map(p -> p.endedBy.reason()).toList()))
                .setParameter(4, PgArray.literal(ended.stream().map(p -> p.endedBy.eventId()).toList()))
                .executeUpdate();
    }
}
