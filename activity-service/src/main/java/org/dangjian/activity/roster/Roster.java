package org.dangjian.activity.roster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.activity.config.ActivityRules;
import org.dangjian.activity.report.MemberFigures;
import org.dangjian.activity.support.Sql;
import org.dangjian.platform.messaging.IncomingEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The local member roster: who belonged to which organization on which date. */
@ApplicationScoped
public class Roster {

    /** One member expected at an organization's activity. */
    public record RosterEntry(UUID memberId, String name, String stage) {
    }

    /** What this service knows of a member now. */
    public record MemberNow(UUID memberId, String name, UUID orgId, String stage, LocalDate endedOn) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    ActivityRules rules;

    @Inject
    MemberFigures figures;

    @Transactional(Transactional.TxType.MANDATORY)
    void record(IncomingEvent event, UUID memberId, long version) {
        String payload;
        try {
            payload = json.writeValueAsString(event.data());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        em.createNativeQuery("""
                insert into member_event (event_id, member_id, version, type, payload, occurred_at)
                values (?1, ?2, ?3, ?4, cast(?5 as jsonb), ?6) on conflict do nothing""")
                .setParameter(1, event.id()).setParameter(2, memberId).setParameter(3, version)
                .setParameter(4, event.type()).setParameter(5, payload).setParameter(6, event.time())
                .executeUpdate();
    }

    /** Replays the member's events and replaces their periods and current state. */
    @Transactional(Transactional.TxType.MANDATORY)
    void rebuild(UUID memberId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select type, version, cast(payload as text) from member_event
                where member_id = ?1 order by version, occurred_at""")
                .setParameter(1, memberId).getResultList();
        List<MemberHistory.Event> events = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            try {
                events.add(new MemberHistory.Event((String) row[0], ((Number) row[1]).longValue(), json.readTree((String) row[2])));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored member event unreadable", e);
            }
        }
        MemberHistory.State state = MemberHistory.replay(events);
        // the compliance report's per-branch figures move with the member's periods
        figures.changing(List.of(memberId), () -> periods(memberId, state));
        em.createNativeQuery("""
                insert into roster_member (member_id, name, org_id, stage, ended_on, source_version, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                on conflict (member_id) do update set name = excluded.name, org_id = excluded.org_id,
                  stage = excluded.stage, ended_on = excluded.ended_on, source_version = excluded.source_version,
                  updated_at = excluded.updated_at""")
                .setParameter(1, memberId).setParameter(2, state.name()).setParameter(3, state.orgId())
                .setParameter(4, state.stage()).setParameter(5, state.endedOn()).setParameter(6, state.version())
                .setParameter(7, OffsetDateTime.now()).executeUpdate();
    }

    private void periods(UUID memberId, MemberHistory.State state) {
        em.createNativeQuery("delete from membership_period where member_id = ?1").setParameter(1, memberId).executeUpdate();
        for (MemberHistory.Period p : state.periods()) {
            em.createNativeQuery("""
                    insert into membership_period (member_id, org_id, stage, valid_from, valid_to)
                    values (?1, ?2, ?3, ?4, ?5) on conflict (member_id, valid_from) do update
                    set org_id = excluded.org_id, stage = excluded.stage, valid_to = excluded.valid_to""")
                    .setParameter(1, memberId).setParameter(2, p.orgId()).setParameter(3, p.stage())
                    .setParameter(4, p.from()).setParameter(5, p.to()).executeUpdate();
        }
    }

    /**
     * The organization's expected roster on a date: members (in a roster stage) whose period covers it.
     * A stage not yet known (a transfer seen before the registration) counts: only members transfer.
     */
    @SuppressWarnings("unchecked")
    public List<RosterEntry> on(UUID orgId, LocalDate date) {
        List<Object[]> rows = em.createNativeQuery("""
                select p.member_id, m.name, p.stage
                from membership_period p join roster_member m on m.member_id = p.member_id
                where p.org_id = ?1 and p.valid_from <= ?2 and (p.valid_to is null or p.valid_to > ?2)
                  and (p.stage is null or p.stage = any(cast(?3 as text[])))
                order by m.name, p.member_id""")
                .setParameter(1, orgId).setParameter(2, date).setParameter(3, stagesArray())
                .getResultList();
        return rows.stream().map(r -> new RosterEntry((UUID) r[0], (String) r[1], (String) r[2])).toList();
    }

    public Optional<MemberNow> member(UUID memberId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select member_id, name, org_id, stage, ended_on from roster_member where member_id = ?1""")
                .setParameter(1, memberId).getResultList();
        return rows.stream().findFirst().map(r -> new MemberNow((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3],
                Sql.date(r[4])));
    }

    /** Postgres array literal of the roster stages, bound as text and cast, to avoid driver-specific array binding. */
    String stagesArray() {
        return "{" + String.join(",", rules.rosterStages()) + "}";
    }
}
