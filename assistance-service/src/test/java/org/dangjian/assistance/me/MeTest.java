package org.dangjian.assistance.me;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.dangjian.assistance.MemberFixture;
import org.dangjian.assistance.OrgTreeFixture;
import org.dangjian.assistance.People;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.dangjian.assistance.Api.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/** /me: the token's own member's cases, pairings and visits, and nobody else's. */
@QuarkusTest
class MeTest {

    @Inject
    OrgTreeFixture orgs;

    @Inject
    MemberFixture members;

    record Person(UUID member, String beneficiary, String caseId) {
    }

    @Test
    void aMemberListsOnlyTheirOwnCasesWithTheirOwnDescription() {
        var tree = orgs.tree();
        Person me = memberWithCase(tree.branch(), "下岗后暂无收入");
        memberWithCase(tree.branch(), "邻居的困难");

        as(Caller.MEMBER, tree.branch(), me.member()).get("/api/v1/me/cases").then().statusCode(200)
                .body("items.id", equalTo(List.of(me.caseId())))
                .body("items[0].description", equalTo("下岗后暂无收入"))
                .body("items[0].masked", equalTo(false))
                .body("nextCursor", equalTo(null));
    }

    @Test
    void aSecretaryWhoIsAMemberReadsTheirOwnCasesNotTheirBranchs() {
        var tree = orgs.tree();
        Person me = memberWithCase(tree.branch(), "下岗后暂无收入");
        memberWithCase(tree.branch(), "邻居的困难");

        as(Caller.BRANCH_SECRETARY, tree.branch(), me.member()).get("/api/v1/me/cases").then().statusCode(200)
                .body("items.id", equalTo(List.of(me.caseId())));
    }

    @Test
    void aTokenThatNamesNoMemberIsRefused() {
        var tree = orgs.tree();
        for (String path : List.of("/api/v1/me/cases", "/api/v1/me/pairings", "/api/v1/me/visits")) {
            as(Caller.ORG_ADMIN, tree.committee()).get(path).then().statusCode(403).body("code", equalTo("NO_MEMBER_IDENTITY"));
        }
    }

    @Test
    void aPairPartnerSeesTheirPairingsAndVisitsAndTheBeneficiaryMemberSeesTheirs() {
        var tree = orgs.tree();
        UUID partner = members.registered(tree.branch());
        UUID otherPartner = members.registered(tree.branch());
        Person helped = memberWithCase(tree.branch(), "独居");
        String resident = as(Caller.BRANCH_SECRETARY, tree.branch()).body(People.resident(tree.branch(), People.nationalId()))
                .post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");
        String withResident = pair(tree.branch(), resident, partner);
        String withHelped = pair(tree.branch(), helped.beneficiary(), partner);
        String others = pair(tree.branch(), resident, otherPartner);
        String visit = visit(tree.branch(), partner, helped.beneficiary());
        visit(tree.branch(), otherPartner, resident);

        as(Caller.MEMBER, tree.branch(), partner).get("/api/v1/me/pairings").then().statusCode(200)
                .body("items.id", containsInAnyOrder(withResident, withHelped));
        as(Caller.MEMBER, tree.branch(), helped.member()).get("/api/v1/me/pairings").then().statusCode(200)
                .body("items.id", equalTo(List.of(withHelped)));
        as(Caller.MEMBER, tree.branch(), otherPartner).get("/api/v1/me/pairings").then().statusCode(200)
                .body("items.id", equalTo(List.of(others)));
        as(Caller.MEMBER, tree.branch(), partner).get("/api/v1/me/visits").then().statusCode(200)
                .body("items.id", equalTo(List.of(visit)));
        as(Caller.MEMBER, tree.branch(), helped.member()).get("/api/v1/me/visits").then().statusCode(200)
                .body("items.id", equalTo(List.of(visit)));
    }

    @Test
    void meListsPageWithACursor() {
        var tree = orgs.tree();
        Person me = memberWithCase(tree.branch(), "第一次");
        String second = apply(tree.branch(), me.member(), me.beneficiary(), "第二次");

        String cursor = as(Caller.MEMBER, tree.branch(), me.member()).queryParam("size", 1).get("/api/v1/me/cases").then()
                .statusCode(200).body("items.id", equalTo(List.of(me.caseId()))).extract().path("nextCursor");
        as(Caller.MEMBER, tree.branch(), me.member()).queryParam("size", 1).queryParam("cursor", cursor).get("/api/v1/me/cases")
                .then().statusCode(200).body("items.id", equalTo(List.of(second))).body("nextCursor", equalTo(null));
        as(Caller.MEMBER, tree.branch(), me.member()).queryParam("size", 0).get("/api/v1/me/cases").then().statusCode(400)
                .body("code", equalTo("INVALID_PARAMETER"));
    }

    private Person memberWithCase(UUID branch, String description) {
        UUID member = members.registered(branch);
        String beneficiary = as(Caller.BRANCH_SECRETARY, branch).body(People.member(branch, member))
                .post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");
        return new Person(member, beneficiary, apply(branch, member, beneficiary, description));
    }

    private static String apply(UUID branch, UUID member, String beneficiary, String description) {
        return as(Caller.MEMBER, branch, member)
                .body(Map.of("beneficiaryId", beneficiary, "category", "UNEMPLOYMENT", "requestedAmount", "600.00",
                        "description", description))
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
    }

    private static String pair(UUID branch, String beneficiary, UUID member) {
        return as(Caller.BRANCH_SECRETARY, branch).body(Map.of("beneficiaryId", beneficiary, "memberId", member))
                .post("/api/v1/pairings").then().statusCode(201).extract().path("id");
    }

    private static String visit(UUID branch, UUID member, String beneficiary) {
        Map<String, Object> body = new HashMap<>();
        body.put("beneficiaryId", beneficiary);
        body.put("visitedOn", "2025-03-01");
        body.put("findings", "身体尚可");
        return as(Caller.MEMBER, branch, member).body(body).post("/api/v1/visits").then().statusCode(201).extract().path("id");
    }
}
