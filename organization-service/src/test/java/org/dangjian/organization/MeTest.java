package org.dangjian.organization;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.localstack.Tokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.dangjian.organization.Api.asPlatformAdmin;
import static org.dangjian.organization.Api.body;
import static org.dangjian.organization.Api.newChild;
import static org.dangjian.organization.Api.newCommittee;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** /me: the token's own member's organization, seats and grids, never anyone else's. */
@QuarkusTest
class MeTest {

    @Test
    void aMemberReadsTheirOrganizationAndTheChainAboveIt() {
        UUID committee = newCommittee("我的党委");
        UUID general = newChild(committee, "我的党总支", "GENERAL_BRANCH");
        UUID branch = newChild(general, "我的支部", "BRANCH");
        UUID member = Members.in(branch);
        asMember(Caller.MEMBER, branch, member).get("/api/v1/me/organization").then().statusCode(200)
                .body("memberId", equalTo(member.toString()))
                .body("organization.id", equalTo(branch.toString()))
                .body("organization.name", equalTo("我的支部"))
                .body("stage", equalTo("FULL"))
                .body("chain.id", contains(committee.toString(), general.toString()));
    }

    @Test
    void aMemberSeesTheSeatsAndGridsTheyHoldAndNoOneElses() {
        UUID branch = newChild(newCommittee("我的职务党委"), "我的职务支部", "BRANCH");
        UUID me = Members.in(branch);
        UUID other = Members.in(branch);
        asPlatformAdmin().body(body("seat", "SECRETARY", "memberId", me, "memberName", "我", "reason", "增补"))
                .post("/api/v1/organizations/" + branch + "/leadership/seats").then().statusCode(200);
        asPlatformAdmin().body(body("seat", "ORGANIZATION", "memberId", other, "memberName", "他", "reason", "增补"))
                .post("/api/v1/organizations/" + branch + "/leadership/seats").then().statusCode(200);
        String grid = asPlatformAdmin().body(body("organizationId", branch, "name", "我的网格", "leaderName", "林格长",
                "area", "东门路", "households", 10)).post("/api/v1/grids").then().statusCode(201).extract().path("id");
        asPlatformAdmin().body(body("memberId", me, "memberName", "我")).post("/api/v1/grids/" + grid + "/members")
                .then().statusCode(200);

        asMember(Caller.MEMBER, branch, me).get("/api/v1/me/seats").then().statusCode(200)
                .body("items.seat", contains("SECRETARY")).body("items[0].organizationId", equalTo(branch.toString()))
                .body("nextCursor", nullValue());
        asMember(Caller.BRANCH_SECRETARY, branch, me).get("/api/v1/me/grids").then().statusCode(200)
                .body("items.id", contains(grid)).body("items[0].leaderName", equalTo("林格长"));
        asMember(Caller.MEMBER, branch, other).get("/api/v1/me/seats").then().statusCode(200)
                .body("items.seat", contains("ORGANIZATION"));
        asMember(Caller.MEMBER, branch, other).get("/api/v1/me/grids").then().statusCode(200).body("items", empty());
    }

    @Test
    void aMemberTheServiceHasNotHeardOfYetHasNoOrganizationYet() {
        UUID branch = newChild(newCommittee("未知党员党委"), "未知党员支部", "BRANCH");
        asMember(Caller.MEMBER, branch, UUID.randomUUID()).get("/api/v1/me/organization").then().statusCode(200)
                .body("organization", nullValue()).body("chain", empty());
    }

    @Test
    void aTokenThatNamesNoMemberIsRefused() {
        UUID branch = newChild(newCommittee("无身份党委"), "无身份支部", "BRANCH");
        for (String path : new String[] {"/organization", "/seats", "/grids"}) {
            asMember(Caller.ORG_ADMIN, branch, null).get("/api/v1/me" + path).then().statusCode(403)
                    .body("code", equalTo("NO_MEMBER_IDENTITY"));
            given().get("/api/v1/me" + path).then().statusCode(401);
        }
        asMember(Caller.MEMBER, branch, UUID.randomUUID()).queryParam("size", 201).get("/api/v1/me/seats").then()
                .statusCode(400).body("code", equalTo("INVALID_PARAMETER"));
    }

    private static RequestSpecification asMember(String role, UUID orgId, UUID memberId) {
        return given().auth().oauth2(Tokens.issue(role, orgId, memberId)).contentType(ContentType.JSON);
    }
}
