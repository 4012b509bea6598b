package org.dangjian.member.reorganization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.dangjian.member.Api;
import org.dangjian.member.EventContracts;
import org.dangjian.member.OrganizationEvents;
import org.dangjian.member.TestTree;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.dangjian.member.Api.as;
import static org.dangjian.member.Api.asPlatformAdmin;
import static org.dangjian.member.Api.fullMember;
import static org.dangjian.member.Api.with;
import static org.dangjian.member.reorganization.OrganizationDissolutionTest.dissolve;
import static org.dangjian.member.reorganization.OrganizationDissolutionTest.issue;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** organization.dissolved naming a survivor (合并): the absorbed branch's members follow it, and so do their letters. */
@QuarkusTest
class OrganizationMergeTest {

    @Inject
    EntityManager em;

    @Test
    void membersOfAMergedBranchFollowTheSurvivorWithTheirGroups() {
        TestTree.Node committee = TestTree.committee();
        TestTree.Node absorbed = TestTree.branch(committee);
        TestTree.Node survivor = TestTree.branch(committee);
        TestTree.Node group = TestTree.child(absorbed, "GROUP");
        UUID inGroup = Api.registered(with(fullMember(absorbed.id()), "groupId", group.id().toString()));
        UUID noGroup = Api.registered(absorbed.id());
        UUID alreadyThere = Api.registered(survivor.id());

        dissolve(OrganizationEvents.dissolved(absorbed, committee, survivor.id()));

        JsonNode moved = EventContracts.await("member.transferred", inGroup);
        assertTrue(moved.get("transferId").isNull());
        assertEquals(absorbed.id().toString(), moved.get("fromOrgId").asText());
        assertEquals(survivor.id().toString(), moved.get("toOrgId").asText());
        assertEquals("2026-11-20", moved.get("transferredOn").asText());
        asPlatformAdmin().get("/api/v1/members/" + inGroup).then().body("orgId", equalTo(survivor.id().toString()))
                .body("groupId", equalTo(group.id().toString())).body("needsBranch", equalTo(false));
        asPlatformAdmin().get("/api/v1/members/" + noGroup).then().body("orgId", equalTo(survivor.id().toString()))
                .body("needsBranch", equalTo(false));
        assertEquals(0L, transferEvents(alreadyThere));
    }

    @Test
    void aRedeliveredMergeMovesNobodyAgain() {
        TestTree.Node committee = TestTree.committee();
        TestTree.Node absorbed = TestTree.branch(committee);
        TestTree.Node survivor = TestTree.branch(committee);
        UUID member = Api.registered(absorbed.id());
        ObjectNode merge = OrganizationEvents.dissolved(absorbed, committee, survivor.id());

        UUID eventId = dissolve(merge);
        OrganizationEvents.publish(eventId, "organization.dissolved", merge);
        // Same key, same partition: once a later event is applied, the redelivery has been read.
        dissolve(OrganizationEvents.dissolved(TestTree.branch(committee), committee, null));

        assertEquals(1L, transferEvents(member));
    }

    @Test
    void openLettersAreAnsweredByTheSurvivorAndIssuedByIt() {
        TestTree.Node committee = TestTree.committee();
        TestTree.Node absorbed = TestTree.branch(committee);
        TestTree.Node survivor = TestTree.branch(committee);
        TestTree.Node other = TestTree.branch(TestTree.committee());
        UUID comingIn = Api.registered(other.id());
        UUID goingOut = Api.registered(absorbed.id());
        UUID fromSurvivor = Api.registered(survivor.id());
        UUID toSurvivor = Api.registered(absorbed.id());
        String redirected = issue(comingIn, absorbed.id());
        String reissued = issue(goingOut, other.id());
        String pointless = issue(fromSurvivor, absorbed.id());
        String done = issue(toSurvivor, survivor.id());

        dissolve(OrganizationEvents.dissolved(absorbed, committee, survivor.id()));

        asPlatformAdmin().get("/api/v1/transfers/" + redirected).then().body("status", equalTo("ISSUED"))
                .body("toOrgId", equalTo(survivor.id().toString()));
        JsonNode redirect = EventContracts.await("member.transfer-issued", comingIn,
                e -> survivor.id().toString().equals(e.path("toOrgId").asText()));
        assertEquals(redirected, redirect.get("transferId").asText());
        as(Caller.BRANCH_SECRETARY, survivor.id()).body("{}").post("/api/v1/transfers/" + redirected + "/accept").then()
                .statusCode(200);
        asPlatformAdmin().get("/api/v1/members/" + comingIn).then().body("orgId", equalTo(survivor.id().toString()));

        asPlatformAdmin().get("/api/v1/transfers/" + reissued).then().body("status", equalTo("ISSUED"))
                .body("fromOrgId", equalTo(survivor.id().toString()));
        EventContracts.await("member.transfer-issued", goingOut,
                e -> survivor.id().toString().equals(e.path("fromOrgId").asText()));
        as(Caller.BRANCH_SECRETARY, other.id()).body("{}").post("/api/v1/transfers/" + reissued + "/accept").then()
                .statusCode(200);
        JsonNode accepted = EventContracts.await("member.transferred", goingOut, e -> reissued.equals(e.path("transferId").asText()));
        assertEquals(survivor.id().toString(), accepted.get("fromOrgId").asText());

        asPlatformAdmin().get("/api/v1/transfers/" + pointless).then().body("status", equalTo("CANCELLED"));
        EventContracts.await("member.transfer-cancelled", fromSurvivor);
        asPlatformAdmin().get("/api/v1/transfers/" + done).then().body("status", equalTo("CANCELLED"));
        asPlatformAdmin().get("/api/v1/members/" + toSurvivor).then().body("orgId", equalTo(survivor.id().toString()));
    }

    @Test
    void mobileMembersOfTheAbsorbedBranchAreLookedAfterByTheSurvivor() {
        TestTree.Node committee = TestTree.committee();
        TestTree.Node absorbed = TestTree.branch(committee);
        TestTree.Node survivor = TestTree.branch(committee);
        UUID away = Api.registered(absorbed.id());
        UUID visiting = Api.registered(TestTree.branch(committee).id());
        asPlatformAdmin().body(mobility(null)).post("/api/v1/members/" + away + "/mobility").then().statusCode(201);
        asPlatformAdmin().body(mobility(absorbed.id())).post("/api/v1/members/" + visiting + "/mobility").then().statusCode(201);

        dissolve(OrganizationEvents.dissolved(absorbed, committee, survivor.id()));

        asPlatformAdmin().get("/api/v1/members/" + away + "/mobility").then().body("homeOrgId", equalTo(survivor.id().toString()));
        asPlatformAdmin().get("/api/v1/members/" + visiting + "/mobility").then().body("hostOrgId", equalTo(survivor.id().toString()));
    }

    @Test
    void aChainOfMergesReadInReverseOrderStillEndsInTheLastSurvivor() {
        TestTree.Node committee = TestTree.committee();
        TestTree.Node first = TestTree.branch(committee);
        TestTree.Node middle = TestTree.branch(committee);
        TestTree.Node last = TestTree.branch(committee);
        UUID member = Api.registered(first.id());
        UUID comingIn = Api.registered(TestTree.branch(TestTree.committee()).id());
        UUID visiting = Api.registered(TestTree.branch(committee).id());
        String letter = issue(comingIn, first.id());
        asPlatformAdmin().body(mobility(first.id())).post("/api/v1/members/" + visiting + "/mobility").then().statusCode(201);

        // Different organizations, different keys: "middle merged into last" may be read before "first into middle".
        dissolve(OrganizationEvents.dissolved(middle, committee, last.id()));
        dissolve(OrganizationEvents.dissolved(first, committee, middle.id()));

        asPlatformAdmin().get("/api/v1/members/" + member).then().body("orgId", equalTo(last.id().toString()))
                .body("needsBranch", equalTo(false));
        JsonNode onwards = EventContracts.await("member.transferred", member,
                e -> middle.id().toString().equals(e.path("fromOrgId").asText()));
        assertEquals(last.id().toString(), onwards.get("toOrgId").asText());
        asPlatformAdmin().get("/api/v1/transfers/" + letter).then().body("status", equalTo("ISSUED"))
                .body("toOrgId", equalTo(last.id().toString()));
        asPlatformAdmin().get("/api/v1/members/" + visiting + "/mobility").then().body("hostOrgId", equalTo(last.id().toString()));
    }

    static Map<String, Object> mobility(UUID host) {
        Map<String, Object> body = new HashMap<>();
        body.put("location", "福建省厦门市思明区");
        body.put("since", "2026-01-01");
        body.put("fixedPlace", false);
        if (host != null) {
            body.put("hostOrgId", host.toString());
        }
        return body;
    }

    private long transferEvents(UUID member) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where aggregate_id = ?1 and type = 'member.transferred'")
                .setParameter(1, member).getSingleResult()).longValue());
    }
}
