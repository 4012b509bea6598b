package org.dangjian.assistance.tasks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dangjian.assistance.assistancecase.ApprovalLevel;
import org.dangjian.assistance.assistancecase.ApprovalPolicy;
import org.dangjian.assistance.assistancecase.CaseRules;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.scope.Condition;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The case kinds of the work queue: steps of CaseWorkflow waiting for the caller, and cases waiting for a new organization. */
final class CaseTasks {

    private CaseTasks() {
    }

    /** Open cases of the scope in one status: {@code select id, org_id, due, label}, undated (no rule sets a deadline). */
    private static String casesIn(String status, String extra, Condition inScope) {
        return "from (select c.id, c.org_id, cast(null as date) as due, c.category || ' ' || c.requested_amount as label"
                + " from assistance_case c left join org_unit u on u.id = c.org_id where " + inScope.sql()
                + " and " + status + extra + ") cases";
    }

    /** 入户核实 due: APPLIED cases of the caller's subtree, for case workers (GET /cases?status=APPLIED). */
    @ApplicationScoped
    static class ToVerify extends ScopedTaskKind {
        @Override
        public String kind() {
            return "CASE_TO_VERIFY";
        }

        @Override
        public boolean appliesToCaller() {
            return scope.standing().isStaff();
        }

        @Override
        String source(Condition inScope) {
            return casesIn("c.status = 'APPLIED'", "", inScope);
        }

        @Override
        protected String subjectType() {
            return "case";
        }

        @Override
        protected String link(UUID id) {
            return "/api/v1/cases/" + id;
        }
    }

    /** 支部审议 due: VERIFIED cases of the caller's subtree, for case workers (GET /cases?status=VERIFIED). */
    @ApplicationScoped
    static class ToReview extends ScopedTaskKind {

        @Override
        public String kind() {
            return "CASE_TO_REVIEW";
        }

        @Override
        public boolean appliesToCaller() {
            return scope.standing().isStaff();
        }

        @Override
        String source(Condition inScope) {
            return casesIn("c.status = 'VERIFIED'", "", inScope);
        }

        @Override
        protected String subjectType() {
            return "case";
        }

        @Override
        protected String link(UUID id) {
            return "/api/v1/cases/" + id;
        }
    }

    /**
     * 审批 due at the caller's own approval level: BRANCH_REVIEWED cases of the subtree whose requested amount needs
     * exactly that level (GET /cases?status=BRANCH_REVIEWED&requiredLevel=…): a branch secretary's up to their
     * ceiling, an org-admin's above it up to theirs, a platform-admin's above that.
     */
    @ApplicationScoped
    static class ToApprove extends ScopedTaskKind {
        @Inject
        Caller caller;

        @Inject
        CaseRules rules;

        @Override
        public String kind() {
            return "CASE_TO_APPROVE";
        }

        @Override
        public boolean appliesToCaller() {
            return level() != null;
        }

        private ApprovalLevel level() {
            if (caller.hasRole(Caller.PLATFORM_ADMIN)) {
                return ApprovalLevel.PLATFORM_ADMIN;
            }
            if (caller.hasRole(Caller.ORG_ADMIN)) {
                return ApprovalLevel.ORG_ADMIN;
            }
            return caller.hasRole(Caller.BRANCH_SECRETARY) ? ApprovalLevel.BRANCH_SECRETARY : null;
        }

        @Override
        String source(Condition inScope) {
            ApprovalPolicy.Band band = rules.approval().band(level());
            return casesIn("c.status = 'BRANCH_REVIEWED'", (band.above() == null ? "" : " and c.requested_amount > :above")
                    + (band.upTo() == null ? "" : " and c.requested_amount <= :upTo"), inScope);
        }

        @Override
        Map<String, Object> sourceParameters() {
            ApprovalPolicy.Band band = rules.approval().band(level());
            Map<String, Object> parameters = new HashMap<>();
            if (band.above() != null) {
                parameters.put("above", band.above());
            }
            if (band.upTo() != null) {
                parameters.put("upTo", band.upTo());
            }
            return parameters;
        }

        @Override
        protected String subjectType() {
            return "case";
        }

        @Override
        protected String link(UUID id) {
            return "/api/v1/cases/" + id;
        }
    }

    /**
     * Open cases waiting for another organization (their own was dissolved, or their member left the platform), for
     * those who may reassign them: org-admins and platform-admins (GET /cases/reassignments-due).
     */
    @ApplicationScoped
    static class ReassignmentDue extends ScopedTaskKind {
        @Inject
        Caller caller;

        @Override
        public String kind() {
            return "CASE_REASSIGNMENT_DUE";
        }

        @Override
        public boolean appliesToCaller() {
            return caller.hasRole(Caller.PLATFORM_ADMIN) || caller.hasRole(Caller.ORG_ADMIN);
        }

        @Override
        String source(Condition inScope) {
            return casesIn("c.reassignment_needed", "", inScope);
        }

        @Override
        protected String subjectType() {
            return "case";
        }

        @Override
        protected String link(UUID id) {
            return "/api/v1/cases/" + id;
        }
    }
}
