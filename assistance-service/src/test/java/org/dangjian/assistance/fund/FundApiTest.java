package org.dangjian.assistance.fund;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.dangjian.assistance.Api;
import org.dangjian.assistance.OrgTreeFixture;
import org.dangjian.assistance.assistancecase.CaseFlow;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.localstack.Tokens;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.dangjian.assistance.Api.as;
import static org.dangjian.assistance.Database.count;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@QuarkusTest
class FundApiTest {

    @Inject
    OrgTreeFixture orgs;

    @Inject
    EntityManager em;

    @Test
    void orgAdminOpensAFundAndAllocatesItsYearlyBudget() {
        var tree = orgs.tree();
        String id = as(Caller.ORG_ADMIN, tree.committee())
                .body(Map.of("orgId", tree.committee(), "kind", "RETAINED_DUES", "name", "党费留存帮扶资金"))
                .post("/api/v1/funds").then().statusCode(201)
                .body("kind", equalTo("RETAINED_DUES"))
                .body("status", equalTo("ACTIVE"))
                .body("budgets", hasSize(0))
                .extract().path("id");

        as(Caller.ORG_ADMIN, tree.committee()).body(Map.of("amount", "50000")).put("/api/v1/funds/" + id + "/budgets/2025")
                .then().statusCode(200)
                .body("budgets[0].fiscalYear", equalTo(2025))
                .body("budgets[0].amount", equalTo(new BigDecimal("50000.00")))
                .body("budgets[0].spent", equalTo(new BigDecimal("0.00")))
                .body("budgets[0].remaining", equalTo(new BigDecimal("50000.00")));
        as(Caller.AUDITOR, tree.committee()).get("/api/v1/funds/" + id + "/ledger?year=2025").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].kind", equalTo("ALLOCATION"))
                .body("items[0].amount", equalTo(new BigDecimal("50000.00")));
        assertEquals(1L, count("select count(*) from audit_entry where target_id = '" + id + "' and action = 'FUND_OPENED'"));
        // A year no ledger can have is a mistake in the request, not an empty answer.
        as(Caller.AUDITOR, tree.committee()).get("/api/v1/funds/" + id + "/ledger?year=-1").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("year"));
    }

    @Test
    void disbursementIsRecordedInTheLedgerWithWhatIsLeft() {
        var tree = orgs.tree();
        UUID fund = fundWithBudget(tree.committee(), "1000.00");

        as(Caller.BRANCH_SECRETARY, tree.committee())
                .body(Map.of("amount", "300.50", "disbursedOn", "2025-06-01", "purpose", "七一慰问"))
                .post("/api/v1/funds/" + fund + "/disbursements").then().statusCode(201)
                .body("kind", equalTo("DISBURSEMENT"))
                .body("amount", equalTo(new BigDecimal("300.50")))
                .body("balanceAfter", equalTo(new BigDecimal("699.50")))
                .body("fiscalYear", equalTo(2025));
        Api.asPlatformAdmin().get("/api/v1/funds/" + fund).then().statusCode(200)
                .body("budgets[0].spent", equalTo(new BigDecimal("300.50")))
                .body("budgets[0].remaining", equalTo(new BigDecimal("699.50")));
    }

    @Test
    void disbursementBeyondWhatIsLeftIsRefusedAsBudgetExceeded() {
        var tree = orgs.tree();
        UUID fund = fundWithBudget(tree.committee(), "1000.00");
        disburse(Caller.ORG_ADMIN, tree.committee(), fund, "1000.00").then().statusCode(201);

        disburse(Caller.ORG_ADMIN, tree.committee(), fund, "0.01").then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("BUDGET_EXCEEDED"));
    }

    @Test
    void disbursementInAYearWithoutBudgetIsRefused() {
        var tree = orgs.tree();
        UUID fund = fundWithBudget(tree.committee(), "1000.00");
        as(Caller.ORG_ADMIN, tree.committee())
                .body(Map.of("amount", "10.00", "disbursedOn", "2024-12-31", "purpose", "跨年"))
                .post("/api/v1/funds/" + fund + "/disbursements").then().statusCode(422)
                .body("code", equalTo("BUDGET_NOT_SET"));
    }

    @Test
    void twentyParallelDisbursementsAgainstABudgetForTenPayExactlyTen() throws Exception {
        var tree = orgs.tree();
        UUID fund = fundWithBudget(tree.committee(), "1000.00");
        String token = Tokens.issue(Caller.ORG_ADMIN, tree.committee());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Response>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Callable<Response> call = () -> {
                    start.await();
                    return Api.withToken(token)
                            .body(Map.of("amount", "100.00", "disbursedOn", "2025-06-01", "purpose", "并发发放"))
                            .post("/api/v1/funds/" + fund + "/disbursements");
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            int paid = 0;
            int refused = 0;
            for (Future<Response> result : results) {
                Response response = result.get();
                if (response.statusCode() == 201) {
                    paid++;
                } else {
                    assertEquals(409, response.statusCode(), response.asString());
                    assertEquals("BUDGET_EXCEEDED", response.path("code"));
                    refused++;
                }
            }
            assertEquals(10, paid);
            assertEquals(10, refused);
        } finally {
            pool.shutdownNow();
        }
        Api.asPlatformAdmin().get("/api/v1/funds/" + fund).then()
                .body("budgets[0].spent", equalTo(new BigDecimal("1000.00")))
                .body("budgets[0].remaining", equalTo(new BigDecimal("0.00")));
        assertEquals(10L, count("select count(*) from ledger_entry where fund_id = '" + fund + "' and kind = 'DISBURSEMENT'"));
    }

    @Test
    void aRetriedDisbursementWithTheSameIdempotencyKeyPaysOnce() {
        var tree = orgs.tree();
        UUID fund = fundWithBudget(tree.committee(), "1000.00");
        String key = "pay-" + UUID.randomUUID();
        Map<String, String> body = Map.of("amount", "300.00", "disbursedOn", "2025-06-01", "purpose", "慰问金");
        String first = as(Caller.ORG_ADMIN, tree.committee()).header("Idempotency-Key", key).body(body)
                .post("/api/v1/funds/" + fund + "/disbursements").then().statusCode(201).extract().path("id");
        as(Caller.ORG_ADMIN, tree.committee()).header("Idempotency-Key", key).body(body)
                .post("/api/v1/funds/" + fund + "/disbursements").then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        as(Caller.ORG_ADMIN, tree.committee()).header("Idempotency-Key", key)
                .body(Map.of("amount", "301.00", "disbursedOn", "2025-06-01", "purpose", "慰问金"))
                .post("/api/v1/funds/" + fund + "/disbursements").then().statusCode(422)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        Api.asPlatformAdmin().get("/api/v1/funds/" + fund).then().body("budgets[0].spent", equalTo(new BigDecimal("300.00")));
    }

    @Test
    void budgetCanBeRaisedButNotBelowWhatIsSpent() {
        var tree = orgs.tree();
        UUID fund = fundWithBudget(tree.committee(), "1000.00");
        disburse(Caller.ORG_ADMIN, tree.committee(), fund, "600.00").then().statusCode(201);

        as(Caller.ORG_ADMIN, tree.committee()).body(Map.of("amount", "599.99")).put("/api/v1/funds/" + fund + "/budgets/2025")
                .then().statusCode(422).body("code", equalTo("BUDGET_BELOW_SPENT"));
        as(Caller.ORG_ADMIN, tree.committee()).body(Map.of("amount", "1500.00")).put("/api/v1/funds/" + fund + "/budgets/2025")
                .then().statusCode(200).body("budgets[0].remaining", equalTo(new BigDecimal("900.00")));
        as(Caller.ORG_ADMIN, tree.committee()).get("/api/v1/funds/" + fund + "/ledger").then()
                .body("items.kind", equalTo(List.of("ALLOCATION", "DISBURSEMENT", "ADJUSTMENT")))
                .body("items[2].amount", equalTo(new BigDecimal("500.00")));
    }

    @Test
    void amountWithMoreThanTwoDecimalsIsInvalid() {
        var tree = orgs.tree();
        UUID fund = fundWithBudget(tree.committee(), "1000.00");
        disburse(Caller.ORG_ADMIN, tree.committee(), fund, "1.005").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("amount"));
    }

    @Test
    void fundsNeedATokenAndAFundRole() {
        var tree = orgs.tree();
        Api.anonymous().get("/api/v1/funds").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        as(Caller.MEMBER, tree.committee()).body(Map.of("orgId", tree.committee(), "kind", "SPECIAL", "name", "越权"))
                .post("/api/v1/funds").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        UUID fund = fundWithBudget(tree.committee(), "100.00");
        as(Caller.AUDITOR, tree.committee()).body(Map.of("amount", "1.00", "purpose", "x"))
                .post("/api/v1/funds/" + fund + "/disbursements").then().statusCode(403);
    }

    @Test
    void fundOfAnotherSubtreeIsNotFound() {
        var tree = orgs.tree();
        UUID fund = fundWithBudget(tree.committee(), "100.00");
        as(Caller.ORG_ADMIN, tree.sibling()).get("/api/v1/funds/" + fund).then().statusCode(404)
                .body("code", equalTo("FUND_NOT_FOUND"));
        disburse(Caller.ORG_ADMIN, tree.sibling(), fund, "1.00").then().statusCode(404).body("code", equalTo("FUND_NOT_FOUND"));
        as(Caller.ORG_ADMIN, tree.sibling()).body(Map.of("orgId", tree.committee(), "kind", "SPECIAL", "name", "越界"))
                .post("/api/v1/funds").then().statusCode(404).body("code", equalTo("ORGANIZATION_NOT_FOUND"));
        as(Caller.ORG_ADMIN, tree.sibling()).get("/api/v1/funds").then().statusCode(200)
                .body("items.id.flatten()", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(fund.toString())));
    }

    @Test
    void auditTrailRefusesChanges() {
        var tree = orgs.tree();
        UUID fund = fundWithBudget(tree.committee(), "100.00");
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from audit_entry where target_id = '" + fund + "'").executeUpdate()));
        assertEquals(2L, count("select count(*) from audit_entry where target_id = '" + fund + "'"));
    }

    private UUID fundWithBudget(UUID orgId, String amount) {
        return CaseFlow.fund(() -> as(Caller.ORG_ADMIN, orgId), orgId, "SPECIAL", "专项帮扶资金", amount);
    }

    private static Response disburse(String role, UUID orgId, UUID fund, String amount) {
        return as(role, orgId).body(Map.of("amount", amount, "disbursedOn", "2025-06-01", "purpose", "生活困难补助"))
                .post("/api/v1/funds/" + fund + "/disbursements");
    }
}
