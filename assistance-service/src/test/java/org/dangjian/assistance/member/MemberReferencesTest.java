package org.dangjian.assistance.member;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.dangjian.assistance.MemberFixture;
import org.dangjian.assistance.OrgTreeFixture;
import org.dangjian.assistance.People;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.dangjian.assistance.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Member ids in request bodies (a MEMBER beneficiary's member, a pairing's member) must name a member this service
 * knows from member-service's events, still a member on the platform, inside the caller's scope. Every other id gets
 * the same 422 MEMBER_UNKNOWN, so the answer tells nothing about members outside the scope.
 */
@QuarkusTest
class MemberReferencesTest {

    @Inject
    OrgTreeFixture orgs;

    @Inject
    MemberFixture members;

    @Test
    void aMemberBeneficiaryMustBeAKnownMemberInTheCallersScope() {
        var tree = orgs.tree();
        UUID unknown = UUID.randomUUID();
        UUID elsewhere = members.registered(tree.sibling());

        Map<String, Object> forUnknown = registerMember(tree.branch(), unknown).statusCode(422)
                .body("code", equalTo("MEMBER_UNKNOWN")).extract().as(Map.class);
        Map<String, Object> forElsewhere = registerMember(tree.branch(), elsewhere).statusCode(422)
                .body("code", equalTo("MEMBER_UNKNOWN")).extract().as(Map.class);

        assertAlike(forUnknown, unknown, forElsewhere, elsewhere);
        UUID mine = members.registered(tree.branch());
        registerMember(tree.branch(), mine).statusCode(201).body("memberStatus", equalTo("ACTIVE"));
    }

    @Test
    void aPairingMustNameAKnownMemberInTheCallersScope() {
        var tree = orgs.tree();
        String beneficiary = resident(tree.branch());
        UUID unknown = UUID.randomUUID();
        UUID elsewhere = members.registered(tree.sibling());

        Map<String, Object> forUnknown = pair(tree.branch(), beneficiary, unknown).statusCode(422)
                .body("code", equalTo("MEMBER_UNKNOWN")).extract().as(Map.class);
        Map<String, Object> forElsewhere = pair(tree.branch(), beneficiary, elsewhere).statusCode(422)
                .body("code", equalTo("MEMBER_UNKNOWN")).extract().as(Map.class);

        assertAlike(forUnknown, unknown, forElsewhere, elsewhere);
        as(Caller.BRANCH_SECRETARY, tree.branch()).queryParam("beneficiaryId", beneficiary).get("/api/v1/pairings").then()
                .statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aMemberWhoseMembershipEndedCannotBeNamed() {
        var tree = orgs.tree();
        String beneficiary = resident(tree.branch());
        UUID member = members.registered(tree.branch());
        members.ended(member, tree.branch(), "WITHDRAWN", "2025-06-30", 1);

        pair(tree.branch(), beneficiary, member).statusCode(422).body("code", equalTo("MEMBER_UNKNOWN"));
        registerMember(tree.branch(), member).statusCode(422).body("code", equalTo("MEMBER_UNKNOWN"));
    }

    @Test
    void aMemberWhoLeftThePlatformCannotBeNamed() {
        var tree = orgs.tree();
        String beneficiary = resident(tree.branch());
        UUID member = members.registered(tree.branch());
        members.transferred(member, tree.branch(), null, UUID.randomUUID(), 1);

        pair(tree.branch(), beneficiary, member).statusCode(422).body("code", equalTo("MEMBER_UNKNOWN"));
        registerMember(tree.branch(), member).statusCode(422).body("code", equalTo("MEMBER_UNKNOWN"));
    }

    @Test
    void aMemberWhoTransferredIsNamedFromTheirNewBranchOnly() {
        var tree = orgs.tree();
        UUID member = members.registered(tree.branch());
        members.transferred(member, tree.branch(), tree.otherBranch(), UUID.randomUUID(), 1);

        pair(tree.branch(), resident(tree.branch()), member).statusCode(422).body("code", equalTo("MEMBER_UNKNOWN"));
        pair(tree.otherBranch(), resident(tree.otherBranch()), member).statusCode(201);
    }

    @Test
    void aMemberComingFromOutsideThePlatformCanBeNamedOnceTheirTransferArrives() {
        var tree = orgs.tree();
        UUID member = UUID.randomUUID();
        members.transferred(member, null, tree.branch(), UUID.randomUUID(), 4);

        registerMember(tree.branch(), member).statusCode(201).body("memberStatus", equalTo("ACTIVE"));
    }

    @Test
    void aMemberInHardshipIsRegisteredWithTheirOwnBranch() {
        var tree = orgs.tree();
        UUID member = members.registered(tree.otherBranch());

        as(Caller.ORG_ADMIN, tree.committee()).body(People.member(tree.branch(), member)).post("/api/v1/beneficiaries").then()
                .statusCode(422).body("code", equalTo("BENEFICIARY_MEMBER_NOT_IN_ORGANIZATION"));
        as(Caller.ORG_ADMIN, tree.committee()).body(People.member(tree.otherBranch(), member)).post("/api/v1/beneficiaries")
                .then().statusCode(201).body("orgId", equalTo(tree.otherBranch().toString()));
    }

    @Test
    void aPlatformAdminNamesAnyKnownMember() {
        var tree = orgs.tree();
        UUID member = members.registered(tree.sibling());

        as(Caller.PLATFORM_ADMIN, null).body(Map.of("beneficiaryId", resident(tree.branch()), "memberId", member))
                .post("/api/v1/pairings").then().statusCode(201);
        as(Caller.PLATFORM_ADMIN, null).body(Map.of("beneficiaryId", resident(tree.branch()), "memberId", UUID.randomUUID()))
                .post("/api/v1/pairings").then().statusCode(422).body("code", equalTo("MEMBER_UNKNOWN"));
    }

    /** Same status, code, title and wording: only the id the caller sent differs. */
    private static void assertAlike(Map<String, Object> a, UUID aId, Map<String, Object> b, UUID bId) {
        assertEquals(a.keySet(), b.keySet());
        for (String field : a.keySet()) {
            if (!"instance".equals(field) && !"traceId".equals(field)) {
                assertEquals(String.valueOf(a.get(field)).replace(aId.toString(), "<id>"),
                        String.valueOf(b.get(field)).replace(bId.toString(), "<id>"), field);
            }
        }
    }

    private static ValidatableResponse registerMember(UUID branch, UUID member) {
        return as(Caller.BRANCH_SECRETARY, branch).body(People.member(branch, member)).post("/api/v1/beneficiaries").then();
    }

    private static ValidatableResponse pair(UUID org, String beneficiary, UUID member) {
        return as(Caller.BRANCH_SECRETARY, org).body(Map.of("beneficiaryId", beneficiary, "memberId", member))
                .post("/api/v1/pairings").then();
    }

    private static String resident(UUID branch) {
        return as(Caller.BRANCH_SECRETARY, branch).body(People.resident(branch, People.nationalId()))
                .post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");
    }
}
