package org.dangjian.organization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dangjian.platform.localstack.LocalStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OrganizationEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @Test
    void establishedOrganizationIsPublishedAsACloudEventKeyedByItsId() throws Exception {
        UUID committee = Api.newCommittee("事件测试党委");
        UUID branch = Api.newChild(committee, "事件测试支部", "BRANCH");

        ConsumerRecord<String, String> record = firstRecord(r -> branch.toString().equals(r.key()));

        assertEquals("organization.established", header(record, "ce_type"));
        assertEquals("/organization-service", header(record, "ce_source"));
        assertEquals(branch.toString(), header(record, "ce_subject"));
        assertEquals("urn:dangjian:event:organization.established:v1", header(record, "ce_dataschema"));
        assertNotNull(UUID.fromString(header(record, "ce_id")));
        JsonNode data = JSON.readTree(record.value());
        assertEquals(committee.toString(), data.get("parentId").asText());
        assertEquals("/" + committee + "/" + branch + "/", data.get("path").asText());
        assertEquals(Set.of(), schema("organization.established").validate(data));
    }

    @Test
    void renameIsPublishedAsOrganizationChangedWithTheWholeNode() throws Exception {
        UUID committee = Api.newCommittee("变更事件党委");
        Api.command(committee, "rename", Api.body("name", "变更事件党委（新）", "reason", "r")).statusCode(200);
        JsonNode data = awaitEvent(committee, "organization.changed");
        assertEquals("变更事件党委（新）", data.get("name").asText());
        assertEquals(1, data.get("version").asInt());
        assertEquals("/" + committee + "/", data.get("path").asText());
    }

    @Test
    void moveIsPublishedWithTheNewAndTheOldPath() throws Exception {
        UUID root = Api.newCommittee("迁移事件党委");
        UUID from = Api.newChild(root, "迁出", "GENERAL_BRANCH");
        UUID to = Api.newChild(root, "迁入", "GENERAL_BRANCH");
        UUID branch = Api.newChild(from, "迁移事件支部", "BRANCH");
        Api.command(branch, "move", Api.body("parentId", to, "reason", "r")).statusCode(200);
        JsonNode data = awaitEvent(branch, "organization.moved");
        assertEquals("/" + root + "/" + to + "/" + branch + "/", data.get("path").asText());
        assertEquals("/" + root + "/" + from + "/" + branch + "/", data.get("oldPath").asText());
        assertEquals(to.toString(), data.get("parentId").asText());
        assertEquals(from.toString(), data.get("oldParentId").asText());
        assertEquals("BRANCH", data.get("type").asText());
    }

    @Test
    void mergeIsPublishedAsTheAbsorbedBranchDissolvedIntoTheSurvivor() throws Exception {
        UUID root = Api.newCommittee("合并事件党委");
        UUID survivor = Api.newChild(root, "存续支部", "BRANCH");
        UUID absorbed = Api.newChild(root, "并入支部", "BRANCH");
        Api.command(survivor, "merge", Api.body("absorbedId", absorbed, "reason", "两支部合并")).statusCode(200);
        JsonNode data = awaitEvent(absorbed, "organization.dissolved");
        assertEquals("DISSOLVED", data.get("status").asText());
        assertEquals("两支部合并", data.get("reason").asText());
        assertEquals(survivor.toString(), data.get("mergedIntoId").asText());
        assertNotNull(data.get("dissolvedOn").asText());
    }

    @Test
    void splitIsPublishedWithThePartsTheirGroupsAndTheMembersThatMove() throws Exception {
        UUID root = Api.newCommittee("拆分事件党委");
        UUID branch = Api.newChild(root, "拆分事件支部", "BRANCH");
        UUID group = Api.newChild(branch, "拆分事件小组", "GROUP");
        UUID moving = UUID.randomUUID();
        UUID staying = UUID.randomUUID();
        // The roster is what member.* events built; here it is written directly, as those events would have.
        QuarkusTransaction.requiringNew().run(() -> {
            for (UUID member : List.of(moving, staying)) {
                em.createNativeQuery("""
                        insert into member_roster (member_id, organization_id, stage, ended, source_version, updated_at)
                        values (?1, ?2, 'FULL', false, 1, now())""").setParameter(1, member).setParameter(2, branch)
                        .executeUpdate();
            }
        });
        List<String> parts = Api.command(branch, "split", Api.body("parts", List.of(Api.body("name", "拆分事件新支部",
                        "childIds", List.of(group.toString()), "memberIds", List.of(moving.toString()))),
                "reason", "党员超过50人")).statusCode(200).extract().path("id");
        JsonNode data = awaitEvent(branch, "organization.split");
        assertEquals(branch.toString(), data.get("id").asText());
        assertEquals("ACTIVE", data.get("status").asText());
        assertEquals(false, data.get("originalDissolved").asBoolean());
        assertEquals(parts.get(0), data.at("/parts/0/id").asText());
        assertEquals(group.toString(), data.at("/parts/0/childIds/0").asText());
        assertEquals(List.of(moving.toString()), JSON.convertValue(data.at("/parts/0/memberIds"), List.class));
        assertTrue(data.get("memberRule").asText().contains("stay with the original"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"organization.established", "organization.changed", "organization.moved", "organization.dissolved",
            "organization.leadership-changed", "organization.split"})
    void theSchemaExamplesAreValidEvents(String type) throws Exception {
        JsonSchema schema = schema(type);
        JsonNode examples = schemaDocument(type).get("examples");
        assertTrue(examples.size() > 0);
        for (JsonNode example : examples) {
            Set<ValidationMessage> errors = schema.validate(example);
            assertTrue(errors.isEmpty(), errors::toString);
        }
    }

    @Test
    void asyncApiListsEveryPublishedEvent() throws Exception {
        String asyncApi;
        try (InputStream in = OrganizationEventsTest.class.getClassLoader().getResourceAsStream("events/asyncapi.yaml")) {
            asyncApi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String type : new String[] {"established", "changed", "moved", "dissolved", "leadership-changed", "split"}) {
            assertTrue(asyncApi.contains("name: organization." + type), type);
            assertTrue(asyncApi.contains("./organization." + type + ".schema.json"), type);
        }
    }

    /** The event of that type about that organization, checked against its schema and CloudEvents headers. */
    private static JsonNode awaitEvent(UUID subject, String type) throws Exception {
        ConsumerRecord<String, String> record = firstRecord(
                r -> subject.toString().equals(r.key()) && type.equals(header(r, "ce_type")));
        assertEquals(subject.toString(), header(record, "ce_subject"));
        assertEquals("urn:dangjian:event:" + type + ":v1", header(record, "ce_dataschema"));
        JsonNode data = JSON.readTree(record.value());
        Set<ValidationMessage> errors = schema(type).validate(data);
        assertTrue(errors.isEmpty(), errors::toString);
        return data;
    }

    static JsonSchema schema(String type) throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaDocument(type));
    }

    private static JsonNode schemaDocument(String type) throws Exception {
        try (InputStream in = OrganizationEventsTest.class.getClassLoader()
                .getResourceAsStream("events/" + type + ".schema.json")) {
            return JSON.readTree(in);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** The first record on the organization topic that matches, read from its beginning. */
    static ConsumerRecord<String, String> firstRecord(Predicate<ConsumerRecord<String, String>> match) {
        return LocalStack.shared().kafka().companion().consumeStrings()
                .fromTopics("dangjian.organization.v1", records -> records.select().where(match).select().first())
                .awaitCompletion(Duration.ofSeconds(30))
                .getFirstRecord();
    }
}
