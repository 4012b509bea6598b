package org.dangjian.assistance.tasks;

import jakarta.enterprise.context.ApplicationScoped;
import org.dangjian.platform.api.scope.Condition;

import java.util.Map;
import java.util.UUID;

/**
 * 回访 promised in the visit log (民情日记) and due today or earlier, not yet done, to beneficiaries of the caller's
 * subtree, for case workers; due on the promised date. The same visits as GET /visits/overdue-follow-ups?asOf=tomorrow.
 */
@ApplicationScoped
class FollowUpVisitDue extends ScopedTaskKind {

    @Override
    public String kind() {
        return "FOLLOW_UP_VISIT_DUE";
    }

    @Override
    public boolean appliesToCaller() {
        return scope.standing().isStaff();
    }

    @Override
    String source(Condition inScope) {
        return "from (select v.id, b.org_id, v.follow_up_due as due, cast(null as text) as label"
                + " from visit_log v join beneficiary b on b.id = v.beneficiary_id left join org_unit u on u.id = b.org_id"
                + " where v.follow_up_due <= :today and v.followed_up_on is null and " + inScope.sql() + ") visits";
    }

    @Override
    Map<String, Object> sourceParameters() {
        return Map.of("today", clock.today());
    }

    @Override
    protected String subjectType() {
        return "visit";
    }

    @Override
    protected String link(UUID id) {
        // A visit has no read of its own: its follow-up is where the work is recorded.
        return "/api/v1/visits/" + id + "/follow-up";
    }
}
