package org.dangjian.organization;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.dangjian.organization.Api.as;
import static org.dangjian.organization.Api.asPlatformAdmin;
import static org.dangjian.organization.Api.body;
import static org.dangjian.organization.Api.newChild;
import static org.dangjian.organization.Api.newCommittee;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class AssessmentTest {

    private static final List<Map<String, Object>> FIVE_GOOD = List.of(
            body("code", "TEAM", "name", "领导班子好", "weight", 40),
            body("code", "MEMBERS", "name", "党员队伍好", "weight", 30),
            body("code", "RESULTS", "name", "工作业绩好", "weight", 30));

    @Test
    void selfAssessmentThenReviewGiveAScoreARatingAndARanking() {
        UUID committee = newCommittee("考核党委");
        UUID first = newChild(committee, "考核一支部", "BRANCH");
        UUID second = newChild(committee, "考核二支部", "BRANCH");
        String set = define(as(Caller.ORG_ADMIN, committee), committee, FIVE_GOOD).statusCode(201).extract().path("id");
        String a = selfAssess(as(Caller.BRANCH_SECRETARY, first), set, first, scores(100, 100, 100)).statusCode(201)
                .body("status", equalTo("SELF_ASSESSED")).body("selfScore", equalTo(100.0f)).extract().path("id");
        String b = selfAssess(asPlatformAdmin(), set, second, scores(90, 90, 90)).statusCode(201).extract().path("id");
        selfAssess(asPlatformAdmin(), set, second, scores(90, 90, 90)).statusCode(409)
                .body("code", equalTo("ASSESSMENT_ALREADY_SUBMITTED"));
        review(as(Caller.ORG_ADMIN, committee), a, scores(100, 90, 80)).statusCode(200)
                .body("score", equalTo(91.0f)).body("rating", equalTo("EXCELLENT")).body("reviewedBy", equalTo("test-org-admin"));
        review(as(Caller.ORG_ADMIN, committee), b, scores(80, 80, 80)).statusCode(200).body("rating", equalTo("GOOD"));
        review(as(Caller.ORG_ADMIN, committee), b, scores(80, 80, 70)).statusCode(409)
                .body("code", equalTo("ASSESSMENT_ALREADY_REVIEWED"));
        as(Caller.ORG_ADMIN, committee).get("/api/v1/assessment-sets/" + set + "/ranking").then().statusCode(200)
                .body("items.organizationId", contains(first.toString(), second.toString()))
                .body("items.rank", contains(1, 2));
    }

    @Test
    void weightsMustAddUpTo100AndScoresMatchTheCriteria() {
        UUID committee = newCommittee("考核规则党委");
        UUID branch = newChild(committee, "考核规则支部", "BRANCH");
        define(asPlatformAdmin(), committee, List.of(body("code", "A", "name", "甲", "weight", 60),
                body("code", "B", "name", "乙", "weight", 39.99))).statusCode(422)
                .body("code", equalTo("ASSESSMENT_WEIGHTS_NOT_100"));
        String set = define(asPlatformAdmin(), committee, FIVE_GOOD).extract().path("id");
        selfAssess(asPlatformAdmin(), set, branch, Map.of("TEAM", 90, "MEMBERS", 90)).statusCode(422)
                .body("code", equalTo("ASSESSMENT_SCORES_INCOMPLETE"));
        selfAssess(asPlatformAdmin(), set, branch, scores(101, 90, 90)).statusCode(422)
                .body("code", equalTo("ASSESSMENT_SCORE_OUT_OF_RANGE"));
        UUID elsewhere = newChild(newCommittee("别处党委"), "别处支部", "BRANCH");
        selfAssess(asPlatformAdmin(), set, elsewhere, scores(90, 90, 90)).statusCode(404)
                .body("code", equalTo("ASSESSMENT_SET_NOT_FOUND"));
    }

    @Test
    void assessmentsNeedATokenARoleAndScope() {
        UUID mine = newCommittee("考核权限党委");
        UUID other = newCommittee("考核兄弟党委");
        UUID theirBranch = newChild(other, "兄弟支部", "BRANCH");
        String theirs = define(asPlatformAdmin(), other, FIVE_GOOD).extract().path("id");
        String assessment = selfAssess(asPlatformAdmin(), theirs, theirBranch, scores(90, 90, 90)).extract().path("id");
        given().get("/api/v1/assessment-sets/" + theirs).then().statusCode(401);
        as(Caller.MEMBER, other).get("/api/v1/assessment-sets/" + theirs).then().statusCode(403);
        define(as(Caller.BRANCH_SECRETARY, mine), mine, FIVE_GOOD).statusCode(403);
        as(Caller.ORG_ADMIN, mine).get("/api/v1/assessment-sets/" + theirs).then().statusCode(404)
                .body("code", equalTo("ASSESSMENT_SET_NOT_FOUND"));
        review(as(Caller.ORG_ADMIN, mine), assessment, scores(90, 90, 90)).statusCode(404)
                .body("code", equalTo("ASSESSMENT_NOT_FOUND"));
        define(as(Caller.ORG_ADMIN, mine), other, FIVE_GOOD).statusCode(404).body("code", equalTo("ORGANIZATION_NOT_FOUND"));
    }

    @Test
    void anAssessmentsHistoryShowsTheSelfAssessmentAndTheReviewWithTheirScores() {
        UUID committee = newCommittee("考核历史党委");
        UUID branch = newChild(committee, "考核历史支部", "BRANCH");
        String set = define(asPlatformAdmin(), committee, FIVE_GOOD).statusCode(201).extract().path("id");
        String a = selfAssess(as(Caller.BRANCH_SECRETARY, branch), set, branch, scores(100, 90, 80)).statusCode(201)
                .extract().path("id");
        review(as(Caller.ORG_ADMIN, committee), a, scores(90, 80, 70)).statusCode(200);
        as(Caller.AUDITOR, committee).get("/api/v1/assessment-sets/assessments/" + a + "/history").then().statusCode(200)
                .body("items.action", contains("ASSESSMENT_SELF_ASSESSED", "ASSESSMENT_REVIEWED"))
                .body("items[0].actor", equalTo("test-branch-secretary"))
                .body("items[0].after.selfScores.TEAM", equalTo(100))
                .body("items[1].actor", equalTo("test-org-admin"))
                .body("items[1].before.status", equalTo("SELF_ASSESSED"))
                .body("items[1].after.status", equalTo("REVIEWED"))
                .body("items[1].after.reviewScores.TEAM", equalTo(90))
                .body("items[1].after.rating", equalTo("GOOD"));
        as(Caller.BRANCH_SECRETARY, branch).get("/api/v1/assessment-sets/assessments/" + a).then().statusCode(200)
                .body("rating", equalTo("GOOD"));
        UUID other = newCommittee("考核历史他级党委");
        as(Caller.ORG_ADMIN, other).get("/api/v1/assessment-sets/assessments/" + a + "/history").then().statusCode(404)
                .body("code", equalTo("ASSESSMENT_NOT_FOUND"));
        as(Caller.BRANCH_SECRETARY, branch).get("/api/v1/assessment-sets/assessments/" + a + "/history").then()
                .statusCode(403);
        as(Caller.ORG_ADMIN, other).get("/api/v1/assessment-sets/assessments/" + a).then().statusCode(404)
                .body("code", equalTo("ASSESSMENT_NOT_FOUND"));
        as(Caller.MEMBER, branch).get("/api/v1/assessment-sets/assessments/" + a).then().statusCode(403);
        given().get("/api/v1/assessment-sets/assessments/" + a).then().statusCode(401);
        io.restassured.RestAssured.given().get("/api/v1/assessment-sets/assessments/" + a + "/history").then()
                .statusCode(401);
    }

    private static Map<String, Object> scores(Object team, Object members, Object results) {
        return Map.of("TEAM", team, "MEMBERS", members, "RESULTS", results);
    }

    private static ValidatableResponse define(RequestSpecification as, UUID organization, List<Map<String, Object>> criteria) {
        return as.body(body("organizationId", organization, "year", 2026, "name", "2026年度“五个好”考核", "criteria", criteria))
                .post("/api/v1/assessment-sets").then();
    }

    private static ValidatableResponse selfAssess(RequestSpecification as, String set, UUID organization, Map<String, ?> scores) {
        return as.body(body("organizationId", organization, "scores", scores))
                .post("/api/v1/assessment-sets/" + set + "/assessments").then();
    }

    private static ValidatableResponse review(RequestSpecification as, String assessment, Map<String, ?> scores) {
        return as.body(body("scores", scores)).post("/api/v1/assessment-sets/assessments/" + assessment + "/review").then();
    }
}
