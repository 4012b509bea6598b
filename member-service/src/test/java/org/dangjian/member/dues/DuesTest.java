package org.dangjian.member.dues;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.dangjian.member.Api;
import org.dangjian.member.TestIds;
import org.dangjian.member.TestTree;
import org.dangjian.member.member.MemberCategory;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.dangjian.member.Api.as;
import static org.dangjian.member.Api.asPlatformAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class DuesTest {

    @Inject
    DuesTable table;

    @BeforeAll
    static void exactMoney() {
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    @AfterAll
    static void defaultNumbers() {
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig());
    }

    @ParameterizedTest(name = "{0} earning {1} pays {2}")
    @CsvSource({
            "EMPLOYED, 0.00, 0.00",
            "EMPLOYED, 2999.99, 15.00",
            "EMPLOYED, 3000.00, 15.00",
            "EMPLOYED, 3000.01, 30.00",
            "EMPLOYED, 4999.99, 50.00",
            "EMPLOYED, 5000.00, 50.00",
            "EMPLOYED, 5000.01, 75.00",
            "EMPLOYED, 9999.99, 150.00",
            "EMPLOYED, 10000.00, 150.00",
            "EMPLOYED, 10000.01, 200.00",
            "EMPLOYED, 12345.67, 246.91",
            "EMPLOYED, 3333.33, 33.33",
            "EMPLOYED, 1234.50, 6.17",
            "RETIRED, 4999.99, 25.00",
            "RETIRED, 5000.00, 25.00",
            "RETIRED, 5000.01, 50.00",
            "RETIRED, 3000.01, 15.00"})
    void monthlyDuesFollowTheBracketsExactlyToTheFen(MemberCategory category, String income, String expected) {
        DuesTable.Due due = table.monthly(category, new BigDecimal(income), null);
        assertEquals(new BigDecimal(expected), due.monthlyAmount());
    }

    @ParameterizedTest
    @CsvSource({"STUDENT, 0.20", "UNEMPLOYED, 0.20", "OTHER, 0.20"})
    void studentsUnemployedAndOthersPayAFixedAmount(MemberCategory category, String expected) {
        assertEquals(new BigDecimal(expected), table.monthly(category, null, null).monthlyAmount());
    }

    static UUID partyMember(UUID branch, String category, LocalDate admittedOn) {
        Map<String, Object> body = Api.fullMember(branch);
        body.put("category", category);
        body.put("stage", "PROBATIONARY");
        body.put("appliedOn", admittedOn.minusYears(2).toString());
        body.put("activistOn", admittedOn.minusYears(1).minusMonths(6).toString());
        body.put("candidateOn", admittedOn.minusMonths(3).toString());
        body.put("admittedOn", admittedOn.toString());
        body.remove("fullOn");
        return Api.registered(body);
    }

    static ValidatableResponse setBase(UUID member, int year, Map<String, Object> body) {
        return asPlatformAdmin().body(body).put("/api/v1/members/" + member + "/dues/bases/" + year).then();
    }

    static ValidatableResponse pay(UUID member, List<String> months) {
        return asPlatformAdmin().body(Map.of("months", months, "paidOn", "2026-11-01")).post("/api/v1/members/" + member + "/dues/payments")
                .then();
    }

    @Test
    void yearlyBaseOfAnEmployedMemberGivesTheMonthlyAmount() {
        UUID member = partyMember(TestTree.branch(TestTree.committee()).id(), "EMPLOYED", LocalDate.of(2026, 1, 10));
        setBase(member, 2026, Map.of("monthlyIncome", "5000.01")).statusCode(200)
                .body("monthlyAmount", equalTo(new BigDecimal("75.00")))
                .body("rate", equalTo(new BigDecimal("0.015")))
                .body("category", equalTo("EMPLOYED"));
        setBase(member, 2026, Map.of("monthlyIncome", "5000.00")).statusCode(200)
                .body("monthlyAmount", equalTo(new BigDecimal("50.00"))).body("version", equalTo(1));
    }

    @Test
    void incomeIsRequiredWhereDuesAreAShareOfIt() {
        UUID member = partyMember(TestTree.branch(TestTree.committee()).id(), "RETIRED", LocalDate.of(2026, 1, 10));
        setBase(member, 2026, Map.of()).statusCode(422).body("code", equalTo("DUES_INCOME_REQUIRED"));
        setBase(member, 2026, Map.of("monthlyIncome", "100.001")).statusCode(400).body("errors.field", contains("monthlyIncome"));
    }

    @Test
    void farmerPaysAnAmountTheBranchChoosesBetween20FenAnd1Yuan() {
        UUID member = partyMember(TestTree.branch(TestTree.committee()).id(), "FARMER", LocalDate.of(2026, 1, 10));
        setBase(member, 2026, Map.of("monthlyAmount", "0.19")).statusCode(422).body("code", equalTo("DUES_AMOUNT_OUT_OF_RANGE"));
        setBase(member, 2026, Map.of("monthlyAmount", "1.01")).statusCode(422).body("code", equalTo("DUES_AMOUNT_OUT_OF_RANGE"));
        setBase(member, 2026, Map.of("monthlyAmount", "0.20")).statusCode(200).body("monthlyAmount", equalTo(new BigDecimal("0.20")));
        setBase(member, 2026, Map.of("monthlyAmount", "1.00")).statusCode(200).body("monthlyAmount", equalTo(new BigDecimal("1.00")));
    }

    @Test
    void severalMonthsArePaidAtOnceAtTheYearsBase() {
        UUID member = partyMember(TestTree.branch(TestTree.committee()).id(), "EMPLOYED", LocalDate.of(2026, 1, 10));
        setBase(member, 2026, Map.of("monthlyIncome", "3000.01")).statusCode(200);
        pay(member, List.of("2026-10", "2026-11", "2026-12")).statusCode(201)
                .body("payments", hasSize(3))
                .body("payments[0].amount", equalTo(new BigDecimal("30.00")))
                .body("total", equalTo(new BigDecimal("90.00")));
        pay(member, List.of("2026-12")).statusCode(409).body("code", equalTo("DUES_MONTH_ALREADY_PAID"));
        pay(member, List.of("2027-01")).statusCode(422).body("code", equalTo("DUES_BASE_NOT_SET"));
        pay(member, List.of("2025-12")).statusCode(422).body("code", equalTo("DUES_MONTH_BEFORE_ADMISSION"));
    }

    @Test
    void duesAreOwedFromTheMonthOfAdmission() {
        UUID member = partyMember(TestTree.branch(TestTree.committee()).id(), "STUDENT", LocalDate.of(2026, 3, 31));
        setBase(member, 2026, Map.of()).statusCode(200).body("monthlyAmount", equalTo(new BigDecimal("0.20")));
        pay(member, List.of("2026-02")).statusCode(422).body("code", equalTo("DUES_MONTH_BEFORE_ADMISSION"));
        pay(member, List.of("2026-03")).statusCode(201);
    }

    @Test
    void onlyPartyMembersPayDues() {
        UUID applicant = Api.registered(Api.applicant(TestTree.branch(TestTree.committee()).id(), TestIds.nationalId(),
                LocalDate.of(2025, 5, 1)));
        setBase(applicant, 2026, Map.of("monthlyIncome", "4000.00")).statusCode(422).body("code", equalTo("DUES_NOT_A_PARTY_MEMBER"));
    }

    @Test
    void sixConsecutiveUnpaidMonthsAreFlaggedFiveAreNot() {
        TestTree.Node committee = TestTree.committee();
        UUID branch = TestTree.branch(committee).id();
        UUID five = partyMember(branch, "EMPLOYED", LocalDate.of(2026, 1, 10));
        UUID six = partyMember(branch, "EMPLOYED", LocalDate.of(2026, 1, 10));
        UUID seven = partyMember(branch, "EMPLOYED", LocalDate.of(2026, 1, 10));
        UUID upToDate = partyMember(branch, "EMPLOYED", LocalDate.of(2026, 1, 10));
        for (UUID m : List.of(five, six, seven, upToDate)) {
            setBase(m, 2026, Map.of("monthlyIncome", "2000.00")).statusCode(200);
        }
        pay(five, List.of("2026-01", "2026-02", "2026-03", "2026-04", "2026-05")).statusCode(201);
        pay(six, List.of("2026-01", "2026-02", "2026-03", "2026-04")).statusCode(201);
        pay(seven, List.of("2026-01", "2026-02", "2026-03")).statusCode(201);
        pay(upToDate, List.of("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09",
                "2026-10")).statusCode(201);

        asPlatformAdmin().get("/api/v1/members/" + six + "/dues?asOf=2026-10").then().statusCode(200)
                .body("owedFrom", equalTo("2026-01"))
                .body("months", hasSize(10))
                .body("unpaidMonths", equalTo(6))
                .body("arrears", equalTo(new BigDecimal("60.00")))
                .body("longestUnpaidRun", equalTo(6))
                .body("lapsed", equalTo(true));
        asPlatformAdmin().get("/api/v1/members/" + five + "/dues?asOf=2026-10").then().body("lapsed", equalTo(false));

        as(Caller.BRANCH_SECRETARY, branch).get("/api/v1/dues/arrears?branchId=" + branch + "&asOf=2026-10").then().statusCode(200)
                .body("items.memberId", contains(six.toString(), seven.toString(), five.toString()))
                .body("items.lapsed", contains(true, true, false));
    }

    @Test
    void memberReadsTheirOwnStatementButRecordsNoPayment() {
        UUID member = partyMember(TestTree.branch(TestTree.committee()).id(), "EMPLOYED", LocalDate.of(2026, 1, 10));
        Api.asMember(member).get("/api/v1/members/" + member + "/dues?asOf=2026-02").then().statusCode(200)
                .body("unpaidMonths", equalTo(2));
        Api.asMember(member).body(Map.of("months", List.of("2026-01"))).post("/api/v1/members/" + member + "/dues/payments")
                .then().statusCode(403);
    }

    @Test
    void duesEndpointsNeedATokenAndTheMembersSubtree() {
        UUID member = partyMember(TestTree.branch(TestTree.committee()).id(), "EMPLOYED", LocalDate.of(2026, 1, 10));
        given().get("/api/v1/members/" + member + "/dues").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").put("/api/v1/members/" + member + "/dues/bases/2026").then().statusCode(401);
        given().get("/api/v1/dues/arrears?branchId=" + UUID.randomUUID()).then().statusCode(401);
        TestTree.Node stranger = TestTree.committee();
        as(Caller.ORG_ADMIN, stranger.id()).get("/api/v1/members/" + member + "/dues").then().statusCode(404);
        as(Caller.ORG_ADMIN, stranger.id()).body(Map.of("monthlyIncome", "1.00")).put("/api/v1/members/" + member + "/dues/bases/2026")
                .then().statusCode(404);
        as(Caller.ORG_ADMIN, stranger.id()).get("/api/v1/dues/arrears?branchId=" + TestTree.branch(TestTree.committee()).id())
                .then().statusCode(404);
    }
}
