package org.dangjian.assistance.pairing;

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

/**
 * A pairing (结对帮扶) is personal: it ends by itself, dated and with its reason kept in the beneficiary's history, when
 * its member's membership ends, when they leave the platform, or when they transfer by letter away from the
 * beneficiary's organization. A move of the whole branch keeps it.
 */
@QuarkusTest
class PairingEndsWithItsMemberTest {

    @Inject
    OrgTreeFixture orgs;

    @Inject
    MemberFixture members;

    @Test
    void aPairingEndsWhenItsMembersMembershipEnds() {
        var tree = orgs.tree();
        String beneficiary = resident(tree.branch());
        UUID member = members.registered(tree.branch());
        pair(tree.branch(), beneficiary, member, "2025-01-01");

        members.ended(member, tree.branch(), "DECEASED", "2025-06-30", 1);

        pairings(tree.branch(), beneficiary)
                .body("items[0].status", equalTo("ENDED"))
                .body("items[0].endedOn", equalTo("2025-06-30"))
                .body("items[0].endReason", equalTo("MEMBER_ENDED"));
        as(Caller.MEMBER, tree.branch(), member).body(Map.of("beneficiaryId", beneficiary, "findings", "走访"))
                .post("/api/v1/visits").then().statusCode(404);
    }

    @Test
    void aPairingEndsWhenItsMemberLeavesThePlatform() {
        var tree = orgs.tree();
        String beneficiary = resident(tree.branch());
        UUID member = members.registered(tree.branch());
        pair(tree.branch(), beneficiary, member, "2025-01-01");

        members.transferred(member, tree.branch(), null, UUID.randomUUID(), 1);

        pairings(tree.branch(), beneficiary)
                .body("items[0].status", equalTo("ENDED"))
                .body("items[0].endedOn", equalTo("2025-07-01"))
                .body("items[0].endReason", equalTo("MEMBER_LEFT_PLATFORM"));
    }

    @Test
    void aPairingEndsWhenItsMemberTransfersByLetterToAnotherBranch() {
        var tree = orgs.tree();
        String beneficiary = resident(tree.branch());
        UUID member = members.registered(tree.branch());
        pair(tree.branch(), beneficiary, member, "2025-01-01");

        members.transferred(member, tree.branch(), tree.otherBranch(), UUID.randomUUID(), 1);

        pairings(tree.branch(), beneficiary)
                .body("items[0].status", equalTo("ENDED"))
                .body("items[0].endedOn", equalTo("2025-07-01"))
                .body("items[0].endReason", equalTo("MEMBER_TRANSFERRED"));
        // The beneficiary can be paired again, with someone who is still there.
        pair(tree.branch(), beneficiary, members.registered(tree.branch()), "2025-07-02");
    }

    @Test
    void aPairingStaysWhenItsMemberMovesWithinTheBeneficiarysOrganization() {
        var tree = orgs.tree();
        String beneficiary = resident(tree.committee());
        UUID member = members.registered(tree.branch());
        pair(tree.committee(), beneficiary, member, "2025-01-01");

        members.transferred(member, tree.branch(), tree.otherBranch(), UUID.randomUUID(), 1);

        pairings(tree.committee(), beneficiary).body("items[0].status", equalTo("ACTIVE"));
    }

    @Test
    void aPairingStaysWhenTheMembersWholeBranchIsMoved() {
        var tree = orgs.tree();
        String beneficiary = resident(tree.branch());
        UUID member = members.registered(tree.branch());
        pair(tree.branch(), beneficiary, member, "2025-01-01");

        members.transferred(member, tree.branch(), tree.otherBranch(), null, 1);

        pairings(tree.branch(), beneficiary).body("items[0].status", equalTo("ACTIVE"));
    }

    @Test
    void aTransferOlderThanWhatIsKnownOfTheMemberEndsNothing() {
        var tree = orgs.tree();
        UUID member = members.registered(tree.branch());
        members.transferred(member, tree.branch(), tree.otherBranch(), UUID.randomUUID(), 2);
        String beneficiary = resident(tree.otherBranch());
        pair(tree.otherBranch(), beneficiary, member, "2025-01-01");

        members.transferred(member, tree.branch(), tree.sibling(), UUID.randomUUID(), 1);

        pairings(tree.otherBranch(), beneficiary).body("items[0].status", equalTo("ACTIVE"));
    }

    @Test
    void aPairingBegunAfterTheEventsDateEndsOnItsFirstDay() {
        var tree = orgs.tree();
        String beneficiary = resident(tree.branch());
        UUID member = members.registered(tree.branch());
        pair(tree.branch(), beneficiary, member, "2025-08-01");

        members.ended(member, tree.branch(), "WITHDRAWN", "2025-06-30", 1);

        pairings(tree.branch(), beneficiary).body("items[0].status", equalTo("ENDED")).body("items[0].endedOn", equalTo("2025-08-01"));
    }

    private static String resident(UUID org) {
        return as(Caller.ORG_ADMIN, org).body(People.resident(org, People.nationalId()))
                .post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");
    }

    private static void pair(UUID org, String beneficiary, UUID member, String startedOn) {
        as(Caller.ORG_ADMIN, org).body(Map.of("beneficiaryId", beneficiary, "memberId", member, "startedOn", startedOn))
                .post("/api/v1/pairings").then().statusCode(201);
    }

    private static ValidatableResponse pairings(UUID org, String beneficiary) {
        return as(Caller.ORG_ADMIN, org).queryParam("beneficiaryId", beneficiary).get("/api/v1/pairings").then().statusCode(200);
    }
}
