package org.dangjian.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The producers' own JSON Schemas (member-service, organization-service), read from their modules beside this
 * one, so a variant fed to a consumer here is one the producer may really publish, not one this test imagines.
 */
final class ProducerSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProducerSchemas() {
    }

    static void assertValid(String producer, String type, JsonNode data) {
        Set<ValidationMessage> errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(document(producer, type)).validate(data);
        assertEquals(Set.of(), errors, type + " variant " + data + " is not valid against " + producer + "'s schema");
    }

    static JsonNode document(String producer, String type) {
        Path file = Path.of("..", producer, "src", "main", "resources", "events", type + ".schema.json");
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("the producer's schema " + file.toAbsolutePath(), e);
        }
    }
}
