package org.dangjian.activity.me;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.dangjian.activity.activity.ActivityStatus;
import org.dangjian.activity.activity.ActivityType;
import org.dangjian.activity.activity.AttendanceStatus;
import org.dangjian.activity.common.Sql;
import org.dangjian.activity.me.MyActivityDtos.MyActivity;
import org.dangjian.activity.me.MyActivityDtos.MyResponse;
import org.dangjian.activity.me.MyActivityDtos.ResponseKind;
import org.dangjian.activity.roster.Roster;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.audit.AuditTrail;
import org.dangjian.platform.api.list.Cursor;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.dangjian.platform.api.list.SortOrder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The activities of the token's own member: those they were on the attendance sheet of once held, and the planned
 * (or cancelled) ones of the organization they belong to on the planned day — who the recorder will list. Their
 * sign-in (签到) and leave requests (请假) to planned ones.
 */
@ApplicationScoped
public class MyActivities {

    /**
     * The ids of the member's activities: held ones from their attendance lines, the others from their membership
     * periods (the organization's activities planned on a day the period covers), each by an index.
     */
    public static final String MINE = """
            select att.activity_id as id from activity_attendance att where att.member_id = :me
            union
            select a.id from membership_period p join activity a on a.org_id = p.org_id
            where p.member_id = :me and (p.stage is null or p.stage = any(cast(:stages as text[])))
              and a.status <> 'HELD'
              and a.planned_start >= cast(p.valid_from as timestamp) at time zone :zone
              and (p.valid_to is null or a.planned_start < cast(p.valid_to as timestamp) at time zone :zone)""";

    private static final String COLUMNS = """
            select a.id, a.org_id, a.type, a.topic, a.planned_start, a.planned_end, a.place, a.online_link, a.status,
                   a.held_on, att.status as attendance, att.hours, att.leave_reason, r.kind, r.reason, r.responded_at
            from (%s) mine join activity a on a.id = mine.id
            left join activity_attendance att on att.activity_id = a.id and att.member_id = :me
            left join activity_response r on r.activity_id = a.id and r.member_id = :me
            """.formatted(MINE);

    /** {@code when}: upcoming = still planned; past = held or cancelled. */
    public enum When { upcoming, past }

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Roster roster;

    @Inject
    BusinessClock clock;

    @Inject
    AuditTrail audit;

    @Transactional
    public ListPage<MyActivity> list(ActivityStatus status, When when, LocalDate from, LocalDate to, ListQuery query) {
        SortOrder order = query.sort("-startsAt", "startsAt");
        UUID me = caller.requireMemberId();
        var after = query.after();
        StringBuilder where = new StringBuilder("true");
        Map<String, Object> p = new HashMap<>();
        if (status != null) {
            where.append(" and a.status = :status");
            p.put("status", status.name());
        }
        if (when == When.upcoming) {
            where.append(" and a.status = 'PLANNED'");
        } else if (when == When.past) {
            where.append(" and a.status <> 'PLANNED'");
        }
        // an activity's date is the day held, else the planned day, as in GET /activities
        if (from != null) {
            where.append(" and ((a.held_on is not null and a.held_on >= :from) or (a.held_on is null and a.planned_start >= :fromInstant))");
            p.put("from", from);
            p.put("fromInstant", from.atStartOfDay(clock.zone()).toOffsetDateTime());
        }
        if (to != null) {
            where.append(" and ((a.held_on is not null and a.held_on <= :to) or (a.held_on is null and a.planned_start < :toInstant))");
            p.put("to", to);
            p.put("toInstant", to.plusDays(1).atStartOfDay(clock.zone()).toOffsetDateTime());
        }
        if (after.isPresent()) {
            where.append(" and ").append(order.after("a.planned_start", "a.id"));
        }
        Query q = mine(COLUMNS + " where " + where + " order by " + order.orderBy("a.planned_start", "a.id")
                + " limit :limit", me);
        p.forEach(q::setParameter);
        q.setParameter("limit", query.limit());
        after.ifPresent(c -> q.setParameter("cursor0", c.dateTime(0)).setParameter("cursor1", c.uuid(1)));
        @SuppressWarnings("unchecked")
        List<Tuple> rows = q.getResultList();
        return ListPage.of(rows.stream().map(MyActivities::view).toList(), query, a -> Cursor.at(a.plannedStart(), a.id()));
    }

    /** 签到: the member is there. A repeat answers the same; a sign-in replaces an earlier leave request. */
    @Transactional
    public MyActivity signIn(UUID activityId) {
        UUID me = caller.requireMemberId();
        MyActivity activity = one(me, activityId);
        if (activity.response() != null && activity.response().kind() == ResponseKind.SIGNED_IN) {
            return activity;
        }
        requirePlanned(activity);
        LocalDate day = activity.plannedStart().atZoneSameInstant(clock.zone()).toLocalDate();
        if (clock.today().isBefore(day)) {
            throw DomainException.unprocessable("ACTIVITY_SIGN_IN_NOT_OPEN", day);
        }
        respond(me, activity, ResponseKind.SIGNED_IN, null);
        return one(me, activityId);
    }

    /** 请假: the member asks to be excused. A repeat answers the first request as it is. */
    @Transactional
    public MyActivity requestLeave(UUID activityId, String reason) {
        UUID me = caller.requireMemberId();
        MyActivity activity = one(me, activityId);
        if (activity.response() != null && activity.response().kind() == ResponseKind.LEAVE_REQUESTED) {
            return activity;
        }
        requirePlanned(activity);
        if (activity.response() != null) {
            throw DomainException.conflict("ACTIVITY_ALREADY_SIGNED_IN", activityId);
        }
        respond(me, activity, ResponseKind.LEAVE_REQUESTED, reason.strip());
        return one(me, activityId);
    }

    private static void requirePlanned(MyActivity activity) {
        if (activity.status() != ActivityStatus.PLANNED) {
            throw DomainException.conflict("ACTIVITY_NOT_OPEN_FOR_RESPONSES", activity.status());
        }
    }

    private void respond(UUID me, MyActivity activity, ResponseKind kind, String reason) {
        em.createNativeQuery("""
                insert into activity_response (activity_id, member_id, kind, reason, responded_at) values (?1, ?2, ?3, ?4, ?5)
                on conflict (activity_id, member_id) do update set kind = excluded.kind, reason = excluded.reason,
                  responded_at = excluded.responded_at""")
                .setParameter(1, activity.id()).setParameter(2, me).setParameter(3, kind.name()).setParameter(4, reason)
                .setParameter(5, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS)).executeUpdate();
        // who answered what, without the reason (personal, like leave reasons on the sheet)
        audit.write(kind == ResponseKind.SIGNED_IN ? "ACTIVITY_SIGNED_IN" : "ACTIVITY_LEAVE_REQUESTED", "activity",
                activity.id(), null, new Answered(activity.orgId(), me, kind));
    }

    record Answered(UUID orgId, UUID memberId, ResponseKind kind) {
    }

    /** One of the member's activities; any other (unknown, or not theirs) is 404 alike. */
    private MyActivity one(UUID me, UUID activityId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = mine(COLUMNS + " where a.id = :id", me).setParameter("id", activityId).getResultList();
        return rows.stream().findFirst().map(MyActivities::view)
                .orElseThrow(() -> DomainException.notFound("ACTIVITY_NOT_FOUND", activityId));
    }

    Query mine(String sql, UUID me) {
        return em.createNativeQuery(sql, Tuple.class).setParameter("me", me)
                .setParameter("stages", roster.stagesArray()).setParameter("zone", clock.zone().getId());
    }

    static MyActivity view(Tuple t) {
        ActivityType type = ActivityType.valueOf(t.get("type", String.class));
        String attendance = t.get("attendance", String.class);
        String kind = t.get("kind", String.class);
        return new MyActivity(t.get("id", UUID.class), t.get("org_id", UUID.class), type, type.label(),
                t.get("topic", String.class), Sql.timestamp(t.get("planned_start")), Sql.timestamp(t.get("planned_end")),
                t.get("place", String.class), t.get("online_link", String.class),
                ActivityStatus.valueOf(t.get("status", String.class)), Sql.date(t.get("held_on")),
                attendance == null ? null : AttendanceStatus.valueOf(attendance), (BigDecimal) t.get("hours"),
                t.get("leave_reason", String.class),
                kind == null ? null : new MyResponse(ResponseKind.valueOf(kind), t.get("reason", String.class),
                        Sql.timestamp(t.get("responded_at"))));
    }

}
