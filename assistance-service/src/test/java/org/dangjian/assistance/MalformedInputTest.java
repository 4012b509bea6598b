package org.dangjian.assistance;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.localstack.LocalStack;
import org.dangjian.platform.localstack.Tokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.dangjian.assistance.Api.as;
import static org.dangjian.assistance.Database.count;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Bad input of every kind is answered 4xx problem+json naming what is wrong, and changes nothing
 * (platform/api-support: the JSON reader's rules, ProblemMappers, the HTTP layer's failure answers).
 * Funds are the subject because they are the simplest writes; the rules are the platform's and apply
 * to every operation of every service.
 */
@QuarkusTest
class MalformedInputTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    OrgTreeFixture orgs;

    // --- request bodies ---------------------------------------------------------------------------

    @Test
    void aRepeatedKeyIsRefusedNamingTheField() {
        var tree = orgs.tree();
        openFundRaw(tree.committee(), """
                {"orgId":"%s","kind":"RETAINED_DUES","name":"甲","name":"乙"}""".formatted(tree.committee()))
                .statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("MALFORMED_REQUEST_BODY"))
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].code", equalTo("DUPLICATE_FIELD"));
        assertEquals(0, funds(tree.committee()));
    }

    @Test
    void aRepeatedKeyInASingleFieldBodyIsRefusedToo() {
        var tree = orgs.tree();
        UUID fund = openFund(tree.committee());
        as(Caller.ORG_ADMIN, tree.committee()).body("{\"amount\":1,\"amount\":2}")
                .put("/api/v1/funds/" + fund + "/budgets/2025").then()
                .statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("MALFORMED_REQUEST_BODY"))
                .body("errors[0].field", equalTo("amount"))
                .body("errors[0].code", equalTo("DUPLICATE_FIELD"));
        assertEquals(0, budgets(fund));
    }

    @Test
    void aNulCharacterInAStringIsRefusedNamingTheField() {
        refusedName("a\\u0000b", "INVALID_CHARACTERS");
    }

    @Test
    void otherControlCharactersAreRefusedButTabsAndLineBreaksAreNot() {
        refusedName("bell\\u0007", "INVALID_CHARACTERS");
        refusedName("esc\\u001b[31m", "INVALID_CHARACTERS");
        var tree = orgs.tree();
        openFundRaw(tree.committee(), """
                {"orgId":"%s","kind":"RETAINED_DUES","name":"帮扶\\t资金\\r\\n二〇二五"}""".formatted(tree.committee()))
                .statusCode(201);
    }

    @Test
    void anUnpairedSurrogateIsRefused() {
        refusedName("half \\ud83d of an emoji", "INVALID_CHARACTERS");
        refusedName("\\udc00 low alone", "INVALID_CHARACTERS");
    }

    @Test
    void aWellFormedSurrogatePairIsAccepted() {
        var tree = orgs.tree();
        openFundRaw(tree.committee(), """
                {"orgId":"%s","kind":"RETAINED_DUES","name":"\\ud83d\\ude00 基金"}""".formatted(tree.committee()))
                .statusCode(201).body("name", equalTo("😀 基金"));
    }

    @Test
    void aRawControlCharacterInsideAStringIsRefused() {
        var tree = orgs.tree();
        openFundRaw(tree.committee(), "{\"orgId\":\"" + tree.committee() + "\",\"kind\":\"RETAINED_DUES\",\"name\":\"a\u0001b\"}")
                .statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("MALFORMED_REQUEST_BODY"))
                .body("errors[0].field", equalTo("name"));
        assertEquals(0, funds(tree.committee()));
    }

    @Test
    void deepNestingIsRefusedEvenWhereTheFieldIsIgnored() {
        var tree = orgs.tree();
        // deeper than the platform's 100 levels, shallower than Jackson's own default of 1000
        String deep = "[".repeat(500) + "]".repeat(500);
        openFundRaw(tree.committee(), "{\"orgId\":\"" + tree.committee() + "\",\"kind\":\"RETAINED_DUES\",\"name\":\"甲\",\"extra\":"
                + deep + "}")
                .statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("MALFORMED_REQUEST_BODY"));
        assertEquals(0, funds(tree.committee()));
    }

    @Test
    void aNumberTooLargeForAnIntegerFieldIsRefusedNamingTheField() {
        var tree = orgs.tree();
        Map<String, Object> body = People.resident(tree.branch(), People.nationalId());
        body.put("householdSize", new java.math.BigInteger("99999999999999999999"));
        as(Caller.ORG_ADMIN, tree.committee()).body(body).post("/api/v1/beneficiaries").then()
                .statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("MALFORMED_REQUEST_BODY"))
                .body("errors[0].field", equalTo("householdSize"))
                .body("errors[0].code", equalTo("INVALID_VALUE"));
        assertEquals(0L, count("select count(*) from beneficiary where org_id = '" + tree.branch() + "'"));
    }

    @Test
    void aDecimalWithAHugeExponentIsRefusedNamingTheField() {
        var tree = orgs.tree();
        UUID fund = openFund(tree.committee());
        for (String amount : List.of("1e1000000000", "1e-1000000000", "1e400")) {
            as(Caller.ORG_ADMIN, tree.committee()).body("{\"amount\":" + amount + "}")
                    .put("/api/v1/funds/" + fund + "/budgets/2025").then()
                    .statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("amount"));
        }
        as(Caller.ORG_ADMIN, tree.committee()).body("{\"amount\":" + "9".repeat(2000) + "}")
                .put("/api/v1/funds/" + fund + "/budgets/2025").then()
                .statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("MALFORMED_REQUEST_BODY"));
        assertEquals(0, budgets(fund));
    }

    // --- query parameters ------------------------------------------------------------------------

    @Test
    void anUnparseableQueryParameterIsRefusedNamingIt() {
        var tree = orgs.tree();
        invalidParameter(tree, "/api/v1/funds?size=abc", "size");
        invalidParameter(tree, "/api/v1/funds?size=2147483648", "size");
        invalidParameter(tree, "/api/v1/funds?kind=NOPE", "kind");
        invalidParameter(tree, "/api/v1/visits/overdue-follow-ups?asOf=2025-02-30", "asOf");
        invalidParameter(tree, "/api/v1/cases?reassignmentNeeded=perhaps", "reassignmentNeeded");
        invalidParameter(tree, "/api/v1/cases?beneficiaryId=not-an-id", "beneficiaryId");
    }

    @Test
    void aControlCharacterInAStringQueryParameterIsRefusedNamingIt() {
        var tree = orgs.tree();
        as(Caller.ORG_ADMIN, tree.committee()).urlEncodingEnabled(false)
                .get("/api/v1/beneficiaries?nationalId=35%00").then()
                .statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("INVALID_PARAMETER"))
                .body("errors[0].field", equalTo("nationalId"))
                .body("errors[0].code", equalTo("INVALID_CHARACTERS"));
    }

    @Test
    void wellFormedQueryParametersStillWork() {
        var tree = orgs.tree();
        as(Caller.ORG_ADMIN, tree.committee()).get("/api/v1/funds?size=10&kind=SPECIAL").then().statusCode(200);
        as(Caller.ORG_ADMIN, tree.committee()).get("/api/v1/cases?reassignmentNeeded=TRUE").then().statusCode(200);
        as(Caller.ORG_ADMIN, tree.committee()).get("/api/v1/visits/overdue-follow-ups?asOf=2025-02-28").then().statusCode(200);
    }

    @Test
    void aMalformedIdInThePathStillNamesNoResource() {
        var tree = orgs.tree();
        as(Caller.ORG_ADMIN, tree.committee()).get("/api/v1/funds/not-an-id").then()
                .statusCode(404).contentType(PROBLEM)
                .body("code", equalTo("RESOURCE_NOT_FOUND"));
    }

    // --- unique-key races ------------------------------------------------------------------------

    @Test
    void parallelFirstBudgetsOfOneYearAnswerOkOrConcurrentModificationNever500() throws Exception {
        var tree = orgs.tree();
        UUID fund = openFund(tree.committee());
        String token = Tokens.issue(Caller.ORG_ADMIN, tree.committee());
        int parallel = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < parallel; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return Api.withToken(token).body(Map.of("amount", "1000.00")).put("/api/v1/funds/" + fund + "/budgets/2025");
                }));
            }
            start.countDown();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                if (response.statusCode() != 200) {
                    assertEquals(409, response.statusCode(), response.asString());
                    assertEquals(PROBLEM, response.contentType());
                    assertEquals("CONCURRENT_MODIFICATION", response.path("code"));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, budgets(fund));
        // A retry then gets the precise answer: the budget exists and is set again.
        Api.withToken(token).body(Map.of("amount", "1000.00")).put("/api/v1/funds/" + fund + "/budgets/2025").then().statusCode(200);
    }

    // --- answers of the HTTP layer ---------------------------------------------------------------

    @Test
    void aBodyOverTheLimitIsAnsweredAsAProblem() {
        var tree = orgs.tree();
        String name = "x".repeat(1_100_000);
        openFundRaw(tree.committee(), "{\"orgId\":\"" + tree.committee() + "\",\"kind\":\"RETAINED_DUES\",\"name\":\"" + name + "\"}")
                .statusCode(413).contentType(PROBLEM)
                .body("code", equalTo("PAYLOAD_TOO_LARGE"))
                .body("status", equalTo(413));
        assertEquals(0, funds(tree.committee()));
    }

    @Test
    void aBodyOfAnotherMediaTypeIsAnsweredAsAProblem() {
        var tree = orgs.tree();
        as(Caller.ORG_ADMIN, tree.committee()).contentType("text/plain").body("orgId=" + tree.committee())
                .post("/api/v1/funds").then()
                .statusCode(415).contentType(PROBLEM)
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        assertEquals(0, funds(tree.committee()));
    }

    @Test
    void anUnsupportedMethodIsAnsweredAsAProblem() {
        var tree = orgs.tree();
        as(Caller.ORG_ADMIN, tree.committee()).delete("/api/v1/funds").then()
                .statusCode(405).contentType(PROBLEM)
                .body("code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void anUnacceptableFormatIsAnsweredAsAProblem() {
        var tree = orgs.tree();
        as(Caller.ORG_ADMIN, tree.committee()).accept("image/png").get("/api/v1/funds").then()
                .statusCode(406).contentType(PROBLEM)
                .body("code", equalTo("NOT_ACCEPTABLE"));
    }

    @Test
    void problemsOfTheHttpLayerAreWordedInEnglishOnRequest() {
        var tree = orgs.tree();
        as(Caller.ORG_ADMIN, tree.committee()).header("Accept-Language", "en").contentType("text/plain").body("x")
                .post("/api/v1/funds").then()
                .statusCode(415).body("title", equalTo("Unsupported media type"));
    }

    // --- idempotency keys ------------------------------------------------------------------------

    @Test
    void theSameClientActingForAnotherOrganizationDoesNotReplayTheFirstOrganizationsAnswer() {
        var tree = orgs.tree();
        String client = "idem-" + UUID.randomUUID();
        String forCommittee = Tokens.issue(LocalStack.shared().oidc(), client, Caller.ORG_ADMIN, tree.committee(), null);
        String forBranch = Tokens.issue(LocalStack.shared().oidc(), client, Caller.ORG_ADMIN, tree.branch(), null);
        String key = "key-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("orgId", tree.branch(), "kind", "SPECIAL", "name", "专项帮扶资金");

        String first = Api.withToken(forCommittee).header("Idempotency-Key", key).body(body).post("/api/v1/funds").then()
                .statusCode(201).extract().path("id");
        String second = Api.withToken(forBranch).header("Idempotency-Key", key).body(body).post("/api/v1/funds").then()
                .statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("id");
        assertNotEquals(first, second);
        // Each organization's own retry still replays its own answer.
        Api.withToken(forBranch).header("Idempotency-Key", key).body(body).post("/api/v1/funds").then()
                .statusCode(201).header("Idempotent-Replayed", equalTo("true")).body("id", equalTo(second));
        assertEquals(2, funds(tree.branch()));
    }

    // --- helpers ---------------------------------------------------------------------------------

    private void refusedName(String jsonEscapedName, String code) {
        var tree = orgs.tree();
        openFundRaw(tree.committee(), """
                {"orgId":"%s","kind":"RETAINED_DUES","name":"%s"}""".formatted(tree.committee(), jsonEscapedName))
                .statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("MALFORMED_REQUEST_BODY"))
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].code", equalTo(code))
                .body("errors[0].message", notNullValue());
        assertEquals(0, funds(tree.committee()));
    }

    private void invalidParameter(OrgTreeFixture.Tree tree, String path, String parameter) {
        as(Caller.ORG_ADMIN, tree.committee()).urlEncodingEnabled(false).get(path).then()
                .statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("INVALID_PARAMETER"))
                .body("errors[0].field", equalTo(parameter))
                .body("errors[0].code", equalTo("INVALID_VALUE"))
                .body("detail", not(equalTo(null)));
    }

    private ValidatableResponse openFundRaw(UUID orgAdminOf, String json) {
        return as(Caller.ORG_ADMIN, orgAdminOf).body(json).post("/api/v1/funds").then();
    }

    private UUID openFund(UUID orgId) {
        return UUID.fromString(as(Caller.ORG_ADMIN, orgId)
                .body(Map.of("orgId", orgId, "kind", "RETAINED_DUES", "name", "党费留存帮扶资金"))
                .post("/api/v1/funds").then().statusCode(201).extract().path("id"));
    }

    private long funds(UUID orgId) {
        return count("select count(*) from fund where org_id = '" + orgId + "'");
    }

    private long budgets(UUID fund) {
        return count("select count(*) from budget where fund_id = '" + fund + "'");
    }
}
