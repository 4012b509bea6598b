package org.dangjian.assistance.assistancecase;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.dangjian.assistance.Api;
import org.dangjian.assistance.OrgTreeFixture;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.dangjian.assistance.Api.as;
import static org.dangjian.assistance.Database.count;
import static org.dangjian.assistance.Database.text;
import static org.dangjian.assistance.assistancecase.CaseFlow.secretary;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The visits of a case (入户核实, 回访) read back: listed masked, one opened unmasked and audited. */
@QuarkusTest
class CaseVisitsTest {

    @Inject
    OrgTreeFixture orgs;

    @Test
    void aCaseWorkerListsTheVisitsInOrderWithTheFindingsMasked() {
        CaseFlow.Setup s = CaseFlow.setup(orgs, "10000.00");
        String id = visitedTwice(s);

        as(Caller.BRANCH_SECRETARY, s.branch()).get("/api/v1/cases/" + id + "/visits").then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items.kind", equalTo(List.of("VERIFICATION", "FOLLOW_UP")))
                .body("items.visitedOn", equalTo(List.of("2025-03-02", "2025-04-01")))
                .body("items.findings", everyItem(equalTo("******")))
                .body("items.masked", everyItem(equalTo(true)));
        assertEquals(0L, unmaskedReadsOfVisitsOf(id));
    }

    @Test
    void aCaseWorkerOpensOneVisitAndReadsTheFindingsAuditedWithThePurpose() {
        CaseFlow.Setup s = CaseFlow.setup(orgs, "10000.00");
        String id = visitedTwice(s);
        String followUp = as(Caller.BRANCH_SECRETARY, s.branch()).get("/api/v1/cases/" + id + "/visits")
                .then().extract().path("items[1].id");

        as(Caller.ORG_ADMIN, s.tree().committee()).queryParam("purpose", "年度复核")
                .get("/api/v1/cases/" + id + "/visits/" + followUp).then().statusCode(200)
                .body("kind", equalTo("FOLLOW_UP"))
                .body("findings", equalTo("已购药，病情稳定"))
                .body("masked", equalTo(false));
        assertEquals(1L, count("select count(*) from audit_entry where target_type = 'case-visit' and target_id = '"
                + followUp + "' and action = 'READ_UNMASKED' and details ->> 'reason' = '年度复核'"));
    }

    @Test
    void findingsAreEncryptedAtRest() {
        CaseFlow.Setup s = CaseFlow.setup(orgs, "10000.00");
        String id = visitedTwice(s);

        String stored = text("select string_agg(findings_enc, ' ') from case_visit where case_id = '" + id + "'");
        assertFalse(stored.contains("病情稳定"), stored);
        assertFalse(stored.contains("确有困难"), stored);
    }

    @Test
    void anAuditorReadsAVisitMaskedAndNoUnmaskedReadIsRecorded() {
        CaseFlow.Setup s = CaseFlow.setup(orgs, "10000.00");
        String id = visitedTwice(s);
        String visit = as(Caller.AUDITOR, s.tree().committee()).get("/api/v1/cases/" + id + "/visits")
                .then().statusCode(200).extract().path("items[0].id");

        as(Caller.AUDITOR, s.tree().committee()).get("/api/v1/cases/" + id + "/visits/" + visit).then().statusCode(200)
                .body("findings", equalTo("******"))
                .body("masked", equalTo(true));
        assertEquals(0L, unmaskedReadsOfVisitsOf(id));
    }

    @Test
    void aVisitOfAnotherCaseIsNotFound() {
        CaseFlow.Setup s = CaseFlow.setup(orgs, "10000.00");
        String one = visitedTwice(s);
        String other = CaseFlow.apply(s, "300.00");
        String visit = as(Caller.BRANCH_SECRETARY, s.branch()).get("/api/v1/cases/" + one + "/visits")
                .then().extract().path("items[0].id");

        as(Caller.BRANCH_SECRETARY, s.branch()).get("/api/v1/cases/" + other + "/visits/" + visit).then().statusCode(404)
                .body("code", equalTo("CASE_VISIT_NOT_FOUND"));
        as(Caller.BRANCH_SECRETARY, s.branch()).get("/api/v1/cases/" + other + "/visits").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void visitsOfACaseInASiblingSubtreeAreNotFound() {
        CaseFlow.Setup s = CaseFlow.setup(orgs, "10000.00");
        String id = visitedTwice(s);
        String visit = as(Caller.BRANCH_SECRETARY, s.branch()).get("/api/v1/cases/" + id + "/visits")
                .then().extract().path("items[0].id");

        as(Caller.ORG_ADMIN, s.tree().sibling()).get("/api/v1/cases/" + id + "/visits").then().statusCode(404)
                .body("code", equalTo("CASE_NOT_FOUND"));
        as(Caller.BRANCH_SECRETARY, s.tree().otherBranch()).get("/api/v1/cases/" + id + "/visits/" + visit).then()
                .statusCode(404).body("code", equalTo("CASE_NOT_FOUND"));
    }

    @Test
    void visitsNeedAToken() {
        UUID id = UUID.randomUUID();
        Api.anonymous().get("/api/v1/cases/" + id + "/visits").then().statusCode(401);
        Api.anonymous().get("/api/v1/cases/" + id + "/visits/" + UUID.randomUUID()).then().statusCode(401);
    }

    /** Verified 2 March, paid, then a follow-up visit on 1 April. */
    private static String visitedTwice(CaseFlow.Setup s) {
        String id = CaseFlow.disbursed(s, "1500.00");
        secretary(s, id, "follow-ups", Map.of("visitedOn", "2025-04-01", "findings", "已购药，病情稳定")).statusCode(200);
        return id;
    }

    private long unmaskedReadsOfVisitsOf(String caseId) {
        return count("select count(*) from audit_entry a join case_visit v on v.id = a.target_id where v.case_id = '"
                + caseId + "' and a.action = 'READ_UNMASKED'");
    }
}
