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

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.dangjian.member.Api.as;
import static org.dangjian.member.Api.asPlatformAdmin;
import static org.dangjian.member.Api.fullMember;
import static org.dangjian.member.Api.with;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * organization.dissolved without a survivor: the members still in the branch are flagged "needs a branch" and
 * listed for the organization above; letters addressed to it are returned; every schema-valid variant applies.
 */
@QuarkusTest
class OrganizationDissolutionTest {

    @Inject
    EntityManager em;

    static final String CONSUMER = "member-service.dissolution";

    /** Publishes the dissolution and waits until member-service has applied it. */
    static UUID dissolve(ObjectNode event) {
        UUID eventId = OrganizationEvents.publish("organization.dissolved", event);
        OrganizationEvents.awaitApplied(CONSUMER, eventId);
        return eventId;
    }

    @Test
    void membersOfABranchDissolvedWithoutASurvivorNeedABranchAndTheOrganizationAboveListsThem() {
        TestTree.Node committee = TestTree.committee();
        TestTree.Node branch = TestTree.branch(committee);
        UUID member = Api.registered(branch.id());
        UUID elsewhere = Api.registered(TestTree.branch(committee).id());

        dissolve(OrganizationEvents.dissolved(branch, committee, null));

        asPlatformAdmin().get("/api/v1/members/" + member).then().statusCode(200)
                .body("needsBranch", equalTo(true))
                .body("branchDissolvedOn", equalTo("2026-11-20"))
                .body("orgId", equalTo(branch.id().toString()));
        as(Caller.ORG_ADMIN, committee.id()).queryParam("needsBranch", true).get("/api/v1/members").then().statusCode(200)
                .body("items.id", hasItem(member.toString()))
                .body("items.id", not(hasItem(elsewhere.toString())))
                .body("items.find { it.id == '" + member + "' }.needsBranch", equalTo(true));
        as(Caller.ORG_ADMIN, committee.id()).queryParam("needsBranch", true).queryParam("orgId", branch.id())
                .get("/api/v1/members").then().statusCode(200).body("items.id", equalTo(java.util.List.of(member.toString())));
        as(Caller.ORG_ADMIN, committee.id()).queryParam("needsBranch", false).queryParam("orgId", committee.id())
                .get("/api/v1/members").then().statusCode(200).body("items.id", not(hasItem(member.toString())));
        asPlatformAdmin().get("/api/v1/members/" + elsewhere).then().body("needsBranch", equalTo(false))
                .body("branchDissolvedOn", nullValue());
        assertEquals(1L, auditEntries(member, "MEMBER_BRANCH_DISSOLVED"));
    }

    @Test
    void membersMergedIntoABranchWhoseDissolutionWasReadFirstNeedABranchAsOfItsDate() {
        TestTree.Node committee = TestTree.committee();
        TestTree.Node absorbed = TestTree.branch(committee);
        TestTree.Node survivor = TestTree.branch(committee);
        UUID moved = Api.registered(absorbed.id());
        UUID incoming = Api.registered(TestTree.branch(committee).id());
        String letter = issue(incoming, absorbed.id());
        ObjectNode survivorDissolved = OrganizationEvents.dissolved(survivor, committee, null);
        survivorDissolved.put("dissolvedOn", "2026-11-25");

        // Different organizations, different keys: the later dissolution may be read first.
        dissolve(survivorDissolved);
        dissolve(OrganizationEvents.dissolved(absorbed, committee, survivor.id()));

        asPlatformAdmin().get("/api/v1/members/" + moved).then().statusCode(200)
                .body("orgId", equalTo(survivor.id().toString()))
                .body("needsBranch", equalTo(true))
                .body("branchDissolvedOn", equalTo("2026-11-25"));
        as(Caller.ORG_ADMIN, committee.id()).queryParam("needsBranch", true).get("/api/v1/members").then().statusCode(200)
                .body("items.id", hasItem(moved.toString()));
        asPlatformAdmin().get("/api/v1/transfers/" + letter).then().body("status", equalTo("REJECTED"));
        assertEquals(1L, auditEntries(moved, "MEMBER_BRANCH_DISSOLVED"));
    }

    @Test
    void anotherSubtreeNeitherSeesNorFiltersByTheDissolvedBranch() {
        TestTree.Node committee = TestTree.committee();
        TestTree.Node branch = TestTree.branch(committee);
        UUID member = Api.registered(branch.id());
        TestTree.Node sibling = TestTree.committee();

        dissolve(OrganizationEvents.dissolved(branch, committee, null));

        as(Caller.ORG_ADMIN, sibling.id()).queryParam("needsBranch", true).get("/api/v1/members").then().statusCode(200)
                .body("items.id", not(hasItem(member.toString())));
        as(Caller.ORG_ADMIN, sibling.id()).queryParam("orgId", branch.id()).get("/api/v1/members").then().statusCode(404)
                .body("code", equalTo("ORGANIZATION_NOT_FOUND"));
        as(Caller.ORG_ADMIN, sibling.id()).queryParam("orgId", UUID.randomUUID()).get("/api/v1/members").then().statusCode(404)
                .body("code", equalTo("ORGANIZATION_NOT_FOUND"));
    }

    @Test
    void aRedeliveredDissolutionFlagsNobodyTwice() {
        TestTree.Node committee = TestTree.committee();
        TestTree.Node branch = TestTree.branch(committee);
        UUID member = Api.registered(branch.id());
        ObjectNode event = OrganizationEvents.dissolved(branch, committee, null);

        UUID eventId = dissolve(event);
        OrganizationEvents.publish(eventId, "organization.dissolved", event);
        // Same key, same partition: once a later event is applied, the redelivery has been read.
        dissolve(OrganizationEvents.dissolved(TestTree.branch(committee), committee, null));

        assertEquals(1L, auditEntries(member, "MEMBER_BRANCH_DISSOLVED"));
    }

    @Test
    void everyVariantTheSchemaAllowsIsApplied() {
        for (String variant : new String[] {"mergedIntoId null", "parentId null", "sector VILLAGE", "JOINT_BRANCH",
                "COMMITTEE without members"}) {
            TestTree.Node committee = TestTree.committee();
            TestTree.Node branch = TestTree.branch(committee);
            UUID member = Api.registered(branch.id());
            ObjectNode event = OrganizationEvents.dissolved(branch, committee, null);
            switch (variant) {
                case "mergedIntoId null" -> event.putNull("mergedIntoId");
                case "parentId null" -> event.putNull("parentId");
                case "sector VILLAGE" -> event.put("sector", "VILLAGE");
                case "JOINT_BRANCH" -> event.put("type", "JOINT_BRANCH");
                default -> {
                    event = OrganizationEvents.dissolved(committee, committee, null);
                    event.put("type", "COMMITTEE");
                    event.putNull("parentId");
                }
            }

            dissolve(event);

            boolean flagged = !variant.startsWith("COMMITTEE");
            assertEquals(flagged, asPlatformAdmin().get("/api/v1/members/" + member).then().statusCode(200).extract()
                    .path("needsBranch"), variant);
        }
    }

    @Test
    void endedAndTransferredOutMembersAreNotFlagged() {
        TestTree.Node committee = TestTree.committee();
        TestTree.Node branch = TestTree.branch(committee);
        UUID deceased = Api.registered(branch.id());
        Map<String, Object> end = new HashMap<>();
        end.put("toStage", "DECEASED");
        end.put("effectiveOn", LocalDate.now().minusDays(2).toString());
        end.put("reason", "病故");
        end.put("decisionRef", "支委会〔2026〕3号");
        asPlatformAdmin().body(end).post("/api/v1/members/" + deceased + "/stage-changes").then().statusCode(201);

        dissolve(OrganizationEvents.dissolved(branch, committee, null));

        asPlatformAdmin().get("/api/v1/members/" + deceased).then().body("needsBranch", equalTo(false));
    }

    @Test
    void lettersToADissolvedBranchAreReturnedAndLettersItIssuedStayOpenAndGiveTheMemberABranch() {
        TestTree.Node committee = TestTree.committee();
        TestTree.Node dissolved = TestTree.branch(committee);
        TestTree.Node other = TestTree.branch(committee);
        UUID incoming = Api.registered(other.id());
        UUID outgoing = Api.registered(dissolved.id());
        String returned = issue(incoming, dissolved.id());
        String stillOpen = issue(outgoing, other.id());

        dissolve(OrganizationEvents.dissolved(dissolved, committee, null));

        asPlatformAdmin().get("/api/v1/transfers/" + returned).then().body("status", equalTo("REJECTED"))
                .body("decidedBy", equalTo("system"));
        JsonNode rejected = EventContracts.await("member.transfer-rejected", incoming);
        assertEquals(returned, rejected.get("transferId").asText());
        asPlatformAdmin().get("/api/v1/members/" + incoming).then().body("orgId", equalTo(other.id().toString()))
                .body("needsBranch", equalTo(false));

        asPlatformAdmin().get("/api/v1/transfers/" + stillOpen).then().body("status", equalTo("ISSUED"));
        as(Caller.BRANCH_SECRETARY, other.id()).body("{}").post("/api/v1/transfers/" + stillOpen + "/accept").then()
                .statusCode(200);
        asPlatformAdmin().get("/api/v1/members/" + outgoing).then().body("orgId", equalTo(other.id().toString()))
                .body("needsBranch", equalTo(false)).body("branchDissolvedOn", nullValue());
    }

    @Test
    void membersOfADissolvedPartyGroupStayInTheBranchWithoutAGroup() {
        TestTree.Node committee = TestTree.committee();
        TestTree.Node branch = TestTree.branch(committee);
        TestTree.Node group = TestTree.child(branch, "GROUP");
        UUID member = Api.registered(with(fullMember(branch.id()), "groupId", group.id().toString()));
        ObjectNode event = OrganizationEvents.dissolved(group, branch, null);
        event.put("type", "GROUP");

        dissolve(event);

        asPlatformAdmin().get("/api/v1/members/" + member).then().body("groupId", nullValue())
                .body("orgId", equalTo(branch.id().toString())).body("needsBranch", equalTo(false));
        EventContracts.await("member.updated", member);
    }

    @Test
    void aMobileMemberAttendingADissolvedBranchAttendsNoHostBranch() {
        TestTree.Node committee = TestTree.committee();
        TestTree.Node host = TestTree.branch(committee);
        UUID member = Api.registered(TestTree.branch(committee).id());
        Map<String, Object> away = new HashMap<>();
        away.put("location", "福建省厦门市思明区");
        away.put("since", "2026-01-01");
        away.put("fixedPlace", false);
        away.put("hostOrgId", host.id().toString());
        asPlatformAdmin().body(away).post("/api/v1/members/" + member + "/mobility").then().statusCode(201);

        dissolve(OrganizationEvents.dissolved(host, committee, null));

        asPlatformAdmin().get("/api/v1/members/" + member + "/mobility").then().statusCode(200)
                .body("hostOrgId", nullValue()).body("status", equalTo("ACTIVE"));
    }

    static String issue(UUID member, UUID to) {
        Map<String, Object> letter = new HashMap<>();
        letter.put("memberId", member.toString());
        letter.put("toOrgId", to.toString());
        return asPlatformAdmin().body(letter).post("/api/v1/transfers").then().statusCode(201).extract().path("id");
    }

    long auditEntries(UUID member, String action) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from audit_entry where target_id = ?1 and action = ?2")
                .setParameter(1, member).setParameter(2, action).getSingleResult()).longValue());
    }
}
