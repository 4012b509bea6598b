package org.dangjian.member.conduct;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.member.conduct.ConductDtos.Commendation;
import org.dangjian.member.conduct.ConductDtos.Conduct;
import org.dangjian.member.conduct.ConductDtos.Discipline;
import org.dangjian.member.conduct.ConductDtos.Evaluation;
import org.dangjian.member.conduct.ConductDtos.EvaluationResult;
import org.dangjian.member.conduct.ConductDtos.Measure;
import org.dangjian.member.member.Member;
import org.dangjian.member.member.MemberAccess;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.Ids;
import org.dangjian.platform.api.audit.AuditTrail;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Commendations (表彰), discipline (党纪处分) and democratic evaluations (民主评议) on the record; append-only. */
@ApplicationScoped
public class ConductService {

    @Inject
    EntityManager em;

    @Inject
    MemberAccess access;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    BusinessClock clock;

    @Transactional
    public Commendation commend(UUID memberId, Commendation c) {
        Member m = partyMember(memberId);
        UUID id = Ids.next();
        em.createNativeQuery("""
                insert into member_commendation (id, member_id, title, awarded_by, awarded_on, recorded_by, recorded_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""").setParameter(1, id).setParameter(2, m.id()).setParameter(3, c.title())
                .setParameter(4, c.awardedBy()).setParameter(5, c.awardedOn()).setParameter(6, caller.subject())
                .setParameter(7, now()).executeUpdate();
        Commendation recorded = new Commendation(id, c.title(), c.awardedBy(), c.awardedOn());
        audit.write("MEMBER_COMMENDED", "member", m.id(), null, recorded);
        return recorded;
    }

    @Transactional
    public Discipline discipline(UUID memberId, Discipline d) {
        Member m = partyMember(memberId);
        UUID id = Ids.next();
        em.createNativeQuery("""
                insert into member_discipline (id, member_id, measure, decided_by, decided_on, reason, recorded_by, recorded_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""").setParameter(1, id).setParameter(2, m.id())
                .setParameter(3, d.measure().name()).setParameter(4, d.decidedBy()).setParameter(5, d.decidedOn())
                .setParameter(6, d.reason()).setParameter(7, caller.subject()).setParameter(8, now()).executeUpdate();
        Discipline recorded = new Discipline(id, d.measure(), d.decidedBy(), d.decidedOn(), d.reason());
        audit.write("MEMBER_DISCIPLINED", "member", m.id(), null, recorded);
        return recorded;
    }

    @Transactional
    public Evaluation evaluate(UUID memberId, Evaluation e) {
        Member m = partyMember(memberId);
        if (e.year() > clock.today().getYear()) {
            throw DomainException.unprocessable("MEMBER_EVALUATION_YEAR_IN_FUTURE", e.year());
        }
        Number existing = (Number) em.createNativeQuery("select count(*) from member_evaluation where member_id = ?1 and year = ?2")
                .setParameter(1, m.id()).setParameter(2, e.year()).getSingleResult();
        if (existing.intValue() > 0) {
            throw DomainException.conflict("MEMBER_EVALUATION_EXISTS", e.year());
        }
        UUID id = Ids.next();
        em.createNativeQuery("""
                insert into member_evaluation (id, member_id, year, result, recorded_by, recorded_at)
                values (?1, ?2, ?3, ?4, ?5, ?6)""").setParameter(1, id).setParameter(2, m.id()).setParameter(3, e.year())
                .setParameter(4, e.result().name()).setParameter(5, caller.subject()).setParameter(6, now()).executeUpdate();
        Evaluation recorded = new Evaluation(id, e.year(), e.result());
        audit.write("MEMBER_EVALUATED", "member", m.id(), null, recorded);
        return recorded;
    }

    @Transactional
    public Conduct conduct(UUID memberId) {
        Member m = access.visible(memberId);
        @SuppressWarnings("unchecked")
        List<Object[]> commendations = em.createNativeQuery("select id, title, awarded_by, awarded_on from member_commendation "
                + "where member_id = ?1 order by awarded_on, id").setParameter(1, m.id()).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> disciplines = em.createNativeQuery("select id, measure, decided_by, decided_on, reason from member_discipline "
                + "where member_id = ?1 order by decided_on, id").setParameter(1, m.id()).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> evaluations = em.createNativeQuery("select id, year, result from member_evaluation "
                + "where member_id = ?1 order by year").setParameter(1, m.id()).getResultList();
        return new Conduct(m.id(),
                commendations.stream().map(r -> new Commendation((UUID) r[0], (String) r[1], (String) r[2], date(r[3]))).toList(),
                disciplines.stream().map(r -> new Discipline((UUID) r[0], Measure.valueOf((String) r[1]), (String) r[2], date(r[3]),
                        (String) r[4])).toList(),
                evaluations.stream().map(r -> new Evaluation((UUID) r[0], ((Number) r[1]).intValue(),
                        EvaluationResult.valueOf((String) r[2]))).toList());
    }

    private Member partyMember(UUID memberId) {
        Member m = access.visible(memberId);
        if (!m.stage().isMember()) {
            throw DomainException.unprocessable("MEMBER_CONDUCT_NOT_A_PARTY_MEMBER", m.stage());
        }
        return m;
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
