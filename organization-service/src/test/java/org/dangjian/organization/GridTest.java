package org.dangjian.organization;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

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
class GridTest {

    @Test
    void gridsNestFourLevelsDeepAndNoFurther() {
        UUID street = newCommittee("街道党工委网格");
        UUID community = newChild(street, "社区党总支网格", "GENERAL_BRANCH");
        UUID branch = newChild(community, "楼栋党支部网格", "BRANCH");
        String top = grid(asPlatformAdmin(), street, null, "街道网格").statusCode(201).body("level", equalTo(1)).extract().path("id");
        String second = grid(asPlatformAdmin(), community, top, "社区网格").statusCode(201).body("level", equalTo(2)).extract().path("id");
        String third = grid(asPlatformAdmin(), branch, second, "支部网格").statusCode(201).body("level", equalTo(3)).extract().path("id");
        String fourth = grid(asPlatformAdmin(), branch, third, "党员责任区").statusCode(201).body("level", equalTo(4)).extract().path("id");
        grid(asPlatformAdmin(), branch, fourth, "第五级").statusCode(422).body("code", equalTo("GRID_TOO_DEEP"));
        asPlatformAdmin().get("/api/v1/grids/" + top + "/children").then().statusCode(200).body("items.id", contains(second));
    }

    @Test
    void aGridHasALeaderAnAreaHouseholdsAndMembers() {
        UUID community = newCommittee("网格成员党委");
        String id = grid(asPlatformAdmin(), community, null, "第三网格").statusCode(201)
                .body("leaderName", equalTo("林格长")).body("households", equalTo(320)).extract().path("id");
        UUID member = Members.in(community);
        asPlatformAdmin().body(body("memberId", member, "memberName", "陈党员")).post("/api/v1/grids/" + id + "/members")
                .then().statusCode(200).body("members.memberId", contains(member.toString()));
        asPlatformAdmin().body(body("memberId", member, "memberName", "陈党员")).post("/api/v1/grids/" + id + "/members")
                .then().statusCode(409).body("code", equalTo("GRID_MEMBER_ALREADY_IN"));
        asPlatformAdmin().get("/api/v1/grids/" + id).then().statusCode(200).body("members.memberName", contains("陈党员"));
    }

    @Test
    void gridsStayWithinTheCallersScope() {
        UUID mine = newCommittee("本级网格党委");
        UUID other = newCommittee("他级网格党委");
        String theirs = grid(asPlatformAdmin(), other, null, "他级网格").statusCode(201).extract().path("id");
        given().get("/api/v1/grids/" + theirs).then().statusCode(401);
        as(Caller.MEMBER, other).get("/api/v1/grids/" + theirs).then().statusCode(403);
        as(Caller.ORG_ADMIN, mine).get("/api/v1/grids/" + theirs).then().statusCode(404).body("code", equalTo("GRID_NOT_FOUND"));
        grid(as(Caller.ORG_ADMIN, mine), mine, theirs, "越界子网格").statusCode(422).body("code", equalTo("GRID_PARENT_NOT_FOUND"));
        grid(as(Caller.ORG_ADMIN, mine), other, null, "越界网格").statusCode(422)
                .body("code", equalTo("ORGANIZATION_PARENT_NOT_FOUND"));
    }

    @Test
    void aMemberLeavesTheGridAndTheLeaderChangesAndBothStayInTheHistory() {
        UUID community = newCommittee("网格历史党委");
        String id = grid(asPlatformAdmin(), community, null, "历史网格").statusCode(201).extract().path("id");
        UUID member = Members.in(community);
        asPlatformAdmin().body(body("memberId", member, "memberName", "陈党员")).post("/api/v1/grids/" + id + "/members")
                .then().statusCode(200);
        as(Caller.BRANCH_SECRETARY, community).body(body("reason", "搬离本网格"))
                .post("/api/v1/grids/" + id + "/members/" + member + "/leave").then().statusCode(200)
                .body("members", org.hamcrest.Matchers.empty());
        asPlatformAdmin().body(body("reason", "again")).post("/api/v1/grids/" + id + "/members/" + member + "/leave")
                .then().statusCode(200).body("members", org.hamcrest.Matchers.empty());
        asPlatformAdmin().body(body("reason", "never in it")).post("/api/v1/grids/" + id + "/members/" + UUID.randomUUID()
                + "/leave").then().statusCode(404).body("code", equalTo("GRID_MEMBER_NOT_FOUND"));
        asPlatformAdmin().body(body("memberId", member, "memberName", "陈党员")).post("/api/v1/grids/" + id + "/members")
                .then().statusCode(409).body("code", equalTo("GRID_MEMBER_LEFT_TODAY"));

        asPlatformAdmin().header("If-Match", "\"7\"").body(body("leaderName", "王格长", "reason", "原格长调动"))
                .post("/api/v1/grids/" + id + "/leader").then().statusCode(412).body("code", equalTo("PRECONDITION_FAILED"));
        as(Caller.ORG_ADMIN, community).header("If-Match", "\"0\"").body(body("leaderName", "王格长", "reason", "原格长调动"))
                .post("/api/v1/grids/" + id + "/leader").then().statusCode(200).body("leaderName", equalTo("王格长"));
        asPlatformAdmin().body(body("leaderName", "王格长", "reason", "r")).post("/api/v1/grids/" + id + "/leader")
                .then().statusCode(422).body("code", equalTo("GRID_LEADER_UNCHANGED"));

        as(Caller.AUDITOR, community).get("/api/v1/grids/" + id + "/history").then().statusCode(200)
                .body("items.action", contains("GRID_CREATED", "GRID_MEMBER_JOINED", "GRID_MEMBER_LEFT", "GRID_LEADER_CHANGED"))
                .body("items[2].actor", equalTo("test-branch-secretary"))
                .body("items[2].after.reason", equalTo("搬离本网格"))
                .body("items[2].after.leftOn", equalTo(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString()))
                .body("items[3].before.leaderName", equalTo("林格长"))
                .body("items[3].after.leaderName", equalTo("王格长"))
                .body("items[3].after.reason", equalTo("原格长调动"))
                .body("items[3].actor", equalTo("test-org-admin"));
    }

    @Test
    void gridHistoryAndChangesNeedARoleAndScope() {
        UUID mine = newCommittee("网格历史本级党委");
        UUID other = newCommittee("网格历史他级党委");
        String theirs = grid(asPlatformAdmin(), other, null, "他级历史网格").statusCode(201).extract().path("id");
        given().get("/api/v1/grids/" + theirs + "/history").then().statusCode(401);
        as(Caller.BRANCH_SECRETARY, other).get("/api/v1/grids/" + theirs + "/history").then().statusCode(403);
        as(Caller.ORG_ADMIN, mine).get("/api/v1/grids/" + theirs + "/history").then().statusCode(404)
                .body("code", equalTo("GRID_NOT_FOUND"));
        as(Caller.BRANCH_SECRETARY, other).body(body("leaderName", "王格长", "reason", "r"))
                .post("/api/v1/grids/" + theirs + "/leader").then().statusCode(403);
        as(Caller.ORG_ADMIN, mine).body(body("leaderName", "王格长", "reason", "r"))
                .post("/api/v1/grids/" + theirs + "/leader").then().statusCode(404);
        as(Caller.ORG_ADMIN, mine).body(body("reason", "r"))
                .post("/api/v1/grids/" + theirs + "/members/" + UUID.randomUUID() + "/leave").then().statusCode(404)
                .body("code", equalTo("GRID_NOT_FOUND"));
        as(Caller.MEMBER, other).body(body("reason", "r"))
                .post("/api/v1/grids/" + theirs + "/members/" + UUID.randomUUID() + "/leave").then().statusCode(403);
        given().contentType("application/json").body(body("reason", "r"))
                .post("/api/v1/grids/" + theirs + "/members/" + UUID.randomUUID() + "/leave").then().statusCode(401);
        given().contentType("application/json").body(body("leaderName", "王格长", "reason", "r"))
                .post("/api/v1/grids/" + theirs + "/leader").then().statusCode(401);
    }

    private static ValidatableResponse grid(RequestSpecification as, UUID organization, String parent, String name) {
        Map<String, Object> body = body("organizationId", organization, "name", name, "leaderName", "林格长",
                "area", "东门路1-99号", "households", 320);
        if (parent != null) {
            body.put("parentId", parent);
        }
        return as.body(body).post("/api/v1/grids").then();
    }
}
