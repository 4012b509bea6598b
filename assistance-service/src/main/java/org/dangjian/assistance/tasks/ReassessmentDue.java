package org.dangjian.assistance.tasks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dangjian.assistance.config.AssistanceRules;
import org.dangjian.platform.api.scope.Condition;

import java.util.Map;
import java.util.UUID;

/**
 * 年度复核: active beneficiaries of the caller's subtree whose last assessment (registration or latest approved case)
 * is the configured months old today, for case workers; due on that anniversary. The same beneficiaries as GET
 * /reports/reassessments-due.
 */
@ApplicationScoped
class ReassessmentDue extends ScopedTaskKind {

    @Inject
    AssistanceRules rules;

    @Override
    public String kind() {
        return "REASSESSMENT_DUE";
    }

    @Override
    public boolean appliesToCaller() {
        return scope.standing().isStaff();
    }

    @Override
    String source(Condition inScope) {
        // The same selection as ReportService.reassessmentsDue; due = last + months, clamped to the month's end as Java's plusMonths.
        return """
                from (select b.id, b.org_id,
                             cast(greatest(b.registered_on, coalesce(max(c.approved_on), b.registered_on))
                                  + make_interval(months => :months) as date) as due,
                             cast(null as text) as label
                      from beneficiary b join org_unit u on u.id = b.org_id
                      left join assistance_case c on c.beneficiary_id = b.id
                      where b.status = 'ACTIVE' and /*scope*/
                      group by b.id, b.org_id, b.registered_on
                      having greatest(b.registered_on, coalesce(max(c.approved_on), b.registered_on)) <= :cutoff) due"""
                .replace("/*scope*/", inScope.sql());
    }

    @Override
    Map<String, Object> sourceParameters() {
        int months = rules.reassessmentMonths();
        return Map.of("months", months, "cutoff", clock.today().minusMonths(months));
    }

    @Override
    protected String subjectType() {
        return "beneficiary";
    }

    @Override
    protected String link(UUID id) {
        return "/api/v1/beneficiaries/" + id;
    }
}
