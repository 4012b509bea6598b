package org.dangjian.organization.leadership;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.dangjian.organization.leadership.LeadershipDtos.TermDue;
import org.dangjian.organization.organization.OrganizationType;
import org.dangjian.platform.api.list.Cursor;
import org.dangjian.platform.api.list.SortOrder;
import org.dangjian.platform.api.scope.Condition;
import org.dangjian.platform.api.scope.Scope;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LeadershipRepository implements PanacheRepositoryBase<LeadershipTeam, UUID> {

    public List<LeadershipSeat> openSeats(UUID organizationId) {
        return getEntityManager().createQuery(
                        "from LeadershipSeat where organizationId = ?1 and endedOn is null order by seat, startedOn, id",
                        LeadershipSeat.class)
                .setParameter(1, organizationId).getResultList();
    }

    /**
     * Ended seats of the organization that ended on or after {@code since} (every ended seat when null),
     * most recently ended first.
     */
    public List<LeadershipSeat> endedSeats(UUID organizationId, LocalDate since) {
        String sinceClause = since == null ? "" : " and endedOn >= ?2";
        var query = getEntityManager().createQuery("from LeadershipSeat where organizationId = ?1 and endedOn is not null"
                + sinceClause + " order by endedOn desc, seat, startedOn, id", LeadershipSeat.class)
                .setParameter(1, organizationId);
        if (since != null) {
            query.setParameter(2, since);
        }
        return query.getResultList();
    }

    public boolean hasOpenSeats(UUID organizationId) {
        return getEntityManager().createQuery(
                        "select count(s) from LeadershipSeat s where s.organizationId = ?1 and s.endedOn is null", Long.class)
                .setParameter(1, organizationId).getSingleResult() > 0;
    }

    /**
     * The organizations in which a member holds a seat now. Ids only: the seats themselves are read once their
     * team is locked, so a seat ending at the same moment is not overwritten with a stale copy.
     */
    public List<UUID> organizationsSeating(UUID memberId) {
        return getEntityManager().createQuery("""
                        select distinct s.organizationId from LeadershipSeat s
                        where s.memberId = ?1 and s.endedOn is null order by s.organizationId""", UUID.class)
                .setParameter(1, memberId).getResultList();
    }

    /**
     * The organization's team, created when it has none, locked until the transaction ends: every change of
     * its seats goes through it, so two at once (a retried appointment, a member event ending a seat) run one
     * after the other and the second sees the first's seats instead of failing on the seat's unique index.
     */
    public LeadershipTeam lockedTeam(UUID organizationId) {
        getEntityManager().createNativeQuery("""
                        insert into leadership_team (organization_id, changed_at, version) values (?1, now(), 0)
                        on conflict (organization_id) do nothing""")
                .setParameter(1, organizationId).executeUpdate();
        return getEntityManager().find(LeadershipTeam.class, organizationId, LockModeType.PESSIMISTIC_WRITE);
    }

    public void persistSeat(LeadershipSeat seat) {
        getEntityManager().persist(seat);
    }

    public LeadershipSeat seat(UUID seatId) {
        return getEntityManager().find(LeadershipSeat.class, seatId);
    }

    /** The terms' order: the day they end, then tree order; {@code o.path} ends with the id, so it is unique. */
    private static final SortOrder SOONEST_FIRST = new SortOrder("termEndsOn", false);

    /**
     * Active organizations of a subtree whose term ends in [{@code from}, {@code to}], soonest first, after
     * {@code after} (the {@code termEndsOn, path} of the last one seen; null for the first), at most {@code limit}.
     */
    public List<TermDue> termsEnding(Scope scope, LocalDate from, LocalDate to, Cursor after, int limit) {
        Condition inScope = scope.pathCondition("o.path");
        var query = inScope.bind(getEntityManager().createNativeQuery("""
                        select o.id, o.name, o.type, o.path, t.term_started_on, t.term_ends_on
                        from leadership_team t join organization o on o.id = t.organization_id
                        where /*scope*/ and o.status = 'ACTIVE'
                          and t.term_ends_on >= :from and t.term_ends_on <= :to /*after*/
                        order by /*order*/ limit :size"""
                        .replace("/*scope*/", inScope.sql())
                        .replace("/*after*/", after == null ? "" : "and " + SOONEST_FIRST.after("t.term_ends_on", "o.path"))
                        .replace("/*order*/", SOONEST_FIRST.orderBy("t.term_ends_on", "o.path"))))
                .setParameter("from", from).setParameter("to", to).setParameter("size", limit);
        if (after != null) {
            query.setParameter("cursor0", after.date(0)).setParameter("cursor1", after.string(1));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<TermDue> due = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            due.add(new TermDue((UUID) r[0], (String) r[1], OrganizationType.valueOf((String) r[2]), (String) r[3],
                    date(r[4]), date(r[5])));
        }
        return due;
    }

    /** How many terms {@link #termsEnding} finds in all: one count, for the work queue's badge. */
    public long countTermsEnding(Scope scope, LocalDate from, LocalDate to) {
        Condition inScope = scope.pathCondition("o.path");
        return ((Number) inScope.bind(getEntityManager().createNativeQuery("""
                        select count(*) from leadership_team t join organization o on o.id = t.organization_id
                        where /*scope*/ and o.status = 'ACTIVE'
                          and t.term_ends_on >= :from and t.term_ends_on <= :to""".replace("/*scope*/", inScope.sql())))
                .setParameter("from", from).setParameter("to", to).getSingleResult()).longValue();
    }

    private static LocalDate date(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
