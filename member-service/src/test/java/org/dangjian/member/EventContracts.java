package org.dangjian.member;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dangjian.platform.localstack.LocalStack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads member events from the topic and checks them against their published JSON Schemas. */
public final class EventContracts {

    public static final String TOPIC = "dangjian.member.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventContracts() {
    }

    /** The first event of {@code type} about the member, validated against its schema. */
    public static JsonNode await(String type, UUID memberId) {
        return await(type, memberId, data -> true);
    }

    /** The first event of {@code type} about the member whose data matches, validated against its schema. */
    public static JsonNode await(String type, UUID memberId, Predicate<JsonNode> matching) {
        ConsumerRecord<String, String> record = LocalStack.shared().kafka().companion().consumeStrings()
                .fromTopics(TOPIC, records -> records.select().where(r -> memberId.toString().equals(r.key())
                        && type.equals(header(r, "ce_type")) && matching.test(read(r.value()))).select().first())
                .awaitCompletion(Duration.ofSeconds(30))
                .getFirstRecord();
        assertEquals("/member-service", header(record, "ce_source"));
        assertEquals(memberId.toString(), header(record, "ce_subject"));
        assertEquals("urn:dangjian:event:" + type + ":v1", header(record, "ce_dataschema"));
        JsonNode data = read(record.value());
        Set<ValidationMessage> errors = schema(type).validate(data);
        assertTrue(errors.isEmpty(), () -> type + " does not match its schema: " + errors);
        return data;
    }

    public static JsonSchema schema(String type) {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaDocument(type));
    }

    public static JsonNode schemaDocument(String type) {
        try (InputStream in = EventContracts.class.getClassLoader().getResourceAsStream("events/" + type + ".schema.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
