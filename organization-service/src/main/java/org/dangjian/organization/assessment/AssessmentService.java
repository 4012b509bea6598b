package org.dangjian.organization.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.organization.assessment.AssessmentDtos.AssessmentView;
import org.dangjian.organization.assessment.AssessmentDtos.DefineSet;
import org.dangjian.organization.assessment.AssessmentDtos.SetView;
import org.dangjian.organization.audit.AuditLog;
import org.dangjian.organization.assessment.AssessmentDtos.Ranked;
import org.dangjian.organization.assessment.AssessmentDtos.Review;
import org.dangjian.organization.assessment.AssessmentDtos.SelfAssess;
import org.dangjian.organization.config.OrganizationRules;
import org.dangjian.organization.organization.OrganizationsInScope;
import org.dangjian.organization.organization.Organization;
import org.dangjian.organization.organization.OrganizationRepository;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.list.Cursor;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.api.scope.Condition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** 考核: criteria sets, self-assessment, review with score and rating, ranking within a subtree. */
@ApplicationScoped
public class AssessmentService {

    public static final String AUDIT_SET = "assessment-set";
    public static final String AUDIT_ASSESSMENT = "assessment";

    @Inject
    EntityManager em;

    @Inject
    OrganizationRepository organizations;

    @Inject
    OrganizationsInScope scope;

    @Inject
    CallerScope callerScope;

    @Inject
    OrganizationRules rules;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Transactional
    public AssessmentSet define(DefineSet request) {
        Organization owner = inScope(request.organizationId());
        List<AssessmentSet.Criterion> criteria = request.criteria().stream()
                .map(c -> new AssessmentSet.Criterion(c.code(), c.name().strip(), c.weight())).toList();
        AssessmentSet set = new AssessmentSet(owner.id(), request.year(), request.name().strip(), criteria);
        em.persist(set);
        em.flush();
        audit.write("ASSESSMENT_SET_DEFINED", AUDIT_SET, set.id(), set.organizationId(), null, SetView.of(set));
        return set;
    }

    @Transactional
    public AssessmentSet set(UUID id) {
        AssessmentSet set = em.find(AssessmentSet.class, id);
        if (set == null || !scope.covers(set.organizationId())) {
            throw DomainException.notFound("ASSESSMENT_SET_NOT_FOUND", id);
        }
        return set;
    }

    /** The organization scores itself against a set of its own level or a higher one. */
    @Transactional
    public Assessment selfAssess(UUID setId, SelfAssess request) {
        Organization organization = inScope(request.organizationId());
        AssessmentSet set = em.find(AssessmentSet.class, setId);
        Organization owner = set == null ? null : organizations.byId(set.organizationId()).orElse(null);
        if (owner == null || !owner.contains(organization)) {
            throw DomainException.notFound("ASSESSMENT_SET_NOT_FOUND", setId);
        }
        organization.requireActive();
        boolean submitted = !em.createQuery("from Assessment where setId = ?1 and organizationId = ?2", Assessment.class)
                .setParameter(1, set.id()).setParameter(2, organization.id()).getResultList().isEmpty();
        if (submitted) {
            throw DomainException.conflict("ASSESSMENT_ALREADY_SUBMITTED", organization.name(), set.name());
        }
        Assessment assessment = new Assessment(set, organization.id(), request.scores());
        em.persist(assessment);
        em.flush();
        audit.write("ASSESSMENT_SELF_ASSESSED", AUDIT_ASSESSMENT, assessment.id(), assessment.organizationId(), null, Scored.of(assessment));
        return assessment;
    }

    /** Reviewed by the set's level: the caller's scope must hold the organization that defined the set. */
    @Transactional
    public Assessment review(UUID id, Review request) {
        Assessment assessment = em.find(Assessment.class, id);
        AssessmentSet set = assessment == null ? null : em.find(AssessmentSet.class, assessment.setId());
        if (set == null || !scope.covers(set.organizationId())) {
            throw DomainException.notFound("ASSESSMENT_NOT_FOUND", id);
        }
        if (assessment.status() == Assessment.Status.REVIEWED && sameScores(request.scores(), assessment.reviewScores())) {
            return assessment; // the same review again (a retry): 200 with it, nothing audited twice
        }
        OrganizationRules.Assessment limits = rules.assessment();
        Scored before = Scored.of(assessment);
        assessment.review(set, request.scores(), score -> rating(score, limits), caller.subject());
        em.flush();
        audit.write("ASSESSMENT_REVIEWED", AUDIT_ASSESSMENT, assessment.id(), assessment.organizationId(), before, Scored.of(assessment));
        return assessment;
    }

    /** The same scores criterion by criterion, 90 and 90.0 alike (a client may send either on a retry). */
    private static boolean sameScores(Map<String, BigDecimal> asked, Map<String, BigDecimal> recorded) {
        return recorded != null && asked.size() == recorded.size() && asked.entrySet().stream()
                .allMatch(e -> recorded.get(e.getKey()) != null && recorded.get(e.getKey()).compareTo(e.getValue()) == 0);
    }

    /** The audit copy of an assessment: per-criterion scores as well as the totals, so a review's changes show. */
    record Scored(@com.fasterxml.jackson.annotation.JsonUnwrapped AssessmentView assessment,
            Map<String, BigDecimal> selfScores, Map<String, BigDecimal> reviewScores) {

        static Scored of(Assessment a) {
            return new Scored(AssessmentView.of(a), a.selfScores(), a.reviewScores());
        }
    }

    /** An assessment is visible to whoever sees the assessed organization (its own level and every level above). */
    @Transactional
    public Assessment assessment(UUID id) {
        Assessment assessment = em.find(Assessment.class, id);
        if (assessment == null || !scope.covers(assessment.organizationId())) {
            throw DomainException.notFound("ASSESSMENT_NOT_FOUND", id);
        }
        return assessment;
    }

    /**
     * Where an assessment awaits the caller's review: self-assessed, against a set whose organization (the reviewing
     * level) is in their scope; {@code a} the assessment, {@code o} the assessed organization. Shared with the work
     * queue (tasks.AssessmentToReview), so the task and the list cannot disagree.
     */
    public static final String AWAITING_REVIEW = """
            from assessment a join assessment_set s on s.id = a.set_id join organization so on so.id = s.organization_id
            join organization o on o.id = a.organization_id
            where a.status = 'SELF_ASSESSED' and /*scope*/""";

    /** Self-assessments waiting for the caller's review (审核), in the order they were submitted (ids are UUIDv7). */
    @Transactional
    public ListPage<AssessmentView> awaitingReview(ListQuery query) {
        query.sort("submitted");
        Cursor after = query.after().orElse(null);
        Condition inScope = callerScope.pathCondition("so.path");
        var select = inScope.bind(em.createNativeQuery("select a.* " + AWAITING_REVIEW.replace("/*scope*/", inScope.sql())
                        + (after == null ? "" : " and a.id > :after") + " order by a.id limit :size", Assessment.class))
                .setParameter("size", query.limit());
        if (after != null) {
            select.setParameter("after", after.uuid(0));
        }
        @SuppressWarnings("unchecked")
        List<Assessment> found = select.getResultList();
        return ListPage.of(found, query, a -> Cursor.at(a.id())).map(AssessmentView::of);
    }

    /**
     * Reviewed organizations of the caller's scope, best first (then in tree order); equal scores share a rank, which
     * is counted over the whole ranking, so a later page goes on where the previous one stopped.
     */
    @Transactional
    public ListPage<Ranked> ranking(UUID setId, ListQuery query) {
        query.sort("rank");
        Cursor after = query.after().orElse(null);
        AssessmentSet set = set(setId);
        Condition inScope = callerScope.pathCondition("o.path");
        var select = inScope.bind(em.createNativeQuery("""
                        select * from (
                            select a.organization_id, o.name, a.score, a.rating,
                                   rank() over (order by a.score desc) as place, o.path
                            from assessment a join organization o on o.id = a.organization_id
                            where a.set_id = :set and a.status = 'REVIEWED' and /*scope*/) r
                        where /*after*/
                        order by r.score desc, r.path limit :size"""
                        .replace("/*scope*/", inScope.sql())
                        .replace("/*after*/", after == null ? "true"
                                : "(r.score < :score or (r.score = :score and r.path > :path))")))
                .setParameter("set", set.id()).setParameter("size", query.limit());
        if (after != null) {
            select.setParameter("score", after.decimal(0)).setParameter("path", after.string(1));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        return ListPage.of(rows, query, r -> Cursor.at(((BigDecimal) r[2]).toPlainString(), r[5]))
                .map(r -> new Ranked(((Number) r[4]).intValue(), (UUID) r[0], (String) r[1], (BigDecimal) r[2],
                        Assessment.Rating.valueOf((String) r[3])));
    }

    static Assessment.Rating rating(BigDecimal score, OrganizationRules.Assessment limits) {
        if (score.compareTo(BigDecimal.valueOf(limits.excellentFrom())) >= 0) {
            return Assessment.Rating.EXCELLENT;
        }
        if (score.compareTo(BigDecimal.valueOf(limits.goodFrom())) >= 0) {
            return Assessment.Rating.GOOD;
        }
        if (score.compareTo(BigDecimal.valueOf(limits.passFrom())) >= 0) {
            return Assessment.Rating.PASS;
        }
        return Assessment.Rating.FAIL;
    }

    private Organization inScope(UUID id) {
        return scope.find(id)
                .orElseThrow(() -> DomainException.notFound("ORGANIZATION_NOT_FOUND", id));
    }
}
