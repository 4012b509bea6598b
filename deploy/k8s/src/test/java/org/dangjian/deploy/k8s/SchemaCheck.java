package org.dangjian.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates an object against the schema kept in deploy/k8s/schemas for its apiVersion and kind
 * (schemas/index.yaml). An object whose kind has no schema fails too: nothing goes unchecked.
 */
final class SchemaCheck {

    private static final String BASE = "https://schemas.dangjian.org/k8s/";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix(BASE, schemasDir().toUri().toString())));
    private static final JsonNode INDEX = Kustomize.readAll(schemasDir().resolve("index.yaml")).get(0);
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private SchemaCheck() {
    }

    static Path schemasDir() {
        return Manifests.k8sDir().resolve("schemas");
    }

    /** The violations, each prefixed by the object's kind/name; empty when the object is valid. */
    static List<String> violations(JsonNode object) {
        String key = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        JsonNode ref = INDEX.path("schemas").get(key);
        if (ref == null) {
            return List.of(Manifests.id(object) + ": no schema for " + key + " in schemas/index.yaml");
        }
        JsonSchema schema = SCHEMAS.computeIfAbsent(ref.asText(), r -> FACTORY.getSchema(SchemaLocation.of(BASE + r)));
        return schema.validate(object).stream().map(ValidationMessage::getMessage)
                .map(m -> Manifests.id(object) + ": " + m).toList();
    }
}
