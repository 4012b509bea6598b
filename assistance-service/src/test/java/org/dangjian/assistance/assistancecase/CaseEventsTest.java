package org.dangjian.assistance.assistancecase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dangjian.assistance.OrgTreeFixture;
import org.dangjian.platform.localstack.LocalStack;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.dangjian.assistance.assistancecase.CaseFlow.secretary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CaseEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TYPES = List.of(CaseEvents.CASE_OPENED, CaseEvents.CASE_APPROVED, CaseEvents.DISBURSED,
            CaseEvents.CASE_CLOSED);

    @Inject
    OrgTreeFixture orgs;

    @Test
    void eachMilestoneOfACaseIsPublishedKeyedByTheCaseWithoutPersonalDetails() throws Exception {
        var s = CaseFlow.setup(orgs, "5000.00");
        String id = CaseFlow.disbursed(s, "1500.00");
        secretary(s, id, "follow-ups", Map.of("visitedOn", "2025-04-01", "findings", "恢复良好")).statusCode(200);
        secretary(s, id, "closure", Map.of("on", "2025-04-02", "outcome", "RELIEVED")).statusCode(200);

        for (String type : TYPES) {
            ConsumerRecord<String, String> record = firstRecord(r -> id.equals(r.key()) && type.equals(header(r, "ce_type")));
            assertEquals("/assistance-service", header(record, "ce_source"));
            assertEquals(id, header(record, "ce_subject"));
            assertEquals("urn:dangjian:event:" + type + ":v1", header(record, "ce_dataschema"));
            JsonNode data = JSON.readTree(record.value());
            Set<ValidationMessage> errors = schema(type).validate(data);
            assertTrue(errors.isEmpty(), type + ": " + errors);
            assertEquals(id, data.get("caseId").asText());
            assertEquals(s.branch().toString(), data.get("orgId").asText());
            assertFalse(record.value().contains("住院") || record.value().contains("王秀英") || record.value().contains("3502"),
                    record.value());
        }
        ConsumerRecord<String, String> disbursed = firstRecord(
                r -> id.equals(r.key()) && CaseEvents.DISBURSED.equals(header(r, "ce_type")));
        JsonNode data = JSON.readTree(disbursed.value());
        assertEquals(0, new BigDecimal("1500.00").compareTo(data.get("amount").decimalValue()));
        assertEquals(s.fund().toString(), data.get("fundId").asText());
        assertEquals("2025-03-10", data.get("disbursedOn").asText());
    }

    @Test
    void everySchemaExampleIsAValidEvent() throws Exception {
        for (String type : TYPES) {
            JsonSchema schema = schema(type);
            for (JsonNode example : document(type).get("examples")) {
                Set<ValidationMessage> errors = schema.validate(example);
                assertTrue(errors.isEmpty(), type + ": " + errors);
            }
        }
    }

    @Test
    void theAsyncApiDocumentListsEveryPublishedType() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("events/asyncapi.yaml")) {
            String asyncapi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String type : TYPES) {
                assertTrue(asyncapi.contains("name: " + type), type);
                assertTrue(asyncapi.contains("./" + type + ".schema.json"), type);
            }
        }
    }

    private static JsonSchema schema(String type) throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(document(type));
    }

    private static JsonNode document(String type) throws Exception {
        try (InputStream in = CaseEventsTest.class.getClassLoader().getResourceAsStream("events/" + type + ".schema.json")) {
            return JSON.readTree(in);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The first record on the case topic that matches, read from its beginning. */
    private static ConsumerRecord<String, String> firstRecord(Predicate<ConsumerRecord<String, String>> match) {
        return LocalStack.shared().kafka().companion().consumeStrings()
                .fromTopics(CaseEvents.TOPIC, records -> records.select().where(match).select().first())
                .awaitCompletion(Duration.ofSeconds(30))
                .getFirstRecord();
    }
}
