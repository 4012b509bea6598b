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
import org.dangjian.organization.organization.OrganizationDtos.Page;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.DomainException;
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
        audit.write("UNIT_REGISTERED", AUDIT_TARGET, unit.id(), null, UnitView.of(unit));
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
        audit.write("UNIT_COVERAGE_CHANGED", AUDIT_TARGET, unit.id(), before,
                new CoverageChanged(UnitView.of(unit), request.reason()));
        return unit;
    }

    /** The audit copy of a coverage change: the unit after it, and why. */
    record CoverageChanged(@com.fasterxml.jackson.annotation.JsonUnwrapped UnitView unit, String reason) {
    }

    /** 空白点: units of the caller's scope that no Party organization covers, in registration order. */
    @Transactional
    public Page<UnitView> gaps(String regionPrefix, UUID after, int size) {
        Condition inScope = callerScope.pathCondition("o.path");
        List<Unit> units = inScope.bind(em.createNativeQuery("""
                        select u.* from unit u join organization o on o.id = u.organization_id
                        where /*scope*/ and u.coverage = 'NONE' and u.region_code like :region || '%'
                          and u.id > :after
                        order by u.id limit :size""".replace("/*scope*/", inScope.sql()), Unit.class))
                .setParameter("region", regionPrefix == null ? "" : regionPrefix)
                .setParameter("after", after == null ? new UUID(0, 0) : after).setParameter("size", size)
                .getResultList();
        List<UnitView> items = units.stream().map(UnitView::of).toList();
        return new Page<>(items, items.size() == size ? items.get(items.size() - 1).id().toString() : null);
    }

    /** Coverage rate of the caller's scope per region, at the level of the first {@code digits} of the region code. */
    @Transactional
    public List<CoverageRate> rates(String regionPrefix, int digits) {
        Condition inScope = callerScope.pathCondition("o.path");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = inScope.bind(em.createNativeQuery("""
                        select substring(u.region_code from 1 for :digits) as region, count(*),
                               count(*) filter (where u.coverage <> 'NONE')
                        from unit u join organization o on o.id = u.organization_id
                        where /*scope*/ and u.region_code like :region || '%'
                        group by 1 order by 1""".replace("/*scope*/", inScope.sql())))
                .setParameter("digits", digits)
                .setParameter("region", regionPrefix == null ? "" : regionPrefix).getResultList();
        List<CoverageRate> rates = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long units = ((Number) r[1]).longValue();
            long covered = ((Number) r[2]).longValue();
            rates.add(new CoverageRate((String) r[0], units, covered,
                    BigDecimal.valueOf(covered).divide(BigDecimal.valueOf(units), 4, RoundingMode.HALF_UP)));
        }
        return rates;
    }
}
