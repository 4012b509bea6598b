package org.dangjian.member.reorganization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.dangjian.member.Api;
import org.dangjian.member.EventContracts;
import org.dangjian.member.OrganizationEvents;
import org.dangjian.member.TestIds;
import org.dangjian.member.TestTree;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.dangjian.member.Api.asPlatformAdmin;
import static org.dangjian.member.Api.fullMember;
import static org.dangjian.member.Api.with;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** organization.split from organization-service moves the members it names, and only those, to the new part. */
@QuarkusTest
class OrganizationSplitTest {

    @Inject
    EntityManager em;

    @Test
    void listedMembersMoveToTheirPartAndTheOthersStay() {
        TestTree.Node committee = TestTree.committee();
        TestTree.Node original = TestTree.branch(committee);
        TestTree.Node part = TestTree.branch(committee);
        UUID leaving = Api.registered(fullMember(original.id(), TestIds.nationalId(), TestIds.phone()));
        UUID staying = Api.registered(fullMember(original.id(), TestIds.nationalId(), TestIds.phone()));

        UUID eventId = UUID.randomUUID();
        ObjectNode split = OrganizationEvents.node(original.id(), committee.id(), original.path(), "原支部", 5);
        split.put("splitOn", "2026-07-01");
        split.put("reason", "党员人数超过50人，拆分设立");
        split.put("originalDissolved", false);
        ObjectNode p = split.putArray("parts").addObject();
        p.put("id", part.id().toString());
        p.put("code", "D-part");
        p.put("name", "新支部");
        p.putArray("childIds");
        p.putArray("memberIds").add(leaving.toString());
        OrganizationEvents.publish(eventId, "organization.split", split);

        JsonNode transferred = EventContracts.await("member.transferred", leaving);
        assertEquals(original.id().toString(), transferred.get("fromOrgId").asText());
        assertEquals(part.id().toString(), transferred.get("toOrgId").asText());
        assertEquals("2026-07-01", transferred.get("transferredOn").asText());
        assertEquals(part.id(), branchOf(leaving));
        assertEquals(original.id(), branchOf(staying));

        // A redelivery moves nothing and publishes nothing again.
        OrganizationEvents.publish(eventId, "organization.split", split);
        awaitProcessedOnce(eventId);
        assertEquals(1L, transferEvents(leaving));
    }

    @Test
    void partsWithoutMembersOrGroupsMoveNobodyWhateverTheNullableFieldsHold() {
        TestTree.Node committee = TestTree.committee();
        TestTree.Node original = TestTree.branch(committee);
        TestTree.Node part = TestTree.branch(committee);
        UUID staying = Api.registered(original.id());
        ObjectNode split = split(original, committee, part, List.of(), List.of());
        split.putNull("parentId");
        split.put("status", "DISSOLVED");
        split.put("originalDissolved", true);
        split.putNull("sector");

        OrganizationEvents.awaitApplied("member-service.split", OrganizationEvents.publish("organization.split", split));

        assertEquals(original.id(), branchOf(staying));
        assertEquals(0L, transferEvents(staying));
    }

    @Test
    void membersOfAGroupTakenByAPartFollowItWithTheirGroup() {
        TestTree.Node committee = TestTree.committee();
        TestTree.Node original = TestTree.branch(committee);
        TestTree.Node part = TestTree.branch(committee);
        TestTree.Node group = TestTree.child(original, "GROUP");
        UUID inGroup = Api.registered(with(fullMember(original.id()), "groupId", group.id().toString()));

        OrganizationEvents.publish("organization.split", split(original, committee, part, List.of(), List.of(group.id())));

        JsonNode transferred = EventContracts.await("member.transferred", inGroup);
        assertEquals(part.id().toString(), transferred.get("toOrgId").asText());
        asPlatformAdmin().get("/api/v1/members/" + inGroup).then().body("orgId", equalTo(part.id().toString()))
                .body("groupId", equalTo(group.id().toString()));
    }

    @Test
    void aSplitThatDissolvesTheOriginalLeavesTheUnlistedMembersNeedingABranchInEitherOrder() {
        for (boolean dissolutionFirst : new boolean[] {false, true}) {
            TestTree.Node committee = TestTree.committee();
            TestTree.Node original = TestTree.branch(committee);
            TestTree.Node part = TestTree.branch(committee);
            UUID listed = Api.registered(original.id());
            UUID unlisted = Api.registered(original.id());
            ObjectNode split = split(original, committee, part, List.of(listed), List.of());
            split.put("originalDissolved", true);
            ObjectNode dissolved = OrganizationEvents.dissolved(original, committee, null);

            if (dissolutionFirst) {
                OrganizationEvents.awaitApplied("member-service.dissolution", OrganizationEvents.publish("organization.dissolved", dissolved));
                OrganizationEvents.awaitApplied("member-service.split", OrganizationEvents.publish("organization.split", split));
            } else {
                OrganizationEvents.awaitApplied("member-service.split", OrganizationEvents.publish("organization.split", split));
                OrganizationEvents.awaitApplied("member-service.dissolution", OrganizationEvents.publish("organization.dissolved", dissolved));
            }

            asPlatformAdmin().get("/api/v1/members/" + listed).then().body("orgId", equalTo(part.id().toString()))
                    .body("needsBranch", equalTo(false));
            asPlatformAdmin().get("/api/v1/members/" + unlisted).then().body("orgId", equalTo(original.id().toString()))
                    .body("needsBranch", equalTo(true));
        }
    }

    private static ObjectNode split(TestTree.Node original, TestTree.Node parent, TestTree.Node part, List<UUID> memberIds,
            List<UUID> childIds) {
        ObjectNode split = OrganizationEvents.node(original.id(), parent.id(), original.path(), "原支部", 5);
        split.put("splitOn", "2026-07-01");
        split.put("reason", "党员人数超过50人，拆分设立");
        split.put("originalDissolved", false);
        split.put("memberRule", "listed members go to their part");
        ObjectNode p = split.putArray("parts").addObject();
        p.put("id", part.id().toString());
        p.put("code", "D-" + part.id().toString().substring(0, 8));
        p.put("name", "新支部");
        ArrayNode children = p.putArray("childIds");
        childIds.forEach(id -> children.add(id.toString()));
        ArrayNode members = p.putArray("memberIds");
        memberIds.forEach(id -> members.add(id.toString()));
        return split;
    }

    private UUID branchOf(UUID member) {
        return QuarkusTransaction.requiringNew().call(() -> (UUID) em.createNativeQuery(
                "select org_id from member where id = ?1").setParameter(1, member).getSingleResult());
    }

    /** Recorded once, and still once for 3 s: the redelivery has been read by then and changed nothing. */
    private void awaitProcessedOnce(UUID eventId) {
        await("split " + eventId + " recorded once").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from processed_event where consumer = 'member-service.split' and event_id = ?1")
                        .setParameter(1, eventId).getSingleResult()).longValue()) == 1L);
    }

    private long transferEvents(UUID member) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where aggregate_id = ?1 and type = 'member.transferred'")
                .setParameter(1, member).getSingleResult()).longValue());
    }
}
