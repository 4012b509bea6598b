package org.dangjian.organization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.dangjian.organization.Api.asPlatformAdmin;
import static org.dangjian.organization.Api.body;
import static org.dangjian.organization.Api.command;
import static org.dangjian.organization.Api.newChild;
import static org.dangjian.organization.Api.newCommittee;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The roster and counts follow every member.* event member-service's schemas allow. */
@QuarkusTest
class MemberEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The producer's contract: member-service's JSON Schemas, read from its module. */
    private static final Path PRODUCER_SCHEMAS = Path.of("..", "member-service", "src", "main", "resources", "events");

    @Inject
    EntityManager em;

    @Test
    void aMemberTransferredOutOfThePlatformIsCountedNowhereAndOneComingBackIsCountedAgain() {
        UUID root = newCommittee("转出平台党委");
        UUID branch = newChild(root, "转出平台支部", "BRANCH");
        List<UUID> members = Members.in(branch, 2);
        Members.awaitCount(branch, 2, 2);

        Members.transfer(members.get(0), branch, null, "2026-03-01", 2);
        Members.awaitCount(branch, 1, 1);
        Members.roster(branch, members.get(0)).statusCode(404).body("code", equalTo("MEMBER_NOT_FOUND"));
        Object[] gone = Members.row(members.get(0));
        assertEquals(null, gone[0]);
        assertEquals(false, gone[2]);
        asPlatformAdmin().body(body("seat", "SECRETARY", "memberId", members.get(0), "memberName", "已转出", "reason", "r"))
                .post("/api/v1/organizations/" + branch + "/leadership/seats").then().statusCode(422)
                .body("code", equalTo("MEMBER_NOT_FOUND_IN_ORGANIZATION"));

        Members.transfer(members.get(0), null, branch, "2026-05-01", 3);
        Members.awaitCount(branch, 2, 2);
        Members.roster(branch, members.get(0)).statusCode(200).body("organizationId", equalTo(branch.toString()))
                .body("onRoster", equalTo(true)).body("stage", equalTo("FULL")).body("version", equalTo(3));
    }

    /** member-service moves a merged branch's members to the survivor with member.transferred (transferId null). */
    @Test
    void aMergeFollowedByItsMembersTransfersLeavesTheAbsorbedBranchCountingNone() {
        UUID root = newCommittee("合并计数党委");
        UUID survivor = newChild(root, "合并存续支部", "BRANCH");
        UUID absorbed = newChild(root, "合并撤销支部", "BRANCH");
        Members.in(survivor, 2);
        List<UUID> moving = Members.in(absorbed, 3);
        Members.awaitCount(survivor, 2, 2);
        Members.awaitCount(absorbed, 3, 3);

        command(survivor, "merge", body("absorbedId", absorbed, "reason", "两支部合并")).statusCode(200);
        for (UUID member : moving) {
            Map<String, Object> fields = new HashMap<>();
            fields.put("transferId", null);
            fields.put("fromOrgId", absorbed);
            fields.put("toOrgId", survivor);
            fields.put("transferredOn", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
            fields.put("version", 2);
            Members.send("member.transferred", member, fields);
        }
        Members.awaitCount(survivor, 5, 5);
        Members.count(absorbed).body("fullMembers", equalTo(0)).body("members", equalTo(0));
        moving.forEach(m -> Members.roster(survivor, m).statusCode(200).body("organizationId", equalTo(survivor.toString())));
    }

    /**
     * Every variant of every member.* event member-service's schemas allow (the example; each nullable field
     * null; each optional field absent; each enum value), sent through the real topic: each is applied (its id
     * recorded) with its documented effect on the roster, and none is dead-lettered.
     */
    @Test
    void everyVariantTheProducersSchemasAllowIsAppliedOrIgnoredAndNoneIsDeadLettered() throws Exception {
        UUID root = newCommittee("事件变体党委");
        UUID from = newChild(root, "事件变体转出支部", "BRANCH");
        UUID to = newChild(root, "事件变体转入支部", "BRANCH");
        Map<UUID, Variant> sent = new LinkedHashMap<>();
        for (Path file : producerSchemas()) {
            JsonNode schemaDocument = JSON.readTree(file.toFile());
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaDocument);
            String type = schemaDocument.get("title").asText();
            for (Map.Entry<String, ObjectNode> variant : variants(schemaDocument).entrySet()) {
                ObjectNode data = variant.getValue();
                UUID member = UUID.randomUUID();
                data.put("memberId", member.toString());
                replaceOrganization(data, "orgId", from);
                replaceOrganization(data, "fromOrgId", from);
                replaceOrganization(data, "toOrgId", to);
                var errors = schema.validate(data);
                if (!errors.isEmpty()) {
                    continue; // e.g. member.transferred with both organizations null: not an event the producer sends
                }
                Map<String, Object> fields = JSON.convertValue(data, Map.class);
                UUID eventId = Members.send(type, member, fields);
                sent.put(eventId, new Variant(type, variant.getKey(), member, data));
            }
        }
        awaitApplied(sent.keySet());
        List<String> deadLettered = asPlatformAdmin().get("/api/v1/admin/dead-letters?size=200").then().statusCode(200)
                .extract().path("items.eventId");
        for (Map.Entry<UUID, Variant> e : sent.entrySet()) {
            Variant v = e.getValue();
            assertTrue(!deadLettered.contains(e.getKey().toString()), v + " was dead-lettered");
            assertDocumentedEffect(v);
            System.out.println("member.* variant applied: " + v.type() + " " + v.name());
        }
        assertTrue(sent.values().stream().map(Variant::type).distinct().count() >= 9, "every member.* type was sent");
    }

    /** The roster row the variant left (organization, stage, ended), as documented in asyncapi.yaml. */
    private void assertDocumentedEffect(Variant v) {
        Object[] row = Members.row(v.member());
        JsonNode data = v.data();
        String organization = row == null || row[0] == null ? null : row[0].toString();
        switch (v.type()) {
            case "member.registered" -> {
                assertEquals(data.get("orgId").asText(), organization, v.toString());
                assertEquals(data.get("stage").asText(), row[1], v.toString());
                assertEquals(false, row[2], v.toString());
            }
            case "member.stage-changed" -> {
                assertEquals(data.get("orgId").asText(), organization, v.toString());
                assertEquals(data.get("toStage").asText(), row[1], v.toString());
            }
            case "member.transferred" -> {
                assertEquals(data.path("toOrgId").isTextual() ? data.get("toOrgId").asText() : null, organization, v.toString());
                assertEquals(false, row[2], v.toString());
            }
            case "member.ended" -> assertEquals(true, row[2], v.toString());
            // member.updated and the transfer letters change nothing: the member stays unknown here
            default -> assertEquals(null, row, v.toString());
        }
    }

    private record Variant(String type, String name, UUID member, JsonNode data) {
        @Override
        public String toString() {
            return type + " [" + name + "]";
        }
    }

    private static List<Path> producerSchemas() throws IOException {
        try (Stream<Path> files = Files.list(PRODUCER_SCHEMAS)) {
            List<Path> schemas = files.filter(f -> f.getFileName().toString().matches("member\\..*\\.schema\\.json")).sorted().toList();
            assertTrue(schemas.size() >= 9, "member-service's schemas found at " + PRODUCER_SCHEMAS.toAbsolutePath());
            return schemas;
        }
    }

    /** The schema's first example, and from it one variant per nullable field, optional field and enum value. */
    private static Map<String, ObjectNode> variants(JsonNode schema) {
        ObjectNode example = (ObjectNode) schema.get("examples").get(0);
        Map<String, ObjectNode> variants = new LinkedHashMap<>();
        variants.put("example", example.deepCopy());
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.get("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String name = property.getKey();
            JsonNode spec = property.getValue();
            if (spec.path("type").isArray() && spec.get("type").toString().contains("\"null\"") && !example.path(name).isNull()) {
                ObjectNode v = example.deepCopy();
                v.putNull(name);
                variants.put(name + "=null", v);
            }
            if (!required.contains(name) && example.has(name)) {
                ObjectNode v = example.deepCopy();
                v.remove(name);
                variants.put(name + " absent", v);
            }
            for (JsonNode value : spec.path("enum")) {
                ObjectNode v = example.deepCopy();
                v.set(name, value);
                variants.put(name + "=" + value.asText(), v);
            }
        }
        return variants;
    }

    private static void replaceOrganization(ObjectNode data, String field, UUID organization) {
        if (data.path(field).isTextual()) {
            data.put(field, organization.toString());
        }
    }

    private void awaitApplied(java.util.Set<UUID> eventIds) {
        await("every member.* variant applied").atMost(Duration.ofSeconds(60))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                                select count(*) from processed_event
                                where consumer = 'organization-service.member-counts' and event_id in (?1)""")
                        .setParameter(1, eventIds).getSingleResult()).longValue()), equalTo((long) eventIds.size()));
    }
}
