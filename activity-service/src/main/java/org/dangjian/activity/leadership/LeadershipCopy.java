package org.dangjian.activity.leadership;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.activity.common.Sql;
import org.dangjian.activity.config.ActivityRules;
import org.dangjian.activity.report.MemberFigures;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dangjian.platform.api.jdbc.PgArray;

/**
 * The local copy of who holds a leadership seat (班子成员) where and since when, fed by
 * organization-service's organization.leadership-changed. It answers two questions of
 * organizational life: who owes the leaders' training hours, and who the secretary of a branch was
 * on a given day.
 */
@ApplicationScoped
public class LeadershipCopy {

    /** One open seat as the event carries it. */
    public record SeatHolder(UUID seatId, String seat, UUID memberId, String memberName, LocalDate startedOn) {
    }

    /** A seat that ended, as newer events carry it: held from startedOn, no longer from endedOn. */
    public record EndedSeat(UUID seatId, String seat, UUID memberId, String memberName, LocalDate startedOn,
            LocalDate endedOn) {
    }

    /**
     * The whole team of one organization at one version: its open seats, and the ended seats the event
     * names with their end dates (empty for events published before organization-service sent them).
     */
    public record Team(UUID orgId, LocalDate termStartedOn, LocalDate termEndsOn, List<SeatHolder> seats,
            List<EndedSeat> endedSeats, long version) {
    }

    @Inject
    EntityManager em;

    @Inject
    ActivityRules rules;

    @Inject
    MemberFigures figures;

    /**
     * Replaces the organization's open seats by the team's. A seat the event names as ended takes its end
     * date (correcting an end guessed earlier); any other seat no longer in the team ends on
     * {@code changedOn}, the day of the event: all an event without end dates can tell.
     * @return false when the copy already has this version or a newer one (a late or repeated event)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean replace(Team team, LocalDate changedOn) {
        // Lock (or create) the team row first: the version comparison and the seat changes are one step.
        em.createNativeQuery("""
                insert into leadership_team (org_id, source_version, updated_at) values (?1, -1, now())
                on conflict (org_id) do nothing""").setParameter(1, team.orgId()).executeUpdate();
        long current = ((Number) em.createNativeQuery(
                "select source_version from leadership_team where org_id = ?1 for update")
                .setParameter(1, team.orgId()).getSingleResult()).longValue();
        if (team.version() <= current) {
            return false;
        }
        em.createNativeQuery("""
                update leadership_team set source_version = ?2, term_started_on = ?3, term_ends_on = ?4, updated_at = now()
                where org_id = ?1""")
                .setParameter(1, team.orgId()).setParameter(2, team.version())
                .setParameter(3, team.termStartedOn()).setParameter(4, team.termEndsOn()).executeUpdate();
        // a leader owes the leaders' hours: the compliance report's figures move with everyone whose seats change
        @SuppressWarnings("unchecked")
        List<UUID> seated = em.createNativeQuery("select distinct member_id from leadership_seat where org_id = ?1")
                .setParameter(1, team.orgId()).getResultList();
        java.util.Set<UUID> members = new java.util.TreeSet<>(seated);
        team.seats().forEach(s -> members.add(s.memberId()));
        team.endedSeats().forEach(s -> members.add(s.memberId()));
        LocalDate from = firstDayChanged(team, changedOn);
        java.util.Map<UUID, LocalDate> changedFrom = new java.util.HashMap<>();
        members.forEach(m -> changedFrom.put(m, from));
        figures.changing(changedFrom, () -> seats(team, changedOn));
        return true;
    }

    /**
     * No seat can change before the earliest start among the seats the event names, the open seats it may end
     * and the stored holdings it may correct, nor before {@code changedOn} for the seats it ends by omission.
     */
    private LocalDate firstDayChanged(Team team, LocalDate changedOn) {
        List<UUID> named = new java.util.ArrayList<>();
        LocalDate from = changedOn;
        for (SeatHolder s : team.seats()) {
            named.add(s.seatId());
            from = s.startedOn().isBefore(from) ? s.startedOn() : from;
        }
        for (EndedSeat s : team.endedSeats()) {
            named.add(s.seatId());
            from = s.startedOn().isBefore(from) ? s.startedOn() : from;
        }
        LocalDate stored = Sql.date(em.createNativeQuery("""
                select min(started_on) from leadership_seat
                where org_id = ?1 and (ended_on is null or seat_id = any(cast(?2 as uuid[])))""")
                .setParameter(1, team.orgId()).setParameter(2, PgArray.literal(named)).getSingleResult());
        return stored != null && stored.isBefore(from) ? stored : from;
    }

    private void seats(Team team, LocalDate changedOn) {
        for (EndedSeat s : team.endedSeats()) {
            em.createNativeQuery("""
                    insert into leadership_seat (seat_id, org_id, seat, member_id, member_name, started_on, ended_on)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                    on conflict (seat_id) do update set seat = excluded.seat, member_id = excluded.member_id,
                        member_name = excluded.member_name, started_on = excluded.started_on, ended_on = excluded.ended_on""")
                    .setParameter(1, s.seatId()).setParameter(2, team.orgId()).setParameter(3, s.seat())
                    .setParameter(4, s.memberId()).setParameter(5, s.memberName()).setParameter(6, s.startedOn())
                    .setParameter(7, s.endedOn()).executeUpdate();
        }
        // Seats just given their end date are no longer open, so only seats the event says nothing of are guessed.
        String open = PgArray.literal(team.seats().stream().map(SeatHolder::seatId).toList());
        em.createNativeQuery("""
                update leadership_seat set ended_on = greatest(started_on, cast(?2 as date))
                where org_id = ?1 and ended_on is null and not (seat_id = any(cast(?3 as uuid[])))""")
                .setParameter(1, team.orgId()).setParameter(2, changedOn).setParameter(3, open).executeUpdate();
        for (SeatHolder s : team.seats()) {
            // A seat id names one holding of one seat; a seat seen again (an older version replayed) reopens.
            em.createNativeQuery("""
                    insert into leadership_seat (seat_id, org_id, seat, member_id, member_name, started_on, ended_on)
                    values (?1, ?2, ?3, ?4, ?5, ?6, null)
                    on conflict (seat_id) do update set seat = excluded.seat, member_id = excluded.member_id,
                        member_name = excluded.member_name, started_on = excluded.started_on, ended_on = null""")
                    .setParameter(1, s.seatId()).setParameter(2, team.orgId()).setParameter(3, s.seat())
                    .setParameter(4, s.memberId()).setParameter(5, s.memberName()).setParameter(6, s.startedOn())
                    .executeUpdate();
        }
    }

    /** Whether the member holds a seat that owes the leaders' training hours on {@code on}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean leaderOn(UUID memberId, LocalDate on) {
        return !em.createNativeQuery("""
                select 1 from leadership_seat
                where member_id = ?1 and seat = any(cast(?2 as text[])) and started_on <= ?3 and (ended_on is null or ended_on > ?3)
                limit 1""")
                .setParameter(1, memberId).setParameter(2, leaderSeats()).setParameter(3, on)
                .getResultList().isEmpty();
    }

    /** The seats (by name) the member holds on {@code on}, in any organization. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<String> seatsOn(UUID memberId, LocalDate on) {
        return em.createNativeQuery("""
                select distinct seat from leadership_seat
                where member_id = ?1 and started_on <= ?2 and (ended_on is null or ended_on > ?2) order by seat""")
                .setParameter(1, memberId).setParameter(2, on).getResultList();
    }

    /** Seats whose holders owe the leaders' training hours (secretaries and committee members). */
    public String leaderSeats() {
        return PgArray.literal(rules.hours().leaderSeats());
    }
}
