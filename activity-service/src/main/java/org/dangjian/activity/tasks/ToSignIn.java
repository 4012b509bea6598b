package org.dangjian.activity.tasks;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import org.dangjian.activity.common.Sql;
import org.dangjian.activity.me.MyActivities;
import org.dangjian.activity.roster.Roster;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.tasks.Task;
import org.dangjian.platform.api.tasks.TaskKind;

import java.util.List;
import java.util.UUID;

/**
 * ACTIVITY_TO_SIGN_IN, for any caller whose token names a member: a planned activity they are expected at (as in
 * GET /me/activities) whose sign-in is open (its planned day is today or past) and that they have neither signed in
 * to nor asked leave from; due on its planned day. Linked to the sign-in operation.
 */
@RequestScoped
public class ToSignIn implements TaskKind {

    private static final String DUE = ActivityTaskKind.DUE;

    private static final String OPEN = " from (" + MyActivities.MINE + ") mine join activity a on a.id = mine.id"
            + " left join activity_response r on r.activity_id = a.id and r.member_id = :me"
            + " where a.status = 'PLANNED' and r.member_id is null and " + DUE + " <= :today";

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Roster roster;

    @Inject
    BusinessClock clock;

    @Override
    public String kind() {
        return "ACTIVITY_TO_SIGN_IN";
    }

    @Override
    public boolean appliesToCaller() {
        return caller.memberId().isPresent();
    }

    @Override
    public long count() {
        return Sql.count(bind(em.createNativeQuery("select count(*)" + OPEN)).getSingleResult());
    }

    @Override
    public List<Task> after(Position after, int limit) {
        Query q = bind(em.createNativeQuery("select a.id, a.org_id, a.topic, " + DUE + " as due" + OPEN + " and "
                + after.condition(kind(), DUE, "a.id") + " order by " + Position.orderBy(DUE, "a.id") + " limit :limit",
                Tuple.class));
        after.bind(q, kind()).setParameter("limit", limit);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = q.getResultList();
        return rows.stream().map(t -> {
            UUID id = t.get("id", UUID.class);
            return Task.of(kind(), "activity", id, t.get("topic", String.class), t.get("org_id", UUID.class),
                    Sql.date(t.get("due")), clock.today(), "/api/v1/me/activities/" + id + "/sign-in");
        }).toList();
    }

    private Query bind(Query q) {
        return q.setParameter("me", caller.memberId().orElseThrow()).setParameter("stages", roster.stagesArray())
                .setParameter("zone", clock.zone().getId()).setParameter("today", clock.today());
    }
}
