package org.dangjian.assistance.pairing;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.dangjian.assistance.Api;
import org.dangjian.assistance.MemberFixture;
import org.dangjian.assistance.OrgTreeFixture;
import org.dangjian.assistance.People;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.dangjian.assistance.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class PairingAndVisitsTest {

    @Inject
    OrgTreeFixture orgs;

    @Inject
    MemberFixture members;

    @Test
    void aMemberIsPairedOnceWithABeneficiaryUntilThePairingEnds() {
        var tree = orgs.tree();
        String beneficiary = beneficiary(tree.branch());
        UUID member = members.registered(tree.branch());
        String pairing = pair(tree.branch(), beneficiary, member).statusCode(201)
                .body("status", equalTo("ACTIVE")).extract().path("id");
        pair(tree.branch(), beneficiary, member).statusCode(409).body("code", equalTo("PAIRING_EXISTS"));

        as(Caller.BRANCH_SECRETARY, tree.branch()).body(Map.of("endedOn", "2025-12-31", "reason", "党员调离"))
                .post("/api/v1/pairings/" + pairing + "/end").then().statusCode(200)
                .body("status", equalTo("ENDED")).body("endReason", equalTo("党员调离"));
        pair(tree.branch(), beneficiary, member).statusCode(201);
        as(Caller.AUDITOR, tree.committee()).queryParam("beneficiaryId", beneficiary).get("/api/v1/pairings").then()
                .statusCode(200).body("items.size()", equalTo(2));
    }

    @Test
    void aPairedMemberRecordsVisitsToTheirBeneficiaryOnly() {
        var tree = orgs.tree();
        String mine = beneficiary(tree.branch());
        String other = beneficiary(tree.branch());
        UUID member = members.registered(tree.branch());
        pair(tree.branch(), mine, member).statusCode(201);

        as(Caller.MEMBER, tree.branch(), member).body(visit(mine, "2025-03-01", null)).post("/api/v1/visits").then()
                .statusCode(201).body("visitorMemberId", equalTo(member.toString()));
        as(Caller.MEMBER, tree.branch(), member).body(visit(other, "2025-03-01", null)).post("/api/v1/visits").then()
                .statusCode(404).body("code", equalTo("BENEFICIARY_NOT_FOUND"));
    }

    @Test
    void aFollowUpIsOverdueFromTheDayAfterItWasDueUntilItIsDone() {
        var tree = orgs.tree();
        String beneficiary = beneficiary(tree.branch());
        String visit = as(Caller.BRANCH_SECRETARY, tree.branch()).body(visit(beneficiary, "2025-03-01", "2025-03-10"))
                .post("/api/v1/visits").then().statusCode(201).extract().path("id");

        overdue(tree.committee(), "2025-03-10").body("items.id", not(hasItem(visit)));
        overdue(tree.committee(), "2025-03-11").body("items.id", hasItem(visit))
                .body("items.find { it.id == '" + visit + "' }.overdue", equalTo(true));
        overdue(tree.sibling(), "2025-03-11").body("items.id", not(hasItem(visit)));

        as(Caller.BRANCH_SECRETARY, tree.branch()).body(Map.of("on", "2025-03-12"))
                .post("/api/v1/visits/" + visit + "/follow-up").then().statusCode(200).body("followedUpOn", equalTo("2025-03-12"));
        overdue(tree.committee(), "2025-03-13").body("items.id", not(hasItem(visit)));
        as(Caller.BRANCH_SECRETARY, tree.branch()).body(Map.of("on", "2025-03-13"))
                .post("/api/v1/visits/" + visit + "/follow-up").then().statusCode(200).body("followedUpOn", equalTo("2025-03-12"));
    }

    @Test
    void visitsAndPairingsNeedATokenTheRightRoleAndTheirSubtree() {
        var tree = orgs.tree();
        String beneficiary = beneficiary(tree.branch());
        Api.anonymous().get("/api/v1/visits/overdue-follow-ups").then().statusCode(401);
        as(Caller.AUDITOR, tree.branch()).body(visit(beneficiary, "2025-03-01", null)).post("/api/v1/visits").then().statusCode(403);
        as(Caller.MEMBER, tree.branch()).body(Map.of("beneficiaryId", beneficiary, "memberId", UUID.randomUUID()))
                .post("/api/v1/pairings").then().statusCode(403);
        pair(tree.sibling(), beneficiary, UUID.randomUUID()).statusCode(404).body("code", equalTo("BENEFICIARY_NOT_FOUND"));
    }

    private static String beneficiary(UUID branch) {
        return as(Caller.BRANCH_SECRETARY, branch).body(People.resident(branch, People.nationalId()))
                .post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse pair(UUID org, String beneficiary, UUID member) {
        return as(Caller.BRANCH_SECRETARY, org).body(Map.of("beneficiaryId", beneficiary, "memberId", member, "startedOn", "2025-01-01"))
                .post("/api/v1/pairings").then();
    }

    private static Map<String, Object> visit(String beneficiary, String on, String followUpDue) {
        Map<String, Object> body = new HashMap<>();
        body.put("beneficiaryId", beneficiary);
        body.put("visitedOn", on);
        body.put("findings", "老人腿脚不便，家中缺少取暖设备");
        body.put("promises", "一周内协调送取暖器");
        body.put("followUpDue", followUpDue);
        return body;
    }

    private static io.restassured.response.ValidatableResponse overdue(UUID org, String asOf) {
        return as(Caller.ORG_ADMIN, org).queryParam("asOf", asOf).get("/api/v1/visits/overdue-follow-ups").then().statusCode(200);
    }
}
