package org.dangjian.assistance.assistancecase;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.dangjian.assistance.MemberFixture;
import org.dangjian.assistance.OrgTreeFixture;
import org.dangjian.assistance.People;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.dangjian.assistance.Api.as;
import static org.dangjian.assistance.Database.count;
import static org.dangjian.assistance.assistancecase.CaseFlow.disburse;
import static org.dangjian.assistance.assistancecase.CaseFlow.secretary;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A client that retries a step after a timeout (issue 24): the step already taken by the same side answers 200 with
 * the case as it stands, nothing is recorded, audited or published twice, and money is never paid twice. A different
 * decision on a decided case stays 409.
 */
@QuarkusTest
class RepeatedStepsTest {

    @Inject
    OrgTreeFixture orgs;

    @Inject
    MemberFixture members;

    @Test
    void approvingACaseTwiceAnswersTheFirstApprovalAndPublishesOnce() {
        var s = CaseFlow.setup(orgs, "5000.00");
        String id = CaseFlow.reviewed(s, "1500.00");

        String first = secretary(s, id, "approval", Map.of("on", "2025-03-03")).statusCode(200)
                .body("status", equalTo("APPROVED")).extract().asString();
        String second = secretary(s, id, "approval", Map.of("on", "2025-03-03")).statusCode(200)
                .header("Idempotent-Replayed", nullValue()).extract().asString();

        assertEquals(first, second);
        assertEquals(1L, events(id, CaseEvents.CASE_APPROVED));
        assertEquals(1L, audits(id, "CASE_APPROVE"));
        assertEquals(1L, count("select count(*) from case_transition where case_id = '" + id + "' and step = 'APPROVE'"));
    }

    @Test
    void approvingTwiceWithTheSameIdempotencyKeyReplaysTheFirstAnswer() {
        var s = CaseFlow.setup(orgs, "5000.00");
        String id = CaseFlow.reviewed(s, "1500.00");
        String key = "approve-" + UUID.randomUUID();

        String first = as(Caller.BRANCH_SECRETARY, s.branch()).header("Idempotency-Key", key).body(Map.of("on", "2025-03-03"))
                .post("/api/v1/cases/" + id + "/approval").then().statusCode(200).extract().asString();
        String second = as(Caller.BRANCH_SECRETARY, s.branch()).header("Idempotency-Key", key).body(Map.of("on", "2025-03-03"))
                .post("/api/v1/cases/" + id + "/approval").then().statusCode(200)
                .header("Idempotent-Replayed", "true").extract().asString();

        assertEquals(first, second);
        assertEquals(1L, events(id, CaseEvents.CASE_APPROVED));
        assertEquals(1L, audits(id, "CASE_APPROVE"));
    }

    @Test
    void aRetriedDisbursementPaysOnceWithOrWithoutAKey() {
        var s = CaseFlow.setup(orgs, "5000.00");
        String id = CaseFlow.noticed(s, "1500.00");

        String first = disburse(s, id, "2025-03-10").statusCode(200).body("status", equalTo("DISBURSED")).extract().asString();
        String again = disburse(s, id, "2025-03-10").statusCode(200).extract().asString();
        String key = "pay-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            as(Caller.ORG_ADMIN, s.tree().committee()).header("Idempotency-Key", key)
                    .body(Map.of("fundId", s.fund(), "disbursedOn", "2025-03-10"))
                    .post("/api/v1/cases/" + id + "/disbursement").then().statusCode(200).body("status", equalTo("DISBURSED"));
        }

        assertEquals(first, again);
        assertEquals(1L, count("select count(*) from ledger_entry where case_id = '" + id + "'"));
        assertEquals(1L, events(id, CaseEvents.DISBURSED));
        as(Caller.ORG_ADMIN, s.tree().committee()).get("/api/v1/funds/" + s.fund()).then()
                .body("budgets[0].spent", equalTo(new java.math.BigDecimal("1500.00")));
    }

    @Test
    void paymentFromAnotherFundOnAPaidCaseIsRefused() {
        var s = CaseFlow.setup(orgs, "5000.00");
        String id = CaseFlow.disbursed(s, "1500.00");
        UUID other = CaseFlow.fund(() -> as(Caller.ORG_ADMIN, s.tree().committee()), s.tree().committee(), "RETAINED_DUES",
                "另一基金", "5000.00");

        CaseFlow.step(Caller.ORG_ADMIN, s.tree().committee(), id, "disbursement", Map.of("fundId", other, "disbursedOn", "2025-03-10"))
                .statusCode(409).body("code", equalTo("CASE_NOT_AWAITING_DISBURSEMENT"));
        assertEquals(1L, count("select count(*) from ledger_entry where case_id = '" + id + "'"));
    }

    @Test
    void eachStepRepeatedAnswersTheCaseAsItStandsWithoutASecondHistoryRow() {
        var s = CaseFlow.setup(orgs, "5000.00");
        String id = CaseFlow.apply(s, "1500.00");
        repeated(s, id, "verification", Map.of("visitedOn", "2025-03-02", "findings", "家中确有困难"));
        repeated(s, id, "branch-review", Map.of("on", "2025-03-03"));
        repeated(s, id, "approval", Map.of("on", "2025-03-03"));
        repeated(s, id, "public-notice", Map.of("startsOn", "2025-03-03"));
        disburse(s, id, "2025-03-10").statusCode(200);
        secretary(s, id, "follow-ups", Map.of("visitedOn", "2025-04-01", "findings", "恢复良好")).statusCode(200);
        repeated(s, id, "closure", Map.of("on", "2025-04-02", "outcome", "RELIEVED"));

        assertEquals(7L, count("select count(*) from case_transition where case_id = '" + id + "'"));
        assertEquals(1L, count("select count(*) from case_visit where case_id = '" + id + "' and kind = 'VERIFICATION'"));
        assertEquals(1L, events(id, CaseEvents.CASE_CLOSED));
    }

    @Test
    void aDifferentDecisionOnADecidedCaseStaysAConflict() {
        var s = CaseFlow.setup(orgs, "5000.00");
        String approved = CaseFlow.approved(s, "1500.00");
        secretary(s, approved, "rejection", Map.of("reason", "重新考虑")).statusCode(409).body("code", equalTo("CASE_NOT_REJECTABLE"));
        secretary(s, approved, "approval", Map.of("on", "2025-03-03", "approvedAmount", "1000.00")).statusCode(409)
                .body("code", equalTo("CASE_NOT_AWAITING_APPROVAL"));

        String rejected = CaseFlow.reviewed(s, "800.00");
        repeated(s, rejected, "rejection", Map.of("on", "2025-03-04", "reason", "不符合条件"));
        secretary(s, rejected, "approval", Map.of("on", "2025-03-04")).statusCode(409)
                .body("code", equalTo("CASE_NOT_AWAITING_APPROVAL"));
    }

    @Test
    void endingAPairingTwiceAnswersTheEndedPairing() {
        var tree = orgs.tree();
        String beneficiary = CaseFlow.beneficiary(() -> as(Caller.BRANCH_SECRETARY, tree.branch()),
                People.resident(tree.branch(), People.nationalId())).toString();
        UUID member = members.registered(tree.branch());
        String pairing = as(Caller.BRANCH_SECRETARY, tree.branch()).body(Map.of("beneficiaryId", beneficiary, "memberId", member, "startedOn", "2025-01-01"))
                .post("/api/v1/pairings").then().statusCode(201).extract().path("id");
        Map<String, String> end = Map.of("endedOn", "2025-12-31", "reason", "党员调离");

        String first = as(Caller.BRANCH_SECRETARY, tree.branch()).body(end).post("/api/v1/pairings/" + pairing + "/end").then()
                .statusCode(200).extract().asString();
        String second = as(Caller.BRANCH_SECRETARY, tree.branch()).body(end).post("/api/v1/pairings/" + pairing + "/end").then()
                .statusCode(200).extract().asString();

        assertEquals(first, second);
        assertEquals(1L, count("select count(*) from audit_entry where target_id = '" + pairing + "' and action = 'PAIRING_ENDED'"));
    }

    /** The step twice: the second answer equals the first, no second audit entry. */
    private static void repeated(CaseFlow.Setup s, String id, String step, Map<String, ?> body) {
        String first = secretary(s, id, step, body).statusCode(200).extract().asString();
        long audited = count("select count(*) from audit_entry where target_id = '" + id + "'");
        String second = secretary(s, id, step, body).statusCode(200).extract().asString();
        assertEquals(first, second, step);
        assertEquals(audited, count("select count(*) from audit_entry where target_id = '" + id + "'"), step);
    }

    private static long events(String caseId, String type) {
        return count("select count(*) from outbox_event where aggregate_id = '" + caseId + "' and type = '" + type + "'");
    }

    private static long audits(String caseId, String action) {
        return count("select count(*) from audit_entry where target_id = '" + caseId + "' and action = '" + action + "'");
    }
}
