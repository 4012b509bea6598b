package org.dangjian.assistance.reaction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.dangjian.assistance.Api;
import org.dangjian.assistance.MemberFixture;
import org.dangjian.assistance.OrgTreeFixture;
import org.dangjian.assistance.People;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.dangjian.assistance.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Consumer contract: member-service's own example of member.transferred (read from its schema, the
 * producer's contract, not re-typed here) goes through the real topic to this service's consumer.
 * Only the ids are replaced, with this test's own organizations and member, and the event is
 * validated against the producer's schema before it is sent, so a change of the contract fails here.
 */
@QuarkusTest
class MemberTransferredContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCHEMA = Path.of("..", "member-service", "src", "main", "resources", "events",
            "member.transferred.schema.json");

    @Inject
    OrgTreeFixture orgs;

    @Inject
    MemberFixture members;

    @Test
    void theProducersExampleMovesTheMembersOpenCaseToTheReceivingBranch() throws IOException {
        var tree = orgs.tree();
        UUID member = UUID.randomUUID();
        String caseId = openCase(tree.branch(), member);

        ObjectNode event = producersExample();
        event.put("memberId", member.toString()).put("fromOrgId", tree.branch().toString())
                .put("toOrgId", tree.otherBranch().toString());
        send(event);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> tree.otherBranch().toString().equals(Api.asPlatformAdmin().get("/api/v1/cases/" + caseId).path("orgId")));
        as(Caller.BRANCH_SECRETARY, tree.otherBranch()).get("/api/v1/cases/" + caseId + "/history").then().statusCode(200)
                .body("organizationChanges[0].reason", equalTo("MEMBER_TRANSFERRED"));
    }

    @Test
    void aTransferOutOfThePlatformFlagsTheMembersOpenCaseForReassignment() throws IOException {
        var tree = orgs.tree();
        UUID member = UUID.randomUUID();
        String caseId = openCase(tree.branch(), member);

        ObjectNode event = producersExample();
        event.put("memberId", member.toString()).put("fromOrgId", tree.branch().toString()).putNull("toOrgId");
        send(event);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> Boolean.TRUE.equals(Api.asPlatformAdmin().get("/api/v1/cases/" + caseId).path("reassignmentNeeded")));
        as(Caller.BRANCH_SECRETARY, tree.branch()).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("orgId", equalTo(tree.branch().toString()));
        as(Caller.BRANCH_SECRETARY, tree.branch()).get("/api/v1/cases/" + caseId + "/history").then()
                .body("organizationChanges[0].reason", equalTo("MEMBER_LEFT_PLATFORM"))
                .body("organizationChanges[0].toOrgId", nullValue());
        // Listed with the dissolved organizations' cases, for someone to give it to another branch or close it.
        as(Caller.ORG_ADMIN, tree.committee()).get("/api/v1/cases/reassignments-due").then().statusCode(200)
                .body("items.id", hasItem(caseId));
        as(Caller.BRANCH_SECRETARY, tree.branch()).queryParam("memberId", member).get("/api/v1/beneficiaries").then()
                .body("items[0].memberStatus", equalTo("LEFT_PLATFORM"))
                .body("items[0].orgId", equalTo(tree.branch().toString()));
    }

    @Test
    void theProducersExamplesAreValidAgainstItsSchema() throws IOException {
        JsonNode schema = JSON.readTree(Files.readString(SCHEMA));
        assertTrue(schema.get("examples").size() > 0);
        for (JsonNode example : schema.get("examples")) {
            assertEquals(0, validator().validate(example).size(), example.toString());
        }
    }

    /** The first example of the producer's schema, with the fields this consumer reads present. */
    private static ObjectNode producersExample() throws IOException {
        assertTrue(Files.exists(SCHEMA), "member-service's contract not found at " + SCHEMA.toAbsolutePath());
        ObjectNode example = (ObjectNode) JSON.readTree(Files.readString(SCHEMA)).get("examples").get(0).deepCopy();
        for (String field : new String[] {"memberId", "fromOrgId", "toOrgId", "version"}) {
            assertTrue(example.has(field), "the producer's example has no " + field);
        }
        return example;
    }

    private static void send(ObjectNode event) throws IOException {
        var errors = validator().validate(event);
        assertEquals(0, errors.size(), () -> "not a valid member.transferred: " + errors);
        String memberId = event.get("memberId").asText();
        MemberFixture.send("dangjian.member.v1", memberId, event.toString(), Map.of(
                "ce_specversion", "1.0",
                "ce_id", UUID.randomUUID().toString(),
                "ce_type", "member.transferred",
                "ce_source", "/member-service",
                "ce_subject", memberId,
                "ce_time", OffsetDateTime.now().toString(),
                "ce_dataschema", JSON.readTree(Files.readString(SCHEMA)).get("$id").asText(),
                "content-type", "application/json"));
    }

    private static JsonSchema validator() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(Files.readString(SCHEMA)));
    }

    private String openCase(UUID branch, UUID member) {
        members.sendAndAwait("member.registered", MemberFixture.registeredData(member, branch, "FULL", 0));
        String beneficiary = as(Caller.BRANCH_SECRETARY, branch).body(People.member(branch, member))
                .post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");
        return as(Caller.BRANCH_SECRETARY, branch)
                .body(Map.of("beneficiaryId", beneficiary, "category", "UNEMPLOYMENT", "requestedAmount", "500.00"))
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
    }
}
