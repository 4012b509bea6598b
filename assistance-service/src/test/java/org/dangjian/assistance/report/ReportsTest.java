package org.dangjian.assistance.report;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.dangjian.assistance.Api;
import org.dangjian.assistance.OrgTreeFixture;
import org.dangjian.assistance.People;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.dangjian.assistance.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ReportsTest {

    @Inject
    OrgTreeFixture orgs;

    @Test
    void totalsCountCasesAndMoneyByCategoryInTheSubtree() {
        var tree = orgs.tree();
        UUID fund = UUID.fromString(as(Caller.ORG_ADMIN, tree.committee())
                .body(Map.of("orgId", tree.committee(), "kind", "SPECIAL", "name", "专项"))
                .post("/api/v1/funds").then().statusCode(201).extract().path("id"));
        as(Caller.ORG_ADMIN, tree.committee()).body(Map.of("amount", "9000")).put("/api/v1/funds/" + fund + "/budgets/2025").then()
                .statusCode(200);
        String beneficiary = beneficiary(tree.branch());
        String paid = apply(tree.branch(), beneficiary, "SCHOOLING", "800.00");
        apply(tree.branch(), beneficiary, "SCHOOLING", "300.00");
        apply(tree.otherBranch(), beneficiary(tree.otherBranch()), "DISASTER", "500.00");
        String secretary = "/api/v1/cases/" + paid + "/";
        as(Caller.BRANCH_SECRETARY, tree.branch()).body(Map.of("visitedOn", "2025-03-02", "findings", "x")).post(secretary + "verification").then().statusCode(200);
        as(Caller.BRANCH_SECRETARY, tree.branch()).body(Map.of("on", "2025-03-03")).post(secretary + "branch-review").then().statusCode(200);
        as(Caller.BRANCH_SECRETARY, tree.branch()).body(Map.of("on", "2025-03-03")).post(secretary + "approval").then().statusCode(200);
        as(Caller.BRANCH_SECRETARY, tree.branch()).body(Map.of("startsOn", "2025-03-03")).post(secretary + "public-notice").then().statusCode(200);
        as(Caller.ORG_ADMIN, tree.committee()).body(Map.of("fundId", fund, "disbursedOn", "2025-03-10")).post(secretary + "disbursement")
                .then().statusCode(200);

        as(Caller.ORG_ADMIN, tree.committee()).queryParam("year", 2025).get("/api/v1/reports/totals").then().statusCode(200)
                .body("categories.find { it.category == 'SCHOOLING' }.casesApplied", equalTo(2))
                .body("categories.find { it.category == 'SCHOOLING' }.casesOpenNow", equalTo(2))
                .body("categories.find { it.category == 'SCHOOLING' }.disbursed", equalTo(new BigDecimal("800.00")))
                .body("categories.find { it.category == 'DISASTER' }.casesApplied", equalTo(1))
                .body("casesDisbursed", equalTo(new BigDecimal("800.00")));
        as(Caller.ORG_ADMIN, tree.committee()).queryParam("year", 2025).queryParam("orgId", tree.otherBranch())
                .get("/api/v1/reports/totals").then().statusCode(200)
                .body("categories.category", equalTo(java.util.List.of("DISASTER")))
                .body("casesDisbursed", equalTo(new BigDecimal("0.00")));
        as(Caller.ORG_ADMIN, tree.sibling()).queryParam("year", 2025).queryParam("orgId", tree.committee())
                .get("/api/v1/reports/totals").then().statusCode(404);
        Api.anonymous().queryParam("year", 2025).get("/api/v1/reports/totals").then().statusCode(401);
        as(Caller.MEMBER, tree.branch()).queryParam("year", 2025).get("/api/v1/reports/totals").then().statusCode(403);
    }

    @Test
    void aBeneficiaryIsDueForReassessmentTwelveMonthsAfterTheLastAssessment() {
        var tree = orgs.tree();
        String beneficiary = beneficiary(tree.branch());
        LocalDate registered = LocalDate.parse(as(Caller.BRANCH_SECRETARY, tree.branch())
                .get("/api/v1/beneficiaries/" + beneficiary).then().extract().path("registeredOn"));

        due(tree.committee(), registered.plusMonths(12).minusDays(1)).body("items.beneficiaryId", not(hasItem(beneficiary)));
        due(tree.committee(), registered.plusMonths(12)).body("items.beneficiaryId", hasItem(beneficiary))
                .body("items.find { it.beneficiaryId == '" + beneficiary + "' }.dueOn", equalTo(registered.plusMonths(12).toString()));
        due(tree.sibling(), registered.plusMonths(13)).body("items.beneficiaryId", not(hasItem(beneficiary)));
    }

    private static io.restassured.response.ValidatableResponse due(UUID org, LocalDate asOf) {
        return as(Caller.ORG_ADMIN, org).queryParam("asOf", asOf.toString()).queryParam("size", 200)
                .get("/api/v1/reports/reassessments-due").then().statusCode(200);
    }

    private static String beneficiary(UUID branch) {
        return as(Caller.BRANCH_SECRETARY, branch).body(People.resident(branch, People.nationalId()))
                .post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");
    }

    private static String apply(UUID branch, String beneficiary, String category, String amount) {
        return as(Caller.BRANCH_SECRETARY, branch)
                .body(Map.of("beneficiaryId", beneficiary, "category", category, "requestedAmount", amount, "appliedOn", "2025-03-01"))
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
    }
}
