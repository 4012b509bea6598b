package org.dangjian.assistance.assistancecase;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.dangjian.assistance.Api;
import org.dangjian.assistance.MemberFixture;
import org.dangjian.assistance.OrgTreeFixture;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.dangjian.assistance.Api.as;
import static org.dangjian.assistance.Database.count;
import static org.dangjian.assistance.assistancecase.CaseFlow.disburse;
import static org.dangjian.assistance.assistancecase.CaseFlow.secretary;
import static org.dangjian.assistance.assistancecase.CaseFlow.step;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class CaseWorkflowTest {

    @Inject
    OrgTreeFixture orgs;

    @Inject
    MemberFixture members;

    @Test
    void aCaseGoesFromApplicationToClosure() {
        var s = CaseFlow.setup(orgs, "5000.00");
        String id = CaseFlow.apply(s, "1500.00");
        as(Caller.BRANCH_SECRETARY, s.branch()).get("/api/v1/cases/" + id).then().statusCode(200)
                .body("status", equalTo("APPLIED")).body("onBehalf", equalTo(true));

        secretary(s, id, "verification", Map.of("visitedOn", "2025-03-02", "findings", "家中确有困难"))
                .statusCode(200).body("status", equalTo("VERIFIED"));
        secretary(s, id, "branch-review", Map.of("on", "2025-03-03")).statusCode(200).body("status", equalTo("BRANCH_REVIEWED"));
        secretary(s, id, "approval", Map.of("on", "2025-03-03")).statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("approvedAmount", equalTo(new BigDecimal("1500.00")))
                .body("approvalLevel", equalTo("BRANCH_SECRETARY"));
        secretary(s, id, "public-notice", Map.of("startsOn", "2025-03-03")).statusCode(200)
                .body("status", equalTo("PUBLIC_NOTICE"))
                .body("noticeEndsOn", equalTo("2025-03-07"));
        disburse(s, id, "2025-03-10").statusCode(200)
                .body("status", equalTo("DISBURSED"))
                .body("disbursedAmount", equalTo(new BigDecimal("1500.00")))
                .body("fundId", equalTo(s.fund().toString()))
                .body("disbursedBy", equalTo("test-org-admin"));
        secretary(s, id, "follow-ups", Map.of("visitedOn", "2025-04-01", "findings", "已出院，恢复良好")).statusCode(200)
                .body("status", equalTo("FOLLOW_UP"));
        secretary(s, id, "follow-ups", Map.of("visitedOn", "2025-04-15", "findings", "再次回访")).statusCode(200)
                .body("status", equalTo("FOLLOW_UP"));
        secretary(s, id, "closure", Map.of("on", "2025-04-16", "outcome", "RELIEVED")).statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("closedOn", equalTo("2025-04-16"));

        as(Caller.AUDITOR, s.tree().committee()).get("/api/v1/cases/" + id + "/history").then().statusCode(200)
                .body("steps.step", equalTo(List.of("VERIFY", "BRANCH_REVIEW", "APPROVE", "START_PUBLIC_NOTICE", "DISBURSE",
                        "FOLLOW_UP_VISIT", "FOLLOW_UP_VISIT", "CLOSE")))
                .body("steps[4].actor", equalTo("test-org-admin"));
        Api.asPlatformAdmin().get("/api/v1/funds/" + s.fund()).then()
                .body("budgets[0].spent", equalTo(new BigDecimal("1500.00")));
        as(Caller.ORG_ADMIN, s.tree().committee()).get("/api/v1/funds/" + s.fund() + "/ledger").then()
                .body("items[1].caseId", equalTo(id));
    }

    @Test
    void eachStepOutOfOrderIsRefusedWithItsOwnCode() {
        var s = CaseFlow.setup(orgs, "5000.00");
        String applied = CaseFlow.apply(s, "100.00");
        secretary(s, applied, "branch-review", Map.of()).statusCode(409).body("code", equalTo("CASE_NOT_AWAITING_BRANCH_REVIEW"));
        secretary(s, applied, "approval", Map.of()).statusCode(409).body("code", equalTo("CASE_NOT_AWAITING_APPROVAL"));
        secretary(s, applied, "public-notice", Map.of()).statusCode(409).body("code", equalTo("CASE_NOT_AWAITING_PUBLIC_NOTICE"));
        disburse(s, applied, "2025-03-10").statusCode(409).body("code", equalTo("CASE_NOT_AWAITING_DISBURSEMENT"));
        secretary(s, applied, "follow-ups", Map.of("findings", "x")).statusCode(409).body("code", equalTo("CASE_NOT_AWAITING_FOLLOW_UP"));
        secretary(s, applied, "closure", Map.of("outcome", "RELIEVED")).statusCode(409).body("code", equalTo("CASE_NOT_CLOSABLE"));
        secretary(s, applied, "rejection", Map.of("reason", "x")).statusCode(409).body("code", equalTo("CASE_NOT_REJECTABLE"));
        secretary(s, applied, "objections", Map.of("content", "x")).statusCode(409).body("code", equalTo("CASE_NOT_IN_PUBLIC_NOTICE"));

        String disbursed = CaseFlow.disbursed(s, "100.00");
        secretary(s, disbursed, "verification", Map.of("findings", "x")).statusCode(409)
                .body("code", equalTo("CASE_NOT_AWAITING_VERIFICATION"))
                .contentType("application/problem+json");
        secretary(s, disbursed, "closure", Map.of("outcome", "RELIEVED")).statusCode(409).body("code", equalTo("CASE_NOT_CLOSABLE"));
        as(Caller.BRANCH_SECRETARY, s.branch()).get("/api/v1/cases/" + disbursed).then().body("status", equalTo("DISBURSED"));
    }

    @Test
    void aStepDatedBeforeThePreviousOneIsRefused() {
        var s = CaseFlow.setup(orgs, "5000.00");
        String id = CaseFlow.apply(s, "100.00");
        secretary(s, id, "verification", Map.of("visitedOn", "2025-02-28", "findings", "x")).statusCode(422)
                .body("code", equalTo("CASE_STEP_BEFORE_PREVIOUS"));
        secretary(s, id, "verification", Map.of("visitedOn", "2025-03-01", "findings", "x")).statusCode(200);
    }

    @Test
    void aBranchSecretaryApprovesUpTo2000ButNotACentMore() {
        var s = CaseFlow.setup(orgs, "50000.00");
        secretary(s, CaseFlow.reviewed(s, "2000.00"), "approval", Map.of()).statusCode(200)
                .body("approvalLevel", equalTo("BRANCH_SECRETARY"));
        String above = CaseFlow.reviewed(s, "2000.01");
        secretary(s, above, "approval", Map.of()).statusCode(403).body("code", equalTo("CASE_APPROVAL_LEVEL_REQUIRED"));
        step(Caller.ORG_ADMIN, s.tree().committee(), above, "approval", Map.of()).statusCode(200)
                .body("approvalLevel", equalTo("ORG_ADMIN"));
    }

    @Test
    void anOrgAdminApprovesUpTo10000AndAPlatformAdminAboveIt() {
        var s = CaseFlow.setup(orgs, "50000.00");
        step(Caller.ORG_ADMIN, s.tree().committee(), CaseFlow.reviewed(s, "10000.00"), "approval", Map.of()).statusCode(200);
        String above = CaseFlow.reviewed(s, "10000.01");
        step(Caller.ORG_ADMIN, s.tree().committee(), above, "approval", Map.of()).statusCode(403)
                .body("code", equalTo("CASE_APPROVAL_LEVEL_REQUIRED"));
        Api.asPlatformAdmin().body(Map.of()).post("/api/v1/cases/" + above + "/approval").then().statusCode(200)
                .body("approvalLevel", equalTo("PLATFORM_ADMIN"));
    }

    @Test
    void aLowerApprovedAmountNeedsOnlyItsOwnLevelButNeverMoreThanRequested() {
        var s = CaseFlow.setup(orgs, "50000.00");
        String id = CaseFlow.reviewed(s, "3000.00");
        secretary(s, id, "approval", Map.of("approvedAmount", "3000.01")).statusCode(422)
                .body("code", equalTo("CASE_APPROVED_ABOVE_REQUESTED"));
        secretary(s, id, "approval", Map.of("approvedAmount", "2000.00")).statusCode(200)
                .body("approvedAmount", equalTo(new BigDecimal("2000.00")));
    }

    @Test
    void moneyIsPaidOnlyAfterTheLastDayOfThePublicNotice() {
        var s = CaseFlow.setup(orgs, "5000.00");
        String id = CaseFlow.noticed(s, "800.00");
        disburse(s, id, "2025-03-07").statusCode(409).body("code", equalTo("CASE_PUBLIC_NOTICE_RUNNING"));
        disburse(s, id, "2025-03-08").statusCode(200).body("status", equalTo("DISBURSED"));
    }

    @Test
    void aConfiguredHolidayLengthensThePublicNotice() {
        var s = CaseFlow.setup(orgs, "5000.00");
        String id = CaseFlow.approved(s, "800.00");
        secretary(s, id, "public-notice", Map.of("startsOn", "2025-04-01")).statusCode(200)
                .body("noticeStartsOn", equalTo("2025-04-01"))
                .body("noticeEndsOn", equalTo("2025-04-08"));
    }

    @Test
    void anOpenObjectionHoldsTheMoneyUntilItIsDismissed() {
        var s = CaseFlow.setup(orgs, "5000.00");
        String id = CaseFlow.noticed(s, "800.00");
        String objection = secretary(s, id, "objections", Map.of("raisedOn", "2025-03-05", "content", "群众反映其子女收入较高"))
                .statusCode(201).body("status", equalTo("OPEN")).extract().path("id");
        disburse(s, id, "2025-03-10").statusCode(409).body("code", equalTo("CASE_OBJECTION_OPEN"));

        secretary(s, id, "objections/" + objection + "/resolution",
                Map.of("result", "DISMISSED", "note", "经核实子女无固定收入")).statusCode(200)
                .body("status", equalTo("PUBLIC_NOTICE"));
        secretary(s, id, "objections/" + objection + "/resolution", Map.of("result", "UPHELD", "note", "再议"))
                .statusCode(409).body("code", equalTo("CASE_OBJECTION_ALREADY_RESOLVED"));
        disburse(s, id, "2025-03-10").statusCode(200);
    }

    @Test
    void anUpheldObjectionRejectsTheCase() {
        var s = CaseFlow.setup(orgs, "5000.00");
        String id = CaseFlow.noticed(s, "800.00");
        String objection = secretary(s, id, "objections", Map.of("raisedOn", "2025-03-05", "content", "隐瞒收入"))
                .statusCode(201).extract().path("id");
        secretary(s, id, "objections/" + objection + "/resolution", Map.of("on", "2025-03-06", "result", "UPHELD", "note", "核实属实"))
                .statusCode(200).body("status", equalTo("REJECTED"));
        disburse(s, id, "2025-03-10").statusCode(409).body("code", equalTo("CASE_NOT_AWAITING_DISBURSEMENT"));
    }

    @Test
    void aCaseIsRejectedAtBranchReviewOrAtApproval() {
        var s = CaseFlow.setup(orgs, "5000.00");
        String atReview = CaseFlow.apply(s, "500.00");
        secretary(s, atReview, "verification", Map.of("visitedOn", "2025-03-02", "findings", "家庭收入高于标准")).statusCode(200);
        secretary(s, atReview, "rejection", Map.of("on", "2025-03-03", "reason", "收入高于标准")).statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("rejectionReason", equalTo("收入高于标准"));
        String atApproval = CaseFlow.reviewed(s, "500.00");
        step(Caller.ORG_ADMIN, s.tree().committee(), atApproval, "rejection", Map.of("reason", "已享受其他救助")).statusCode(200)
                .body("status", equalTo("REJECTED"));
    }

    @Test
    void aDisbursementThatWouldOverdrawTheBudgetLeavesTheCaseUnpaid() {
        var s = CaseFlow.setup(orgs, "1000.00");
        String id = CaseFlow.noticed(s, "1000.01");
        disburse(s, id, "2025-03-10").statusCode(409).body("code", equalTo("BUDGET_EXCEEDED"));
        as(Caller.BRANCH_SECRETARY, s.branch()).get("/api/v1/cases/" + id).then().body("status", equalTo("PUBLIC_NOTICE"));
        Api.asPlatformAdmin().get("/api/v1/funds/" + s.fund()).then().body("budgets[0].spent", equalTo(new BigDecimal("0.00")));
    }

    @Test
    void aFundOfAnotherBranchCannotPayTheCase() {
        var s = CaseFlow.setup(orgs, "5000.00");
        UUID otherFund = UUID.fromString(as(Caller.ORG_ADMIN, s.tree().committee())
                .body(Map.of("orgId", s.tree().otherBranch(), "kind", "DONATION", "name", "捐赠"))
                .post("/api/v1/funds").then().statusCode(201).extract().path("id"));
        String id = CaseFlow.noticed(s, "100.00");
        step(Caller.ORG_ADMIN, s.tree().committee(), id, "disbursement", Map.of("fundId", otherFund, "disbursedOn", "2025-03-10"))
                .statusCode(422).body("code", equalTo("CASE_FUND_NOT_AVAILABLE"));
    }

    @Test
    void aMemberAppliesForThemselvesOnly() {
        var s = CaseFlow.setup(orgs, "5000.00");
        UUID member = members.registered(s.branch());
        String own = as(Caller.BRANCH_SECRETARY, s.branch()).body(org.dangjian.assistance.People.member(s.branch(), member))
                .post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");
        as(Caller.MEMBER, s.branch(), member).body(Map.of("beneficiaryId", own, "category", "UNEMPLOYMENT", "requestedAmount", "600"))
                .post("/api/v1/cases").then().statusCode(201)
                .body("onBehalf", equalTo(false))
                .body("requestedAmount", equalTo(new BigDecimal("600.00")));
        as(Caller.MEMBER, s.branch(), member)
                .body(Map.of("beneficiaryId", s.beneficiary(), "category", "ILLNESS", "requestedAmount", "600"))
                .post("/api/v1/cases").then().statusCode(404).body("code", equalTo("BENEFICIARY_NOT_FOUND"));
    }

    @Test
    void theDescriptionIsUnmaskedForCaseWorkersWithAnAuditEntryAndMaskedForAuditors() {
        var s = CaseFlow.setup(orgs, "5000.00");
        String id = CaseFlow.apply(s, "100.00");
        as(Caller.AUDITOR, s.tree().committee()).get("/api/v1/cases/" + id).then().statusCode(200)
                .body("description", equalTo("******")).body("masked", equalTo(true));
        as(Caller.BRANCH_SECRETARY, s.branch()).queryParam("purpose", "审议").get("/api/v1/cases/" + id).then().statusCode(200)
                .body("description", equalTo("住院治疗，自付医药费约两万元")).body("masked", equalTo(false));
        assertEquals(1L, count("select count(*) from audit_entry where target_id = '" + id + "' and action = 'READ_UNMASKED'"));
        assertEquals(1L, count("select count(*) from audit_entry where target_id = '" + id + "' and action = 'CASE_OPENED'"));
    }

    @Test
    void casesNeedATokenAndACaseWorkerRole() {
        var s = CaseFlow.setup(orgs, "5000.00");
        String id = CaseFlow.apply(s, "100.00");
        Api.anonymous().get("/api/v1/cases/" + id).then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        Api.anonymous().body(Map.of("findings", "x")).post("/api/v1/cases/" + id + "/verification").then().statusCode(401);
        step(Caller.MEMBER, s.branch(), id, "verification", Map.of("findings", "x")).statusCode(403).body("code", equalTo("FORBIDDEN"));
        step(Caller.AUDITOR, s.branch(), id, "verification", Map.of("findings", "x")).statusCode(403);
        // A member may read cases, but only their own: a resident's case is not found for them.
        as(Caller.MEMBER, s.branch()).get("/api/v1/cases/" + id).then().statusCode(404).body("code", equalTo("CASE_NOT_FOUND"));
    }

    @Test
    void aCaseOfAnotherSubtreeIsNotFound() {
        var s = CaseFlow.setup(orgs, "5000.00");
        String id = CaseFlow.apply(s, "100.00");
        as(Caller.BRANCH_SECRETARY, s.tree().otherBranch()).get("/api/v1/cases/" + id).then().statusCode(404)
                .body("code", equalTo("CASE_NOT_FOUND"));
        step(Caller.ORG_ADMIN, s.tree().sibling(), id, "verification", Map.of("findings", "x")).statusCode(404)
                .body("code", equalTo("CASE_NOT_FOUND"));
        as(Caller.ORG_ADMIN, s.tree().sibling()).body(Map.of("beneficiaryId", s.beneficiary(), "category", "ILLNESS",
                "requestedAmount", "100")).post("/api/v1/cases").then().statusCode(404).body("code", equalTo("BENEFICIARY_NOT_FOUND"));
        as(Caller.ORG_ADMIN, s.tree().committee()).queryParam("beneficiaryId", s.beneficiary()).get("/api/v1/cases").then()
                .statusCode(200).body("items.size()", equalTo(1));
        as(Caller.ORG_ADMIN, s.tree().sibling()).queryParam("beneficiaryId", s.beneficiary()).get("/api/v1/cases").then()
                .statusCode(200).body("items.size()", equalTo(0));
    }
}
