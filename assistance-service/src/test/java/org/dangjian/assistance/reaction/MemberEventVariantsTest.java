package org.dangjian.assistance.reaction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.dangjian.assistance.Api;
import org.dangjian.assistance.MemberFixture;
import org.dangjian.assistance.OrgTreeFixture;
import org.dangjian.assistance.People;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.dangjian.assistance.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every variant member-service's schemas allow for the four member events this service reads — each stage, each end
 * type, each shape of a transfer, the producer's own examples — goes through the real topic and is applied (never
 * dead-lettered), with the effect on the member copy this service checks member ids against. The enum values are
 * read from the producer's schemas, so a value added there is tried here.
 */
@QuarkusTest
class MemberEventVariantsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVENTS = Path.of("..", "member-service", "src", "main", "resources", "events");

    @Inject
    OrgTreeFixture orgs;

    @Inject
    MemberFixture members;

    @Inject
    EntityManager em;

    private record Row(UUID orgId, String stage, String endType, String endedOn) {
    }

    @Test
    void aRegistrationAtEveryStageIsKept() throws IOException {
        var tree = orgs.tree();
        for (String stage : enumOf("member.registered", "stage")) {
            UUID member = UUID.randomUUID();
            members.sendAndAwait("member.registered", MemberFixture.registeredData(member, tree.branch(), stage, 0));
            assertEquals(new Row(tree.branch(), stage, null, null), row(member), stage);
        }
    }

    @Test
    void everyStageChangeIsKept() throws IOException {
        var tree = orgs.tree();
        List<String> from = enumOf("member.stage-changed", "fromStage");
        for (String to : enumOf("member.stage-changed", "toStage")) {
            UUID member = UUID.randomUUID();
            members.sendAndAwait("member.registered", MemberFixture.registeredData(member, tree.branch(), "APPLICANT", 0));
            members.stageChanged(member, tree.branch(), from.get(0), to, 1);
            assertEquals(to, row(member).stage(), to);
        }
    }

    @Test
    void everyEndTypeEndsTheMembership() throws IOException {
        var tree = orgs.tree();
        for (String endType : enumOf("member.ended", "endType")) {
            UUID member = members.registered(tree.branch());
            String beneficiary = memberBeneficiary(tree.branch(), member);
            members.ended(member, tree.branch(), endType, "2025-06-30", 1);
            assertEquals(new Row(tree.branch(), "FULL", endType, "2025-06-30"), row(member), endType);
            Api.asPlatformAdmin().get("/api/v1/beneficiaries/" + beneficiary).then().body("memberStatus", equalTo("ENDED"));
        }
    }

    @Test
    void aTransferByLetterMovesTheMember() {
        var tree = orgs.tree();
        UUID member = members.registered(tree.branch());
        members.transferred(member, tree.branch(), tree.otherBranch(), UUID.randomUUID(), 1);
        assertEquals(tree.otherBranch(), row(member).orgId());
    }

    @Test
    void aTransferWithoutALetterMovesTheMember() {
        var tree = orgs.tree();
        UUID member = members.registered(tree.branch());
        members.transferred(member, tree.branch(), tree.otherBranch(), null, 1);
        assertEquals(tree.otherBranch(), row(member).orgId());
    }

    @Test
    void aTransferWithTheLetterIdAbsentMovesTheMember() {
        var tree = orgs.tree();
        UUID member = members.registered(tree.branch());
        ObjectNode data = MemberFixture.transferredData(member, tree.branch(), tree.otherBranch(), null, 1);
        data.remove("transferId");
        members.sendAndAwait("member.transferred", data);
        assertEquals(tree.otherBranch(), row(member).orgId());
    }

    @Test
    void aTransferFromOutsideThePlatformMakesTheMemberKnown() {
        var tree = orgs.tree();
        UUID member = UUID.randomUUID();
        members.transferred(member, null, tree.branch(), UUID.randomUUID(), 7);
        assertEquals(new Row(tree.branch(), null, null, null), row(member));
    }

    @Test
    void aTransferOutOfThePlatformLeavesTheMemberWithoutABranch() {
        var tree = orgs.tree();
        UUID member = members.registered(tree.branch());
        String beneficiary = memberBeneficiary(tree.branch(), member);
        members.transferred(member, tree.branch(), null, UUID.randomUUID(), 1);
        assertEquals(new Row(null, "FULL", null, null), row(member));
        Api.asPlatformAdmin().get("/api/v1/beneficiaries/" + beneficiary).then()
                .body("memberStatus", equalTo("LEFT_PLATFORM"))
                .body("orgId", equalTo(tree.branch().toString()));
    }

    @Test
    void eventsArrivingOutOfOrderLeaveTheNewestOfEachPart() {
        var tree = orgs.tree();
        UUID member = UUID.randomUUID();
        members.transferred(member, tree.branch(), tree.otherBranch(), UUID.randomUUID(), 3);
        members.sendAndAwait("member.registered", MemberFixture.registeredData(member, tree.branch(), "PROBATIONARY", 0));
        members.stageChanged(member, tree.branch(), "PROBATIONARY", "FULL", 2);

        // Where the member is comes from the transfer (version 3); the stage from the stage change (version 2).
        assertEquals(new Row(tree.otherBranch(), "FULL", null, null), row(member));
    }

    @Test
    void anEndOfMembershipStaysWhateverArrivesAfterIt() {
        var tree = orgs.tree();
        UUID member = UUID.randomUUID();
        members.ended(member, tree.branch(), "DECEASED", "2025-03-01", 4);
        members.sendAndAwait("member.registered", MemberFixture.registeredData(member, tree.branch(), "FULL", 0));
        assertEquals(new Row(tree.branch(), "FULL", "DECEASED", "2025-03-01"), row(member));
    }

    @Test
    void theProducersExamplesAreApplied() throws IOException {
        var tree = orgs.tree();
        for (String type : List.of("member.registered", "member.stage-changed", "member.transferred", "member.ended")) {
            JsonNode examples = schema(type).get("examples");
            assertTrue(examples.size() > 0, type + " has no example");
            for (JsonNode example : examples) {
                ObjectNode event = example.deepCopy();
                event.put("memberId", UUID.randomUUID().toString());
                for (String org : List.of("orgId", "fromOrgId", "toOrgId")) {
                    if (event.hasNonNull(org)) {
                        event.put(org, (org.equals("toOrgId") ? tree.otherBranch() : tree.branch()).toString());
                    }
                }
                UUID eventId = members.sendAndAwait(type, event);
                assertTrue(members.applied(eventId), type);
            }
        }
    }

    private String memberBeneficiary(UUID branch, UUID member) {
        return as(Caller.BRANCH_SECRETARY, branch).body(People.member(branch, member)).post("/api/v1/beneficiaries").then()
                .statusCode(201).extract().path("id");
    }

    private Row row(UUID member) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] r = (Object[]) em.createNativeQuery(
                    "select org_id, stage, end_type, cast(ended_on as text) from member_copy where member_id = ?1")
                    .setParameter(1, member).getSingleResult();
            return new Row((UUID) r[0], (String) r[1], (String) r[2], (String) r[3]);
        });
    }

    private static List<String> enumOf(String type, String field) throws IOException {
        List<String> values = new ArrayList<>();
        schema(type).get("properties").get(field).get("enum").forEach(v -> values.add(v.asText()));
        assertTrue(!values.isEmpty(), type + "." + field);
        return values;
    }

    private static JsonNode schema(String type) throws IOException {
        return JSON.readTree(Files.readString(EVENTS.resolve(type + ".schema.json")));
    }
}
