package org.dangjian.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What this service's AsyncAPI document says it reads of other services' events matches what they publish: each
 * consumed message has a payload, each field it declares exists in the producer's JSON Schema with the same
 * types (null where the producer allows null), format and every enum value, and it requires nothing the producer
 * does not guarantee.
 */
class AsyncApiConsumedPayloadsTest {

    private static final Map<String, String> PRODUCERS = Map.of("member", "member-service", "organization",
            "organization-service");

    @Test
    void everyConsumedMessageDeclaresThePayloadItsProducerPublishes() throws Exception {
        JsonNode document;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("events/asyncapi.yaml")) {
            document = new YAMLMapper().readTree(in);
        }
        int checked = 0;
        for (Map.Entry<String, String> channel : PRODUCERS.entrySet()) {
            JsonNode messages = document.path("channels").path(channel.getKey()).path("messages");
            assertFalse(messages.isEmpty(), channel.getKey() + " declares what it consumes");
            for (var message : (Iterable<Map.Entry<String, JsonNode>>) messages::fields) {
                JsonNode payload = message.getValue().path("payload");
                assertTrue(payload.isObject(), message.getKey() + " has a payload schema");
                for (String type : message.getValue().path("name").asText().split("\\s*\\|\\s*")) {
                    JsonNode producer = ProducerSchemas.document(channel.getValue(), type);
                    compatible(type, payload, document, producer, producer);
                    checked++;
                }
            }
        }
        // 5 member types; 5 organization node types for the tree and again for the sectors, organization.dissolved
        // again for its reaction, organization.leadership-changed
        assertEquals(17, checked);
    }

    private static void compatible(String where, JsonNode declared, JsonNode declaredRoot, JsonNode producer,
            JsonNode producerRoot) {
        declared = resolve(declared, declaredRoot);
        producer = resolve(producer, producerRoot);
        assertEquals(types(producer), types(declared), where + ": types");
        if (declared.has("enum") || declared.has("const")) {
            // every value the producer may send is one the consumer expects (one reading several types may expect more)
            assertTrue(values(declared).containsAll(values(producer)), where + ": values " + values(producer));
        }
        if (declared.has("format")) {
            assertEquals(producer.path("format").asText(), declared.path("format").asText(), where + ": format");
        }
        for (JsonNode required : declared.path("required")) {
            assertTrue(values(producer.path("required")).contains(required.asText()),
                    where + ": requires " + required.asText() + ", which the producer does not guarantee");
        }
        for (var property : (Iterable<Map.Entry<String, JsonNode>>) declared.path("properties")::fields) {
            JsonNode theirs = producer.path("properties").path(property.getKey());
            assertFalse(theirs.isMissingNode(), where + ": the producer has no " + property.getKey());
            compatible(where + "." + property.getKey(), property.getValue(), declaredRoot, theirs, producerRoot);
        }
        if (declared.has("items")) {
            compatible(where + "[]", declared.get("items"), declaredRoot, producer.path("items"), producerRoot);
        }
    }

    /** A local reference ({@code #/components/...}, {@code #/$defs/...}) replaced by what it names. */
    private static JsonNode resolve(JsonNode schema, JsonNode root) {
        String ref = schema.path("$ref").asText(null);
        return ref == null ? schema : root.at(ref.substring(1));
    }

    /** The JSON types a schema admits: its type, else those of its enum or const values. */
    private static Set<String> types(JsonNode schema) {
        Set<String> types = new TreeSet<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        } else {
            for (JsonNode value : schema.has("const") ? java.util.List.of(schema.get("const")) : iterable(schema.path("enum"))) {
                types.add(value.isNull() ? "null" : value.isTextual() ? "string" : value.getNodeType().name().toLowerCase());
            }
        }
        return types;
    }

    private static Set<String> values(JsonNode schema) {
        Set<String> values = new TreeSet<>();
        if (schema.isArray()) {
            schema.forEach(v -> values.add(v.asText()));
        } else if (schema.has("const")) {
            values.add(schema.get("const").asText());
        } else {
            schema.path("enum").forEach(v -> values.add(v.isNull() ? "null" : v.asText()));
        }
        return values;
    }

    private static Iterable<JsonNode> iterable(JsonNode array) {
        return array::elements;
    }
}
