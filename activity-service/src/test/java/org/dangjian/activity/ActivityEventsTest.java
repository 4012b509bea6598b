package org.dangjian.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dangjian.activity.Fixtures.Org;
import org.dangjian.platform.localstack.LocalStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.dangjian.activity.Activities.*;
import static org.dangjian.activity.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ActivityEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "dangjian.activity.v1";
    private static final OffsetDateTime HELD = OffsetDateTime.parse("2026-06-30T23:30:00+08:00");

    @Test
    void recordingPublishesActivityRecordedKeyedByTheActivity() throws Exception {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), LocalDate.of(2025, 1, 1));
        UUID activity = held(branch.id(), "TRAINING", HELD, line(member, "PRESENT", new BigDecimal("3")));

        ConsumerRecord<String, String> record = firstRecord(r -> activity.toString().equals(r.key())
                && "activity.recorded".equals(header(r, "ce_type")));
        assertEquals("/activity-service", header(record, "ce_source"));
        assertEquals(activity.toString(), header(record, "ce_subject"));
        assertEquals("urn:dangjian:event:activity.recorded:v1", header(record, "ce_dataschema"));
        JsonNode data = JSON.readTree(record.value());
        // Held at 23:30 in Shanghai: the business date, not the UTC one.
        assertEquals("2026-06-30", data.get("heldOn").asText());
        assertEquals(1, data.get("revision").asInt());
        assertEquals(member.toString(), data.get("attendance").get(0).get("memberId").asText());
        assertEquals(Set.of(), schema("activity.recorded").validate(data));
    }

    @Test
    void correctionIsPublishedAgainWithTheNextRevision() throws Exception {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), LocalDate.of(2025, 1, 1));
        UUID activity = held(branch.id(), "PARTY_LECTURE", HELD, line(member, "ABSENT"));
        Map<String, Object> corrected = recording(HELD, line(member, "PRESENT"));
        corrected.put("correctionReason", "签到表漏登");
        record(admin(), activity, corrected);

        ConsumerRecord<String, String> record = firstRecord(r -> activity.toString().equals(r.key()) && revision(r) == 2);
        JsonNode data = JSON.readTree(record.value());
        assertEquals("PRESENT", data.get("attendance").get(0).get("status").asText());
        assertEquals(Set.of(), schema("activity.recorded").validate(data));
    }

    @Test
    void cancellingPublishesActivityCancelled() throws Exception {
        Org branch = child(root(), "BRANCH");
        UUID activity = planned(branch.id(), "THEMED_PARTY_DAY", HELD);
        admin().body(Map.of("reason", "台风预警")).header("If-Match", current(activity)).post("/api/v1/activities/" + activity + "/cancel").then().statusCode(200);

        ConsumerRecord<String, String> record = firstRecord(r -> activity.toString().equals(r.key())
                && "activity.cancelled".equals(header(r, "ce_type")));
        JsonNode data = JSON.readTree(record.value());
        assertEquals("台风预警", data.get("reason").asText());
        assertEquals(Set.of(), schema("activity.cancelled").validate(data));
    }

    @ParameterizedTest
    @ValueSource(strings = {"activity.recorded", "activity.cancelled"})
    void theSchemaExamplesAreValidEvents(String type) throws Exception {
        JsonSchema schema = schema(type);
        for (JsonNode example : document(type).get("examples")) {
            Set<ValidationMessage> errors = schema.validate(example);
            assertTrue(errors.isEmpty(), errors::toString);
        }
    }

    @Test
    void asyncApiListsEveryPublishedSchema() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("events/asyncapi.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(yaml.contains("./activity.recorded.schema.json"));
            assertTrue(yaml.contains("./activity.cancelled.schema.json"));
        }
    }

    static JsonSchema schema(String type) throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(document(type));
    }

    private static JsonNode document(String type) throws Exception {
        try (InputStream in = ActivityEventsTest.class.getClassLoader().getResourceAsStream("events/" + type + ".schema.json")) {
            return JSON.readTree(in);
        }
    }

    /** The first record on the topic that matches, read from its beginning. */
    private static ConsumerRecord<String, String> firstRecord(Predicate<ConsumerRecord<String, String>> match) {
        return LocalStack.shared().kafka().companion().consumeStrings()
                .fromTopics(TOPIC, records -> records.select().where(match).select().first())
                .awaitCompletion(Duration.ofSeconds(30))
                .getFirstRecord();
    }

    private static int revision(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value()).path("revision").asInt();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
