package org.dangjian.activity.roster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.activity.common.Sql;
import org.dangjian.activity.config.ActivityRules;
import org.dangjian.activity.report.MemberFigures;
import org.dangjian.platform.api.jdbc.PgArray;
import org.dangjian.platform.messaging.IncomingEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The local member roster: who belonged to which organization on which date. */
@ApplicationScoped
public class Roster {

    /** One member expected at an organization's activity. */
    public record RosterEntry(UUID memberId, String name, String stage) {
    }

    /**
     * What this service knows of a member now; orgId null once they left the platform (transferredOutOn), when
     * lastOrgId still names the organization they last belonged to (whose scope keeps seeing their history).
     */
    public record MemberNow(UUID memberId, String name, UUID orgId, String stage, LocalDate endedOn,
            LocalDate transferredOutOn, UUID lastOrgId) {
    }

    /** A member as of one day: the organization whose roster they were on that day. */
    public record MemberOn(UUID memberId, String name, UUID orgId, String stage) {
    }

    /**
     * Fired, in the transaction of a batch of member events, with the periods of the members whose periods
     * changed, before and after, and the first day on which each changed: what reacts to a member leaving
     * an organization (a transfer, a transfer out of the platform, the end of membership) looks here.
     */
    public record MembershipsChanged(Map<UUID, List<MemberHistory.Period>> before,
            Map<UUID, List<MemberHistory.Period>> after, Map<UUID, LocalDate> changedFrom) {

        /** The organization the member belonged to on {@code day} before the change, or null. */
        public UUID orgBefore(UUID memberId, LocalDate day) {
            return orgOn(before.getOrDefault(memberId, List.of()), day);
        }

        /** The organization the member belongs to on {@code day} after the change, or null. */
        public UUID orgAfter(UUID memberId, LocalDate day) {
            return orgOn(after.getOrDefault(memberId, List.of()), day);
        }

        private static UUID orgOn(List<MemberHistory.Period> periods, LocalDate day) {
            return periods.stream().filter(p -> !p.from().isAfter(day) && (p.to() == null || p.to().isAfter(day)))
                    .map(MemberHistory.Period::orgId).findFirst().orElse(null);
        }
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    ActivityRules rules;

    @Inject
    MemberFigures figures;

    @Inject
    jakarta.enterprise.event.Event<MembershipsChanged> membershipsChanged;

    /**
     * Keeps a batch of member events and rebuilds each member they name once, set-wise (one statement per
     * table), because a rebuild per event was what held the consumer back under load (benchmark B3). The
     * rows end as if each event had been applied alone: a rebuild replays all of the member's events anyway.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void apply(List<IncomingEvent> events) {
        ArrayNode rows = json.createArrayNode();
        Set<UUID> members = new LinkedHashSet<>();
        for (IncomingEvent event : events) {
            UUID memberId = UUID.fromString(event.data().get("memberId").asText());
            members.add(memberId);
            rows.addObject().put("event_id", event.id().toString()).put("member_id", memberId.toString())
                    .put("version", event.data().path("version").asLong(0)).put("type", event.type())
                    .put("occurred_at", event.time().toString()).set("payload", event.data());
        }
        em.createNativeQuery("""
                insert into member_event (event_id, member_id, version, type, payload, occurred_at)
                select event_id, member_id, version, type, payload, occurred_at
                from jsonb_to_recordset(cast(?1 as jsonb))
                  as e(event_id uuid, member_id uuid, version bigint, type text, payload jsonb, occurred_at timestamptz)
                on conflict do nothing""")
                .setParameter(1, rows.toString()).executeUpdate();
        rebuild(members);
    }

    /** Replays each member's events and replaces their periods and current state. */
    private void rebuild(Set<UUID> members) {
        // before reading the periods this rebuild is compared with (a partition reassigned mid-batch may have
        // another consumer rebuilding the same members)
        figures.holdMembers(members);
        String memberIds = PgArray.literal(members);
        @SuppressWarnings("unchecked")
        List<Object[]> stored = em.createNativeQuery("""
                select member_id, type, version, cast(payload as text) from member_event
                where member_id = any(cast(?1 as uuid[])) order by member_id, version, occurred_at""")
                .setParameter(1, memberIds).getResultList();
        Map<UUID, List<MemberHistory.Event>> byMember = new LinkedHashMap<>();
        for (Object[] row : stored) {
            try {
                byMember.computeIfAbsent((UUID) row[0], m -> new ArrayList<>()).add(new MemberHistory.Event((String) row[1],
                        ((Number) row[2]).longValue(), json.readTree((String) row[3])));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored member event unreadable", e);
            }
        }
        Map<UUID, List<MemberHistory.Period>> storedPeriods = periodsOf(memberIds);
        Map<UUID, LocalDate> changedFrom = new HashMap<>();
        Map<UUID, List<MemberHistory.Period>> rebuilt = new HashMap<>();
        ArrayNode periods = json.createArrayNode();
        ArrayNode now = json.createArrayNode();
        String updatedAt = OffsetDateTime.now().toString();
        byMember.forEach((memberId, history) -> {
            MemberHistory.State state = MemberHistory.replay(history);
            // A later period starting the same day replaces the earlier (a late event reopening it).
            Map<LocalDate, MemberHistory.Period> byStart = new LinkedHashMap<>();
            state.periods().forEach(p -> byStart.put(p.from(), p));
            rebuilt.put(memberId, List.copyOf(byStart.values()));
            MemberHistory.firstDifference(storedPeriods.getOrDefault(memberId, List.of()), rebuilt.get(memberId))
                    .ifPresent(day -> changedFrom.put(memberId, day));
            byStart.values().forEach(p -> periods.addObject().put("member_id", memberId.toString())
                    .put("org_id", p.orgId().toString()).put("stage", p.stage()).put("valid_from", p.from().toString())
                    .put("valid_to", p.to() == null ? null : p.to().toString()));
            now.addObject().put("member_id", memberId.toString()).put("name", state.name())
                    .put("org_id", state.orgId() == null ? null : state.orgId().toString()).put("stage", state.stage())
                    .put("ended_on", state.endedOn() == null ? null : state.endedOn().toString())
                    .put("transferred_out_on", state.transferredOutOn() == null ? null : state.transferredOutOn().toString())
                    .put("source_version", state.version()).put("updated_at", updatedAt);
        });
        // the compliance report's per-branch figures move with the members' periods, from where they differ
        figures.changing(changedFrom, () -> {
            em.createNativeQuery("delete from membership_period where member_id = any(cast(?1 as uuid[]))")
                    .setParameter(1, memberIds).executeUpdate();
            em.createNativeQuery("""
                    insert into membership_period (member_id, org_id, stage, valid_from, valid_to)
                    select member_id, org_id, stage, valid_from, valid_to
                    from jsonb_to_recordset(cast(?1 as jsonb)) as p(member_id uuid, org_id uuid, stage text, valid_from date, valid_to date)""")
                    .setParameter(1, periods.toString()).executeUpdate();
        });
        em.createNativeQuery("""
                insert into roster_member (member_id, name, org_id, stage, ended_on, transferred_out_on, source_version, updated_at)
                select member_id, name, org_id, stage, ended_on, transferred_out_on, source_version, updated_at
                from jsonb_to_recordset(cast(?1 as jsonb)) as m(member_id uuid, name text, org_id uuid, stage text,
                  ended_on date, transferred_out_on date, source_version bigint, updated_at timestamptz)
                on conflict (member_id) do update set name = excluded.name, org_id = excluded.org_id,
                  stage = excluded.stage, ended_on = excluded.ended_on, transferred_out_on = excluded.transferred_out_on,
                  source_version = excluded.source_version, updated_at = excluded.updated_at""")
                .setParameter(1, now.toString()).executeUpdate();
        if (!changedFrom.isEmpty()) {
            Map<UUID, List<MemberHistory.Period>> before = new HashMap<>();
            Map<UUID, List<MemberHistory.Period>> after = new HashMap<>();
            changedFrom.keySet().forEach(m -> {
                before.put(m, storedPeriods.getOrDefault(m, List.of()));
                after.put(m, rebuilt.get(m));
            });
            membershipsChanged.fire(new MembershipsChanged(before, after, Map.copyOf(changedFrom)));
        }
    }

    /** The members' periods as stored before this rebuild. */
    private Map<UUID, List<MemberHistory.Period>> periodsOf(String memberIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select member_id, org_id, stage, valid_from, valid_to from membership_period
                where member_id = any(cast(?1 as uuid[]))""")
                .setParameter(1, memberIds).getResultList();
        Map<UUID, List<MemberHistory.Period>> periods = new HashMap<>();
        for (Object[] r : rows) {
            periods.computeIfAbsent((UUID) r[0], m -> new ArrayList<>())
                    .add(new MemberHistory.Period((UUID) r[1], (String) r[2], Sql.date(r[3]), Sql.date(r[4])));
        }
        return periods;
    }

    /** One page of {@link #on}, in its order (name, then member id), after the query's cursor. */
    @SuppressWarnings("unchecked")
    public org.dangjian.platform.api.list.ListPage<RosterEntry> page(UUID orgId, LocalDate date,
            org.dangjian.platform.api.list.ListQuery query) {
        org.dangjian.platform.api.list.SortOrder order = query.sort("name");
        var after = query.after();
        var q = em.createNativeQuery("""
                select p.member_id, m.name, p.stage
                from membership_period p join roster_member m on m.member_id = p.member_id
                where p.org_id = :org and p.valid_from <= :on and (p.valid_to is null or p.valid_to > :on)
                  and (p.stage is null or p.stage = any(cast(:stages as text[])))
                  and %s
                order by %s limit :limit""".formatted(after.isPresent() ? order.after("coalesce(m.name, '')", "p.member_id") : "true",
                        order.orderBy("coalesce(m.name, '')", "p.member_id")))
                .setParameter("org", orgId).setParameter("on", date).setParameter("stages", stagesArray())
                .setParameter("limit", query.limit());
        after.ifPresent(c -> q.setParameter("cursor0", c.string(0)).setParameter("cursor1", c.uuid(1)));
        List<Object[]> rows = q.getResultList();
        return org.dangjian.platform.api.list.ListPage.of(
                rows.stream().map(r -> new RosterEntry((UUID) r[0], (String) r[1], (String) r[2])).toList(), query,
                e -> org.dangjian.platform.api.list.Cursor.at(e.name() == null ? "" : e.name(), e.memberId()));
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
                select m.member_id, m.name, m.org_id, m.stage, m.ended_on, m.transferred_out_on,
                       coalesce(m.org_id, (select p.org_id from membership_period p where p.member_id = m.member_id
                                           order by p.valid_from desc limit 1))
                from roster_member m where m.member_id = ?1""")
                .setParameter(1, memberId).getResultList();
        return rows.stream().findFirst().map(r -> new MemberNow((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3],
                Sql.date(r[4]), Sql.date(r[5]), (UUID) r[6]));
    }

    /**
     * The member as of {@code day}: known here, a member of some organization of the platform that day (any
     * stage), neither ended nor transferred away by then. Empty for an id this service never heard of.
     */
    public Optional<MemberOn> memberOn(UUID memberId, LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select p.member_id, m.name, p.org_id, p.stage
                from membership_period p join roster_member m on m.member_id = p.member_id
                where p.member_id = ?1 and p.valid_from <= ?2 and (p.valid_to is null or p.valid_to > ?2)
                order by p.valid_from desc limit 1""")
                .setParameter(1, memberId).setParameter(2, day).getResultList();
        return rows.stream().findFirst().map(r -> new MemberOn((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3]));
    }

    /** Postgres array literal of the roster stages, bound as text and cast, to avoid driver-specific array binding. */
    public String stagesArray() {
        return PgArray.literal(rules.rosterStages());
    }
}
