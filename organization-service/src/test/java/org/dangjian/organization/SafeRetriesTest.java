package org.dangjian.organization;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.dangjian.organization.Api.as;
import static org.dangjian.organization.Api.asPlatformAdmin;
import static org.dangjian.organization.Api.body;
import static org.dangjian.organization.Api.command;
import static org.dangjian.organization.Api.newChild;
import static org.dangjian.organization.Api.newCommittee;
import static org.dangjian.organization.Api.read;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A phone retrying after a timeout: a transition asked again when the record is already in the state asked for
 * answers 200 with the record as it is, and nothing happens twice (no second event, no second audit entry).
 */
@QuarkusTest
class SafeRetriesTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    EntityManager em;

    @Test
    void dissolvingTwiceAnswersTheDissolvedOrganizationAndPublishesOnce() {
        UUID branch = newChild(newCommittee("重试撤销党委"), "重试撤销支部", "BRANCH");
        Map<String, Object> request = body("reason", "单位撤并");
        String first = command(branch, "dissolve", request).statusCode(200).extract().asString();
        String second = command(branch, "dissolve", request).statusCode(200).body("status", equalTo("DISSOLVED"))
                .extract().asString();
        assertEquals(first, second);
        assertEquals(1, events(branch, "organization.dissolved"));
        assertEquals(1, audits(branch, "ORGANIZATION_DISSOLVED"));
    }

    @Test
    void dissolvingAgainOnAnotherDayIsStillRefused() {
        UUID branch = newChild(newCommittee("改日撤销党委"), "改日撤销支部", "BRANCH");
        command(branch, "dissolve", body("reason", "单位撤并")).statusCode(200);
        command(branch, "dissolve", body("reason", "单位撤并", "dissolvedOn", LocalDate.now(ZONE).minusDays(1).toString()))
                .statusCode(422).body("code", equalTo("ORGANIZATION_DISSOLVED"));
    }

    @Test
    void renamingToTheNameItHasAnswersItAsItIsAndChangesNothing() {
        UUID committee = newCommittee("同名党委");
        long version = read(committee).extract().<Integer>path("version");
        command(committee, "rename", body("name", "同名党委", "reason", "r")).statusCode(200)
                .body("name", equalTo("同名党委")).body("version", equalTo((int) version));
        assertEquals(0, events(committee, "organization.changed"));
    }

    @Test
    void movingTwiceUnderTheSameParentMovesOnceAndTheStaleIfMatchOfTheRetryIsNoObstacle() {
        UUID root = newCommittee("重试调整党委");
        UUID from = newChild(root, "原党总支", "GENERAL_BRANCH");
        UUID to = newChild(root, "新党总支", "GENERAL_BRANCH");
        UUID branch = newChild(from, "重试调整支部", "BRANCH");
        String first = asPlatformAdmin().header("If-Match", "\"0\"").body(body("parentId", to, "reason", "调整"))
                .post("/api/v1/organizations/" + branch + "/move").then().statusCode(200).extract().asString();
        String second = asPlatformAdmin().header("If-Match", "\"0\"").body(body("parentId", to, "reason", "调整"))
                .post("/api/v1/organizations/" + branch + "/move").then().statusCode(200).extract().asString();
        assertEquals(first, second);
        assertEquals(1, events(branch, "organization.moved"));
    }

    @Test
    void endingASeatTwiceAnswersTheTeamAndPublishesOnce() {
        UUID branch = newChild(newCommittee("重试离任党委"), "重试离任支部", "BRANCH");
        String seatId = asPlatformAdmin().body(body("seat", "SECRETARY", "memberId", Members.in(branch),
                        "memberName", "离任书记", "reason", "增补"))
                .post("/api/v1/organizations/" + branch + "/leadership/seats").then().statusCode(200)
                .extract().path("seats[0].id");
        long before = events(branch, "organization.leadership-changed");
        Map<String, Object> end = body("reason", "调离");
        String path = "/api/v1/organizations/" + branch + "/leadership/seats/" + seatId + "/end";
        String first = asPlatformAdmin().body(end).post(path).then().statusCode(200).extract().asString();
        String second = asPlatformAdmin().body(end).post(path).then().statusCode(200).extract().asString();
        assertEquals(first, second);
        assertEquals(before + 1, events(branch, "organization.leadership-changed"));
    }

    @Test
    void endingAPairingTwiceAnswersTheEndedPairingAndAuditsOnce() {
        UUID committee = newCommittee("重试共建党委");
        UUID a = newChild(committee, "重试甲支部", "BRANCH");
        UUID b = newChild(committee, "重试乙支部", "BRANCH");
        String id = asPlatformAdmin().body(body("organizationId", a, "partnerId", b, "startsOn", "2026-01-01",
                "endsOn", "2026-12-31", "content", "联合开展主题党日")).post("/api/v1/pairings").then().statusCode(201)
                .extract().path("id");
        Map<String, Object> end = body("reason", "机构调整", "endedOn", "2026-06-30");
        String first = asPlatformAdmin().body(end).post("/api/v1/pairings/" + id + "/end").then().statusCode(200)
                .extract().asString();
        String second = asPlatformAdmin().body(end).post("/api/v1/pairings/" + id + "/end").then().statusCode(200)
                .extract().asString();
        assertEquals(first, second);
        assertEquals(1, audits(UUID.fromString(id), "PAIRING_ENDED"));
        asPlatformAdmin().body(body("reason", "机构调整", "endedOn", "2026-06-29")).post("/api/v1/pairings/" + id + "/end")
                .then().statusCode(422).body("code", equalTo("PAIRING_ALREADY_ENDED"));
    }

    @Test
    void leavingAGridTwiceAnswersTheGridAndRecordsOnce() {
        UUID community = newCommittee("重试网格党委");
        String grid = asPlatformAdmin().body(body("organizationId", community, "name", "重试网格", "leaderName", "林格长",
                "area", "东门路1-99号", "households", 320)).post("/api/v1/grids").then().statusCode(201).extract().path("id");
        UUID member = Members.in(community);
        asPlatformAdmin().body(body("memberId", member, "memberName", "陈党员")).post("/api/v1/grids/" + grid + "/members")
                .then().statusCode(200);
        String path = "/api/v1/grids/" + grid + "/members/" + member + "/leave";
        String first = asPlatformAdmin().body(body("reason", "搬离本网格")).post(path).then().statusCode(200)
                .extract().asString();
        String second = asPlatformAdmin().body(body("reason", "搬离本网格")).post(path).then().statusCode(200)
                .extract().asString();
        assertEquals(first, second);
        assertEquals(1, audits(UUID.fromString(grid), "GRID_MEMBER_LEFT"));
    }

    @Test
    void reviewingTwiceWithTheSameScoresAnswersTheReviewAndAuditsOnce() {
        UUID committee = newCommittee("重试考核党委");
        UUID branch = newChild(committee, "重试考核支部", "BRANCH");
        String set = asPlatformAdmin().body(body("organizationId", committee, "year", 2026, "name", "五个好",
                "criteria", List.of(body("code", "TEAM", "name", "领导班子好", "weight", 100))))
                .post("/api/v1/assessment-sets").then().statusCode(201).extract().path("id");
        String assessment = as(Caller.BRANCH_SECRETARY, branch).body(body("organizationId", branch, "scores",
                Map.of("TEAM", 90))).post("/api/v1/assessment-sets/" + set + "/assessments").then().statusCode(201)
                .extract().path("id");
        String path = "/api/v1/assessment-sets/assessments/" + assessment + "/review";
        String first = as(Caller.ORG_ADMIN, committee).body(body("scores", Map.of("TEAM", 85))).post(path).then()
                .statusCode(200).extract().asString();
        String second = as(Caller.ORG_ADMIN, committee).body(body("scores", Map.of("TEAM", 85.0))).post(path).then()
                .statusCode(200).extract().asString();
        assertEquals(first, second);
        assertEquals(1, audits(UUID.fromString(assessment), "ASSESSMENT_REVIEWED"));
    }

    @Test
    void recordingTheSameCoverageTwiceAnswersTheUnitAndAuditsOnce() {
        UUID committee = newCommittee("重试覆盖党委");
        UUID branch = newChild(committee, "重试覆盖支部", "BRANCH");
        String code = UnitCoverageTest.creditCode("350203");
        String unit = asPlatformAdmin().body(body("organizationId", committee, "name", "某某科技有限公司" + code.substring(10),
                "creditCode", code, "kind", "NON_PUBLIC_ENTERPRISE", "employees", 120, "partyMembers", 2))
                .post("/api/v1/units").then().statusCode(201).extract().path("id");
        Map<String, Object> cover = body("coverage", "OWN_BRANCH", "organizationId", branch, "reason", "单独建支部");
        String first = asPlatformAdmin().body(cover).post("/api/v1/units/" + unit + "/coverage").then().statusCode(200)
                .extract().asString();
        String second = asPlatformAdmin().body(cover).post("/api/v1/units/" + unit + "/coverage").then().statusCode(200)
                .extract().asString();
        assertEquals(first, second);
        assertEquals(1, audits(UUID.fromString(unit), "UNIT_COVERAGE_CHANGED"));
    }

    @Test
    void theSameDissolutionWithTheSameKeyIsReplayedAndPublishedOnce() {
        UUID branch = newChild(newCommittee("键撤销党委"), "键撤销支部", "BRANCH");
        String key = UUID.randomUUID().toString();
        String path = "/api/v1/organizations/" + branch + "/dissolve";
        ExtractableResponse<Response> first = asPlatformAdmin().header("Idempotency-Key", key)
                .body(body("reason", "单位撤并")).post(path).then().statusCode(200)
                .header("Idempotent-Replayed", nullValue()).extract();
        ExtractableResponse<Response> second = asPlatformAdmin().header("Idempotency-Key", key)
                .body(body("reason", "单位撤并")).post(path).then().statusCode(200)
                .header("Idempotent-Replayed", equalTo("true")).extract();
        // The replay is the stored first answer: the same JSON, its keys perhaps in another order.
        assertEquals(first.jsonPath().getMap("$"), second.jsonPath().getMap("$"));
        assertEquals(1, events(branch, "organization.dissolved"));
        assertEquals(1, audits(branch, "ORGANIZATION_DISSOLVED"));
    }

    private long events(UUID aggregate, String type) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from outbox_event where aggregate_id = ?1 and type = ?2")
                .setParameter(1, aggregate).setParameter(2, type).getSingleResult()).longValue());
    }

    private long audits(UUID target, String action) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from audit_entry where target_id = ?1 and action = ?2")
                .setParameter(1, target).setParameter(2, action).getSingleResult()).longValue());
    }
}
