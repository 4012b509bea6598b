package org.dangjian.organization.coverage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.organization.coverage.UnitDtos.ChangeCoverage;
import org.dangjian.organization.coverage.UnitDtos.CoverageRate;
import org.dangjian.organization.coverage.UnitDtos.RegisterUnit;
import org.dangjian.organization.coverage.UnitDtos.UnitView;
import org.dangjian.organization.audit.AuditLog;
import org.dangjian.organization.organization.OrganizationsInScope;
import org.dangjian.organization.organization.Organization;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.list.Cursor;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.api.scope.Condition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** 两个覆盖: the register of units, how each is covered, the coverage rate and the gaps. */
@ApplicationScoped
public class UnitService {

    public static final String AUDIT_TARGET = "unit";

    @Inject
    EntityManager em;

    @Inject
    OrganizationsInScope scope;

    @Inject
    CallerScope callerScope;

    @Inject
    BusinessClock clock;

    @Inject
    AuditLog audit;

    @Transactional
    public Unit register(RegisterUnit request) {
        Organization register = scope.referenced(request.organizationId(), "ORGANIZATION_PARENT_NOT_FOUND");
        register.requireActive();
        if (!em.createQuery("from Unit where creditCode = ?1", Unit.class).setParameter(1, request.creditCode())
                .getResultList().isEmpty()) {
            throw DomainException.conflict("UNIT_CREDIT_CODE_TAKEN", request.creditCode());
        }
        Unit unit = new Unit(register, request.name().strip(), request.creditCode(), request.kind(), request.regionCode(),
                request.employees(), request.partyMembers(),
                request.registeredOn() != null ? request.registeredOn() : clock.today());
        em.persist(unit);
        em.flush();
        audit.write("UNIT_REGISTERED", AUDIT_TARGET, unit.id(), unit.organizationId(), null, UnitView.of(unit));
        return unit;
    }

    @Transactional
    public Unit get(UUID id) {
        Unit unit = em.find(Unit.class, id);
        if (unit == null || !scope.covers(unit.organizationId())) {
            throw DomainException.notFound("UNIT_NOT_FOUND", id);
        }
        return unit;
    }

    @Transactional
    public Unit changeCoverage(UUID id, ChangeCoverage request) {
        Unit unit = get(id);
        if (alreadyCovered(unit, request)) {
            return unit; // the coverage asked for is the unit's (a retry): 200 with it, nothing audited twice
        }
        UnitView before = UnitView.of(unit);
        LocalDate since = request.since() != null ? request.since() : clock.today();
        switch (request.coverage()) {
            case OWN_BRANCH, JOINT_BRANCH -> {
                if (request.organizationId() == null) {
                    throw DomainException.unprocessable("UNIT_COVERING_ORGANIZATION_REQUIRED", request.coverage());
                }
                Organization covering = scope.referenced(request.organizationId(), "ORGANIZATION_PARENT_NOT_FOUND");
                unit.coverBy(request.coverage(), covering, since);
            }
            case INSTRUCTOR -> {
                if (request.instructorName() == null || request.instructorName().isBlank()) {
                    throw DomainException.unprocessable("UNIT_INSTRUCTOR_REQUIRED");
                }
                unit.coverByInstructor(request.instructorName().strip(), since);
            }
            case NONE -> unit.uncover();
        }
        em.flush();
        audit.write("UNIT_COVERAGE_CHANGED", AUDIT_TARGET, unit.id(), unit.organizationId(), before,
                new CoverageChanged(UnitView.of(unit), request.reason()));
        return unit;
    }

    /** Whether the unit is covered exactly as asked: same way, same organization or instructor, same date when one is sent. */
    private static boolean alreadyCovered(Unit unit, ChangeCoverage request) {
        if (unit.coverage() != request.coverage()) {
            return false;
        }
        return switch (request.coverage()) {
            case NONE -> true;
            case OWN_BRANCH, JOINT_BRANCH -> java.util.Objects.equals(request.organizationId(), unit.coveringOrganizationId())
                    && (request.since() == null || request.since().equals(unit.coveredSince()));
            case INSTRUCTOR -> request.instructorName() != null
                    && request.instructorName().strip().equals(unit.instructorName())
                    && (request.since() == null || request.since().equals(unit.coveredSince()));
        };
    }

    /** The audit copy of a coverage change: the unit after it, and why. */
    record CoverageChanged(@com.fasterxml.jackson.annotation.JsonUnwrapped UnitView unit, String reason) {
    }

    /** 空白点: units of the caller's scope that no Party organization covers, in registration order. */
    @Transactional
    public ListPage<UnitView> gaps(String regionPrefix, UUID orgId, ListQuery query) {
        query.sort("registered");
        UUID after = query.after().map(c -> c.uuid(0)).orElse(new UUID(0, 0));
        String subtree = subtreeOf(orgId);
        Condition inScope = callerScope.pathCondition("o.path");
        List<Unit> units = inScope.bind(em.createNativeQuery("""
                        select u.* from unit u join organization o on o.id = u.organization_id
                        where /*scope*/ and u.coverage = 'NONE' and u.region_code like :region || '%'
                          and o.path like :subtree || '%' and u.id > :after
                        order by u.id limit :size""".replace("/*scope*/", inScope.sql()), Unit.class))
                .setParameter("region", regionPrefix == null ? "" : regionPrefix).setParameter("subtree", subtree)
                .setParameter("after", after).setParameter("size", query.limit())
                .getResultList();
        return ListPage.of(units.stream().map(UnitView::of).toList(), query, u -> Cursor.at(u.id()));
    }

    /**
     * The path prefix of {@code orgId}'s subtree (404 ORGANIZATION_NOT_FOUND when unknown or outside the caller's
     * scope, alike), or "" (every path) without it. Paths hold only hex digits, dashes and slashes: no LIKE escaping.
     */
    private String subtreeOf(UUID orgId) {
        if (orgId == null) {
            return "";
        }
        return scope.find(orgId).orElseThrow(() -> DomainException.notFound("ORGANIZATION_NOT_FOUND", orgId)).path();
    }

    /** Coverage rate of the caller's scope per region, at the level of the first {@code digits} of the region code. */
    @Transactional
    public ListPage<CoverageRate> rates(String regionPrefix, int digits, UUID orgId, ListQuery query) {
        query.sort("regionCode");
        String after = query.after().map(c -> c.string(0)).orElse("");
        String subtree = subtreeOf(orgId);
        Condition inScope = callerScope.pathCondition("o.path");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = inScope.bind(em.createNativeQuery("""
                        select substring(u.region_code from 1 for :digits) as region, count(*),
                               count(*) filter (where u.coverage <> 'NONE')
                        from unit u join organization o on o.id = u.organization_id
                        where /*scope*/ and u.region_code like :region || '%' and o.path like :subtree || '%'
                          and substring(u.region_code from 1 for :digits) > :after
                        group by 1 order by 1 limit :size""".replace("/*scope*/", inScope.sql())))
                .setParameter("digits", digits).setParameter("subtree", subtree).setParameter("after", after)
                .setParameter("size", query.limit())
                .setParameter("region", regionPrefix == null ? "" : regionPrefix).getResultList();
        List<CoverageRate> rates = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long units = ((Number) r[1]).longValue();
            long covered = ((Number) r[2]).longValue();
            rates.add(new CoverageRate((String) r[0], units, covered,
                    BigDecimal.valueOf(covered).divide(BigDecimal.valueOf(units), 4, RoundingMode.HALF_UP)));
        }
        return ListPage.of(rates, query, r -> Cursor.at(r.regionCode()));
    }
}
