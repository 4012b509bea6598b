package org.dangjian.member.pipeline;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import org.dangjian.member.pipeline.DevelopmentRecord.Kind;
import org.dangjian.platform.api.scope.Condition;
import org.dangjian.platform.api.scope.Scope;

import java.sql.Date;
import org.dangjian.platform.api.list.Cursor;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DevelopmentRecordRepository implements PanacheRepositoryBase<DevelopmentRecord, UUID> {

    /** A person in development whose follow-up is due: who, where, since when it is due. */
    public record Due(UUID memberId, String memberNumber, String name, UUID orgId, LocalDate dueOn) {
    }

    public List<DevelopmentRecord> of(UUID memberId) {
        return list("memberId = ?1 order by heldOn, recordedAt", memberId);
    }

    /** The first talk held on or before {@code by}. */
    public Optional<LocalDate> firstTalkBy(UUID memberId, LocalDate by) {
        return find("memberId = ?1 and kind = ?2 and heldOn <= ?3 order by heldOn", memberId, Kind.TALK, by)
                .firstResultOptional().map(DevelopmentRecord::heldOn);
    }

    /** The latest review held on or before {@code by}. */
    public Optional<LocalDate> lastReviewBy(UUID memberId, LocalDate by) {
        return find("memberId = ?1 and kind = ?2 and heldOn <= ?3 order by heldOn desc", memberId, Kind.REVIEW, by)
                .firstResultOptional().map(DevelopmentRecord::heldOn);
    }

    /**
     * Applicants with no talk yet whose talk is due on or before {@code until}, oldest due first.
     * PostgreSQL's date + interval clamps month ends like {@link LocalDate#plus}, so the due dates agree.
     */
    public List<Due> talksDue(Scope scope, Period within, LocalDate until, Optional<Cursor> after, int limit) {
        return due(TALKS_DUE, scope, within, until, after, limit);
    }

    /** The applicants whose talk is due: id, member_number, name, org_id, due_on; {@code %s} takes the scope condition. */
    static final String TALKS_DUE = """
            select m.id, m.member_number, m.name, m.org_id, cast(m.applied_on + cast(:within as interval) as date) as due_on
            from member m
            where m.stage = 'APPLICANT' and m.transferred_out_on is null and m.applied_on is not null
              and not exists (select 1 from member_development_record r where r.member_id = m.id and r.kind = 'TALK')
              %s
            """;

    /** Activists whose next review (after the activist date or the last review) is due on or before {@code until}. */
    public List<Due> reviewsDue(Scope scope, Period interval, LocalDate until, Optional<Cursor> after, int limit) {
        return due(REVIEWS_DUE, scope, interval, until, after, limit);
    }

    /** The activists whose review is due, in the columns of {@link #TALKS_DUE}. */
    static final String REVIEWS_DUE = """
            select m.id, m.member_number, m.name, m.org_id,
                   cast(greatest(m.activist_on, (select max(r.held_on) from member_development_record r
                                             where r.member_id = m.id and r.kind = 'REVIEW'))
                    + cast(:within as interval) as date) as due_on
            from member m
            where m.stage = 'ACTIVIST' and m.transferred_out_on is null and m.activist_on is not null
              %s
            """;

    @SuppressWarnings("unchecked")
    private List<Due> due(String template, Scope scope, Period within, LocalDate until, Optional<Cursor> after, int limit) {
        Condition inScope = scope.orgCondition("m.org_id", "org_unit");
        String sql = "select * from (" + template.formatted("and " + inScope.sql()) + ") d where d.due_on <= :until"
                + (after.isPresent() ? " and (d.due_on, d.id) > (:afterDue, :afterId)" : "") + " order by d.due_on, d.id";
        Query query = inScope.bind(getEntityManager().createNativeQuery(sql))
                .setParameter("within", within.toString())
                .setParameter("until", until)
                .setMaxResults(limit);
        after.ifPresent(c -> query.setParameter("afterDue", c.date(0)).setParameter("afterId", c.uuid(1)));
        return ((List<Object[]>) query.getResultList()).stream()
                .map(r -> new Due((UUID) r[0], (String) r[1], (String) r[2], (UUID) r[3], toLocalDate(r[4])))
                .toList();
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
