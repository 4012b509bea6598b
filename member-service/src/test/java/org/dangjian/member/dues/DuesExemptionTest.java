package org.dangjian.member.dues;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import org.dangjian.member.Api;
import org.dangjian.member.TestTree;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.dangjian.member.Api.as;
import static org.dangjian.member.Api.asPlatformAdmin;
import static org.dangjian.member.dues.DuesTest.partyMember;
import static org.dangjian.member.dues.DuesTest.pay;
import static org.dangjian.member.dues.DuesTest.setBase;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** 党费减免: reduced or waived months, approved with a reason, reflected in statements, payments and arrears. */
@QuarkusTest
class DuesExemptionTest {

    @BeforeAll
    static void exactMoney() {
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    @AfterAll
    static void defaultNumbers() {
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig());
    }

    static Map<String, Object> exemption(String kind, String from, String to, String amount) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "from", from, "to", to, "reason", "大病住院，家庭生活困难",
                "decisionRef", "支部党员大会〔2026〕5号", "approvedOn", "2026-03-01"));
        if (amount != null) {
            body.put("monthlyAmount", amount);
        }
        return body;
    }

    static ValidatableResponse grant(UUID member, Map<String, Object> body) {
        return asPlatformAdmin().body(body).post("/api/v1/members/" + member + "/dues/exemptions").then();
    }

    static UUID employed(UUID branch) {
        UUID member = partyMember(branch, "EMPLOYED", LocalDate.of(2026, 1, 10));
        setBase(member, 2026, Map.of("monthlyIncome", "2000.00")).statusCode(200);
        return member;
    }

    @Test
    void waivedMonthsAreOwedNothingCannotBePaidAndExcuseTheLapseFlag() {
        UUID member = employed(TestTree.branch(TestTree.committee()).id());
        grant(member, exemption("WAIVED", "2026-03", "2026-05", null)).statusCode(201)
                .body("kind", equalTo("WAIVED")).body("monthlyAmount", nullValue())
                .body("decisionRef", equalTo("支部党员大会〔2026〕5号"));
        pay(member, List.of("2026-04")).statusCode(422).body("code", equalTo("DUES_MONTH_WAIVED"));

        // Eight months without a payment, three of them waived: two runs of unpaid months, neither six long.
        asPlatformAdmin().get("/api/v1/members/" + member + "/dues?asOf=2026-08").then().statusCode(200)
                .body("months[2].exemption", equalTo("WAIVED"))
                .body("months[2].amount", equalTo(new BigDecimal("0.00")))
                .body("unpaidMonths", equalTo(5))
                .body("arrears", equalTo(new BigDecimal("50.00")))
                .body("longestUnpaidRun", equalTo(3))
                .body("lapsed", equalTo(false));
    }

    @Test
    void reducedMonthsArePaidAndOwedAtTheReducedAmount() {
        UUID member = employed(TestTree.branch(TestTree.committee()).id());
        grant(member, exemption("REDUCED", "2026-02", "2026-03", "2.5")).statusCode(201)
                .body("monthlyAmount", equalTo(new BigDecimal("2.50")));
        pay(member, List.of("2026-01", "2026-02")).statusCode(201)
                .body("payments.amount", contains(new BigDecimal("10.00"), new BigDecimal("2.50")))
                .body("total", equalTo(new BigDecimal("12.50")));
        asPlatformAdmin().get("/api/v1/members/" + member + "/dues?asOf=2026-04").then()
                .body("months.exemption", contains(null, "REDUCED", "REDUCED", null))
                .body("unpaidMonths", equalTo(2))
                .body("arrears", equalTo(new BigDecimal("12.50")));
        grant(member, exemption("REDUCED", "2026-06", "2026-06", null)).statusCode(422)
                .body("code", equalTo("DUES_EXEMPTION_AMOUNT_REQUIRED"));
    }

    @Test
    void oneExemptionCoversAtMostTwelveMonths() {
        UUID branch = TestTree.branch(TestTree.committee()).id();
        grant(employed(branch), exemption("WAIVED", "2026-01", "2026-11", null)).statusCode(201);
        grant(employed(branch), exemption("WAIVED", "2026-01", "2026-12", null)).statusCode(201);
        grant(employed(branch), exemption("WAIVED", "2026-01", "2027-01", null)).statusCode(422)
                .body("code", equalTo("DUES_EXEMPTION_TOO_LONG"));
        grant(employed(branch), exemption("WAIVED", "2026-05", "2026-04", null)).statusCode(422)
                .body("code", equalTo("DUES_EXEMPTION_PERIOD_INVALID"));
    }

    @Test
    void exemptionsNeitherOverlapNorCoverPaidMonthsAndNeedAReasonAndDecision() {
        UUID member = employed(TestTree.branch(TestTree.committee()).id());
        pay(member, List.of("2026-01")).statusCode(201);
        grant(member, exemption("WAIVED", "2026-01", "2026-02", null)).statusCode(409)
                .body("code", equalTo("DUES_MONTH_ALREADY_PAID"));
        grant(member, exemption("WAIVED", "2026-02", "2026-04", null)).statusCode(201);
        grant(member, exemption("REDUCED", "2026-04", "2026-06", "1.00")).statusCode(409)
                .body("code", equalTo("DUES_EXEMPTION_OVERLAPS"));
        Map<String, Object> noReason = exemption("WAIVED", "2026-07", "2026-08", null);
        noReason.remove("reason");
        noReason.remove("decisionRef");
        grant(member, noReason).statusCode(400).body("errors.field", contains("decisionRef", "reason"));
        asPlatformAdmin().get("/api/v1/members/" + member + "/dues/exemptions").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].from", equalTo("2026-02")).body("items[0].to", equalTo("2026-04"));
    }

    @Test
    void exemptionEndpointsNeedATokenAWriteRoleAndTheMembersSubtree() {
        UUID member = employed(TestTree.branch(TestTree.committee()).id());
        String path = "/api/v1/members/" + member + "/dues/exemptions";
        Map<String, Object> body = exemption("WAIVED", "2026-07", "2026-08", null);
        given().contentType(ContentType.JSON).body(body).post(path).then().statusCode(401);
        Api.asMember(member).body(body).post(path).then().statusCode(403);
        as(Caller.AUDITOR, null).body(body).post(path).then().statusCode(403);
        as(Caller.BRANCH_SECRETARY, TestTree.committee().id()).body(body).post(path).then().statusCode(404)
                .body("code", equalTo("MEMBER_NOT_FOUND"));
        Api.asMember(member).get(path).then().statusCode(200);
        Api.asMember(UUID.randomUUID()).get(path).then().statusCode(404);
    }
}
