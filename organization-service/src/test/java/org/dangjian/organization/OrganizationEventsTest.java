package org.dangjian.organization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dangjian.platform.localstack.TopicProbe;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OrganizationEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void establishedOrganizationIsPublishedAsACloudEventKeyedByItsId() throws Exception {
        UUID committee = Api.newCommittee("事件测试党委");
        UUID branch = Api.newChild(committee, "事件测试支部", "BRANCH");

        ConsumerRecord<String, String> record = TopicProbe.awaitRecord("dangjian.organization.v1",
                r -> branch.toString().equals(r.key()), Duration.ofSeconds(30));

        assertEquals("organization.established", header(record, "ce_type"));
        assertEquals("/organization-service", header(record, "ce_source"));
        assertEquals(branch.toString(), header(record, "ce_subject"));
        assertEquals("urn:dangjian:event:organization.established:v1", header(record, "ce_dataschema"));
        assertNotNull(UUID.fromString(header(record, "ce_id")));
        JsonNode data = JSON.readTree(record.value());
        assertEquals(committee.toString(), data.get("parentId").asText());
        assertEquals("/" + committee + "/" + branch + "/", data.get("path").asText());
        assertEquals(Set.of(), schema().validate(data));
    }

    @Test
    void theSchemaExampleIsAValidEvent() throws Exception {
        JsonSchema schema = schema();
        for (JsonNode example : schemaDocument().get("examples")) {
            Set<ValidationMessage> errors = schema.validate(example);
            assertTrue(errors.isEmpty(), errors::toString);
        }
    }

    static JsonSchema schema() throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaDocument());
    }

    private static JsonNode schemaDocument() throws Exception {
        try (InputStream in = OrganizationEventsTest.class.getClassLoader()
                .getResourceAsStream("events/organization.established.schema.json")) {
            return JSON.readTree(in);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
