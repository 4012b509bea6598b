package org.dangjian.member.conduct;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.dangjian.member.Api;
import org.dangjian.member.TestIds;
import org.dangjian.member.TestTree;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.dangjian.member.Api.as;
import static org.dangjian.member.Api.asPlatformAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ConductTest {

    @Test
    void commendationDisciplineAndEvaluationsAppearOnTheRecord() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        UUID member = Api.registered(branch.id());
        String base = "/api/v1/members/" + member + "/conduct";
        as(Caller.BRANCH_SECRETARY, branch.id()).body(Map.of("title", "优秀共产党员", "awardedBy", "中共西城镇委员会",
                "awardedOn", "2026-07-01")).post(base + "/commendations").then().statusCode(201);
        asPlatformAdmin().body(Map.of("measure", "WARNING", "decidedBy", "中共西城镇纪委", "decidedOn", "2025-03-01",
                "reason", "违反组织纪律")).post(base + "/disciplines").then().statusCode(201);
        as(Caller.BRANCH_SECRETARY, branch.id()).body(Map.of("year", 2025, "result", "EXCELLENT")).post(base + "/evaluations")
                .then().statusCode(201);
        as(Caller.BRANCH_SECRETARY, branch.id()).body(Map.of("year", 2024, "result", "QUALIFIED")).post(base + "/evaluations")
                .then().statusCode(201);

        Api.asMember(member).get(base).then().statusCode(200)
                .body("commendations.title", contains("优秀共产党员"))
                .body("disciplines.measure", contains("WARNING"))
                .body("evaluations.year", contains(2024, 2025))
                .body("evaluations.result", contains("QUALIFIED", "EXCELLENT"));
    }

    @Test
    void oneEvaluationPerYearAndNoneForAFutureYear() {
        UUID member = Api.registered(TestTree.branch(TestTree.committee()).id());
        String path = "/api/v1/members/" + member + "/conduct/evaluations";
        asPlatformAdmin().body(Map.of("year", 2025, "result", "QUALIFIED")).post(path).then().statusCode(201);
        asPlatformAdmin().body(Map.of("year", 2025, "result", "EXCELLENT")).post(path).then().statusCode(409)
                .body("code", equalTo("MEMBER_EVALUATION_EXISTS"));
        asPlatformAdmin().body(Map.of("year", LocalDate.now().getYear() + 2, "result", "EXCELLENT")).post(path).then()
                .statusCode(422).body("code", equalTo("MEMBER_EVALUATION_YEAR_IN_FUTURE"));
        asPlatformAdmin().body(Map.of("year", 2025, "result", "GOOD")).post(path).then().statusCode(400);
    }

    @Test
    void applicantsHaveNoConductRecordEntries() {
        UUID applicant = Api.registered(Api.applicant(TestTree.branch(TestTree.committee()).id(), TestIds.nationalId(),
                LocalDate.of(2025, 1, 1)));
        asPlatformAdmin().body(Map.of("year", 2025, "result", "QUALIFIED"))
                .post("/api/v1/members/" + applicant + "/conduct/evaluations").then().statusCode(422)
                .body("code", equalTo("MEMBER_CONDUCT_NOT_A_PARTY_MEMBER"));
    }

    @Test
    void conductEndpointsNeedATokenTheRightRoleAndScope() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        UUID member = Api.registered(branch.id());
        String base = "/api/v1/members/" + member + "/conduct";
        given().get(base).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post(base + "/commendations").then().statusCode(401);
        as(Caller.BRANCH_SECRETARY, branch.id()).body(Map.of("measure", "WARNING", "decidedBy", "x", "decidedOn", "2025-03-01",
                "reason", "x")).post(base + "/disciplines").then().statusCode(403);
        Api.asMember(member).body(Map.of("year", 2025, "result", "EXCELLENT")).post(base + "/evaluations").then().statusCode(403);
        as(Caller.ORG_ADMIN, TestTree.committee().id()).get(base).then().statusCode(404).body("code", equalTo("MEMBER_NOT_FOUND"));
    }
}
