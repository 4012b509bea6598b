package org.dangjian.organization;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.dangjian.organization.Api.as;
import static org.dangjian.organization.Api.asPlatformAdmin;
import static org.dangjian.organization.Api.body;
import static org.dangjian.organization.Api.newChild;
import static org.dangjian.organization.Api.newCommittee;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class PairingTest {

    @Test
    void twoOrganizationsArePairedForAPeriodAndSeeItFromEitherSide() {
        UUID committee = newCommittee("共建党委");
        UUID organ = newChild(committee, "机关党支部", "BRANCH");
        UUID community = newChild(committee, "社区党支部", "BRANCH");
        String id = pair(as(Caller.ORG_ADMIN, committee), organ, community, "2026-01-01", "2026-12-31").statusCode(201)
                .body("content", equalTo("联合开展主题党日")).extract().path("id");
        asPlatformAdmin().queryParam("orgId", community).get("/api/v1/pairings").then().statusCode(200)
                .body("items.id", containsInAnyOrder(id));
        asPlatformAdmin().body(body("reason", "机构调整", "endedOn", "2026-06-30")).post("/api/v1/pairings/" + id + "/end")
                .then().statusCode(200).body("endedOn", equalTo("2026-06-30"));
    }

    @Test
    void pairingRefusals() {
        UUID committee = newCommittee("共建规则党委");
        UUID a = newChild(committee, "甲支部", "BRANCH");
        UUID b = newChild(committee, "乙支部", "BRANCH");
        pair(asPlatformAdmin(), a, a, "2026-01-01", "2026-12-31").statusCode(422).body("code", equalTo("PAIRING_SELF"));
        pair(asPlatformAdmin(), a, b, "2026-12-31", "2026-01-01").statusCode(422).body("code", equalTo("PAIRING_PERIOD_INVALID"));
        pair(asPlatformAdmin(), a, b, "2026-01-01", "2026-06-30").statusCode(201);
        pair(asPlatformAdmin(), b, a, "2026-06-30", "2026-12-31").statusCode(409).body("code", equalTo("PAIRING_OVERLAPS"));
        pair(asPlatformAdmin(), b, a, "2026-07-01", "2026-12-31").statusCode(201);
    }

    @Test
    void pairingStaysWithinTheCallersScope() {
        UUID mine = newCommittee("本级共建党委");
        UUID other = newCommittee("他级共建党委");
        UUID branch = newChild(mine, "本级支部", "BRANCH");
        UUID theirs = newChild(other, "他级支部", "BRANCH");
        given().queryParam("orgId", branch).get("/api/v1/pairings").then().statusCode(401);
        as(Caller.MEMBER, mine).queryParam("orgId", branch).get("/api/v1/pairings").then().statusCode(403);
        pair(as(Caller.ORG_ADMIN, mine), branch, theirs, "2026-01-01", "2026-12-31").statusCode(422)
                .body("code", equalTo("PAIRING_PARTNER_NOT_FOUND"));
        pair(as(Caller.ORG_ADMIN, mine), theirs, branch, "2026-01-01", "2026-12-31").statusCode(404)
                .body("code", equalTo("ORGANIZATION_NOT_FOUND"));
        String id = pair(asPlatformAdmin(), theirs, branch, "2026-01-01", "2026-12-31").statusCode(201).extract().path("id");
        as(Caller.ORG_ADMIN, mine).body(body("reason", "r")).post("/api/v1/pairings/" + id + "/end").then().statusCode(404)
                .body("code", equalTo("PAIRING_NOT_FOUND"));
    }

    @Test
    void aPairingsHistoryShowsWhoMadeAndEndedItAndWhy() {
        UUID committee = newCommittee("共建历史党委");
        UUID organ = newChild(committee, "历史机关支部", "BRANCH");
        UUID community = newChild(committee, "历史社区支部", "BRANCH");
        String id = pair(as(Caller.ORG_ADMIN, committee), organ, community, "2026-01-01", "2026-12-31").statusCode(201)
                .extract().path("id");
        asPlatformAdmin().body(body("reason", "机构调整", "endedOn", "2026-06-30")).post("/api/v1/pairings/" + id + "/end")
                .then().statusCode(200);
        as(Caller.AUDITOR, committee).get("/api/v1/pairings/" + id + "/history").then().statusCode(200)
                .body("items.action", contains("PAIRING_CREATED", "PAIRING_ENDED"))
                .body("items[0].actor", equalTo("test-org-admin"))
                .body("items[0].after.content", equalTo("联合开展主题党日"))
                .body("items[1].before.endedOn", org.hamcrest.Matchers.nullValue())
                .body("items[1].after.endedOn", equalTo("2026-06-30"))
                .body("items[1].after.endReason", equalTo("机构调整"));
        as(Caller.BRANCH_SECRETARY, committee).get("/api/v1/pairings/" + id).then().statusCode(200)
                .body("endReason", equalTo("机构调整"));
        UUID other = newCommittee("共建历史他级党委");
        as(Caller.ORG_ADMIN, other).get("/api/v1/pairings/" + id + "/history").then().statusCode(404)
                .body("code", equalTo("PAIRING_NOT_FOUND"));
        as(Caller.BRANCH_SECRETARY, committee).get("/api/v1/pairings/" + id + "/history").then().statusCode(403);
        given().get("/api/v1/pairings/" + id + "/history").then().statusCode(401);
        as(Caller.ORG_ADMIN, other).get("/api/v1/pairings/" + id).then().statusCode(404).body("code", equalTo("PAIRING_NOT_FOUND"));
        as(Caller.MEMBER, committee).get("/api/v1/pairings/" + id).then().statusCode(403);
        given().get("/api/v1/pairings/" + id).then().statusCode(401);
    }

    private static ValidatableResponse pair(RequestSpecification as, UUID organization, UUID partner, String from, String to) {
        return as.body(body("organizationId", organization, "partnerId", partner, "startsOn", from, "endsOn", to,
                "content", "联合开展主题党日")).post("/api/v1/pairings").then();
    }
}
