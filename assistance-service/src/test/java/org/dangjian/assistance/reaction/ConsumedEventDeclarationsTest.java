package org.dangjian.assistance.reaction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The events this service consumes are declared in its AsyncAPI document with the fields it reads, each typed exactly
 * as the producer's JSON Schema types it (null where the producer allows null), and required only where the producer
 * requires it. A change of a producer's contract fails here.
 */
class ConsumedEventDeclarationsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> PRODUCERS = Map.of("member", "member-service", "organization", "organization-service");
    private static final List<String> TYPING = List.of("type", "enum", "const", "format", "minimum");

    @Test
    void everyConsumedFieldIsTypedAsItsProducerTypesIt() throws IOException {
        JsonNode asyncapi = YAML.readTree(Files.readString(Path.of("src", "main", "resources", "events", "asyncapi.yaml")));
        int checked = 0;
        for (var producer : PRODUCERS.entrySet()) {
            for (JsonNode message : asyncapi.path("channels").path(producer.getKey()).path("messages")) {
                String name = message.get("name").asText();
                JsonNode payload = message.get("payload");
                assertTrue(payload != null && payload.has("properties"), name + " declares no payload");
                JsonNode schema = JSON.readTree(Files.readString(Path.of("..", producer.getValue(), "src", "main", "resources",
                        "events", name + ".schema.json")));
                for (Iterator<Map.Entry<String, JsonNode>> it = payload.get("properties").fields(); it.hasNext(); ) {
                    var field = it.next();
                    JsonNode produced = schema.path("properties").get(field.getKey());
                    assertTrue(produced != null, name + "." + field.getKey() + " is not in the producer's schema");
                    for (String keyword : TYPING) {
                        assertEquals(produced.get(keyword), field.getValue().get(keyword), name + "." + field.getKey() + " " + keyword);
                    }
                }
                for (JsonNode required : payload.path("required")) {
                    assertTrue(contains(schema.path("required"), required.asText()),
                            name + "." + required.asText() + " is required here but not by the producer");
                }
                checked++;
            }
        }
        assertEquals(9, checked, "member.registered, stage-changed, transferred, ended, and the tree copy's and the case "
                + "reaction's organization.established, changed, moved, dissolved and split");
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode v : array) {
            if (v.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
