package org.dangjian.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The event contracts as the services publish them: each producer's JSON Schemas (what it may send) and
 * each service's AsyncAPI receive operations (what each of its consumers reads). From a schema and its
 * examples it derives every variant the schema allows that a consumer must handle — each nullable field
 * null, each optional field absent, each enum value, an empty array where allowed, a field the consumer
 * does not know — each checked against the producer's schema before it is used.
 */
final class EventContracts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig STRICT = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** One event type as its producer declares it. */
    record EventType(String type, DangjianService producer, String topic, JsonNode schema) {

        /** The record key and CloudEvents subject: the aggregate the event is about. */
        String subjectOf(JsonNode data) {
            for (String field : List.of("memberId", "organizationId", "id", "activityId", "caseId")) {
                if (data.hasNonNull(field)) {
                    return data.get(field).asText();
                }
            }
            throw new IllegalStateException(type + ": no aggregate id in " + data);
        }
    }

    /**
     * One consumer (its name in {@code processed_event}) of a service, from an AsyncAPI receive operation
     * ({@code x-consumer}), with the messages it declares and the payload schema it declares for each
     * (null: none declared, the producer's applies).
     */
    record Consumer(DangjianService service, String name, String topic, Map<String, JsonNode> payloads) {

        boolean reads(String type) {
            return payloads.keySet().stream().anyMatch(declared -> declared.endsWith(".*")
                    ? type.startsWith(declared.substring(0, declared.length() - 1)) : declared.equals(type));
        }

        JsonNode declaredPayload(String type) {
            return payloads.get(type);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** One event the producer's schema allows. */
    record Variant(EventType type, String description, ObjectNode data) {

        @Override
        public String toString() {
            return type.type() + " " + description;
        }
    }

    private final Map<String, EventType> types = new LinkedHashMap<>();
    private final List<Consumer> consumers = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    static EventContracts load(Path root) {
        EventContracts contracts = new EventContracts();
        for (DangjianService service : DangjianService.values()) {
            Path events = root.resolve(service.module()).resolve("src/main/resources/events");
            contracts.read(service, events);
        }
        return contracts;
    }

    List<EventType> types() {
        return List.copyOf(types.values());
    }

    List<Consumer> consumers() {
        return List.copyOf(consumers);
    }

    /** Declarations that cannot be checked: a receive operation without {@code x-consumer}, a message of no producer. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    List<Consumer> consumersOf(String type) {
        return consumers.stream().filter(c -> c.reads(type)).toList();
    }

    private void read(DangjianService service, Path events) {
        JsonNode asyncapi = yaml(events.resolve("asyncapi.yaml"));
        try (Stream<Path> files = Files.list(events)) {
            files.filter(f -> f.getFileName().toString().endsWith(".schema.json")).sorted().forEach(f -> {
                JsonNode schema = json(f);
                String type = schema.get("title").asText();
                types.put(type, new EventType(type, service, topicPublishing(asyncapi, type), schema));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        asyncapi.path("operations").fields().forEachRemaining(op -> {
            JsonNode operation = op.getValue();
            if (!"receive".equals(operation.path("action").asText())) {
                return;
            }
            String consumer = operation.path("x-consumer").asText(null);
            if (consumer == null) {
                problems.add(service.module() + " asyncapi operation " + op.getKey() + " names no x-consumer");
                return;
            }
            JsonNode channel = resolve(asyncapi, operation.path("channel").path("$ref").asText());
            List<JsonNode> messages = new ArrayList<>();
            if (operation.has("messages")) {
                operation.get("messages").forEach(m -> messages.add(resolve(asyncapi, m.path("$ref").asText())));
            } else {
                channel.path("messages").forEach(messages::add);
            }
            Map<String, JsonNode> payloads = new LinkedHashMap<>();
            for (JsonNode message : messages) {
                JsonNode payload = message.get("payload");
                if (payload != null && payload.has("$ref")) {
                    String ref = payload.get("$ref").asText();
                    payload = ref.startsWith("#/") ? resolve(asyncapi, ref) : json(events.resolve(ref));
                }
                if (payload != null) {
                    payload = inline(asyncapi, payload);
                }
                // one message may stand for several types of the same shape: "organization.established | organization.moved"
                for (String name : message.path("name").asText().split("\\|")) {
                    payloads.put(name.strip(), payload);
                }
            }
            consumers.add(new Consumer(service, consumer, channel.path("address").asText(), payloads));
        });
    }

    /** The address of the channel of the producer's send operation that carries the type. */
    private String topicPublishing(JsonNode asyncapi, String type) {
        Iterator<Map.Entry<String, JsonNode>> operations = asyncapi.path("operations").fields();
        while (operations.hasNext()) {
            JsonNode operation = operations.next().getValue();
            if ("send".equals(operation.path("action").asText())) {
                JsonNode channel = resolve(asyncapi, operation.path("channel").path("$ref").asText());
                for (JsonNode message : channel.path("messages")) {
                    if (type.equals(message.path("name").asText())) {
                        return channel.path("address").asText();
                    }
                }
            }
        }
        throw new IllegalStateException(type + " has a schema but no send operation in its producer's asyncapi.yaml");
    }

    /** The schema with each local reference ({@code #/components/...}) replaced by what it names: a schema that stands alone. */
    private static JsonNode inline(JsonNode document, JsonNode schema) {
        if (schema.isObject() && schema.has("$ref") && schema.get("$ref").asText().startsWith("#/")) {
            return inline(document, resolve(document, schema.get("$ref").asText()));
        }
        if (schema.isContainerNode()) {
            JsonNode copy = schema.deepCopy();
            if (copy.isObject()) {
                ObjectNode object = (ObjectNode) copy;
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                for (String name : names) {
                    object.set(name, inline(document, object.get(name)));
                }
            } else {
                ArrayNode array = (ArrayNode) copy;
                for (int i = 0; i < array.size(); i++) {
                    array.set(i, inline(document, array.get(i)));
                }
            }
            return copy;
        }
        return schema;
    }

    private static JsonNode resolve(JsonNode document, String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalStateException("only local references are read here: " + ref);
        }
        JsonNode node = document;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part.replace("~1", "/").replace("~0", "~"));
        }
        if (node.isMissingNode()) {
            throw new IllegalStateException("unresolved reference " + ref);
        }
        return node;
    }

    // ---------------------------------------------------------------- variants

    /** Every variant of the type: its examples, then one change at a time, each valid under the producer's schema. */
    List<Variant> variants(EventType type) {
        List<Variant> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        JsonNode examples = type.schema().path("examples");
        int n = 0;
        for (JsonNode example : examples) {
            n++;
            List<String> invalid = validate(type.schema(), example);
            if (!invalid.isEmpty()) {
                problems.add(type.type() + " example " + n + " breaks its own schema: " + invalid);
            }
            add(out, seen, type, "example " + n, (ObjectNode) example.deepCopy());
        }
        if (examples.isEmpty()) {
            throw new IllegalStateException(type.type() + " has no examples to derive variants from");
        }
        ObjectNode base = (ObjectNode) examples.get(0);
        List<Variant> mutations = new ArrayList<>();
        mutate(type.schema(), type.schema(), base, "", mutations, type);
        ObjectNode unknownField = base.deepCopy();
        unknownField.put("fieldAddedByALaterVersion", "ignored");
        mutations.add(new Variant(type, "with a field the consumer does not know", unknownField));
        ObjectNode allOptionalAbsent = base.deepCopy();
        Set<String> required = required(type.schema());
        allOptionalAbsent.retain(required);
        mutations.add(new Variant(type, "every optional field absent", allOptionalAbsent));
        for (Variant v : mutations) {
            add(out, seen, type, v.description(), v.data());
        }
        return out;
    }

    private void add(List<Variant> out, Set<String> seen, EventType type, String description, ObjectNode data) {
        if (validate(type.schema(), data).isEmpty() && seen.add(data.toString())) {
            out.add(new Variant(type, description, data));
        }
    }

    /** Walks the schema beside the example; each field yields the variants its own schema allows. */
    private void mutate(JsonNode root, JsonNode schema, ObjectNode example, String at, List<Variant> out, EventType type) {
        Set<String> required = required(schema);
        schema.path("properties").fields().forEachRemaining(property -> {
            String field = property.getKey();
            JsonNode fieldSchema = deref(root, property.getValue());
            String where = at + field;
            JsonNode value = example.get(field);
            if (value != null && !required.contains(field)) {
                out.add(variant(type, where + " absent", example, e -> e.remove(field)));
            }
            if (value != null && !value.isNull() && allowsNull(fieldSchema)) {
                out.add(variant(type, where + " null", example, e -> e.putNull(field)));
            }
            for (JsonNode option : fieldSchema.path("enum")) {
                if (!option.isNull() && !option.equals(value)) {
                    out.add(variant(type, where + " = " + option.asText(), example, e -> e.set(field, option)));
                }
            }
            if (value != null && value.isArray()) {
                if (!value.isEmpty() && fieldSchema.path("minItems").asInt(0) == 0) {
                    out.add(variant(type, where + " empty", example, e -> e.set(field, JsonNodeFactory.instance.arrayNode())));
                }
                JsonNode items = deref(root, fieldSchema.path("items"));
                if (!value.isEmpty() && value.get(0).isObject() && items.has("properties")) {
                    List<Variant> inner = new ArrayList<>();
                    mutate(root, items, (ObjectNode) value.get(0), where + "[0].", inner, type);
                    for (Variant v : inner) {
                        out.add(variant(type, v.description(), example, e -> ((ArrayNode) e.get(field)).set(0, v.data())));
                    }
                }
            }
            if (value != null && value.isObject() && fieldSchema.has("properties")) {
                List<Variant> inner = new ArrayList<>();
                mutate(root, fieldSchema, (ObjectNode) value, where + ".", inner, type);
                for (Variant v : inner) {
                    out.add(variant(type, v.description(), example, e -> e.set(field, v.data())));
                }
            }
        });
    }

    private static Variant variant(EventType type, String description, ObjectNode example,
            java.util.function.Consumer<ObjectNode> change) {
        ObjectNode copy = example.deepCopy();
        change.accept(copy);
        return new Variant(type, description, copy);
    }

    private static Set<String> required(JsonNode schema) {
        Set<String> required = new LinkedHashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        return required;
    }

    private static boolean allowsNull(JsonNode schema) {
        for (JsonNode type : schema.path("type")) {
            if ("null".equals(type.asText())) {
                return true;
            }
        }
        for (JsonNode option : schema.path("enum")) {
            if (option.isNull()) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode deref(JsonNode root, JsonNode schema) {
        return schema.has("$ref") ? resolve(root, schema.get("$ref").asText()) : schema;
    }

    // ---------------------------------------------------------------- validation and ids

    /** The messages of validating {@code data} against {@code schema} (formats asserted); empty when valid. */
    static List<String> validate(JsonNode schema, JsonNode data) {
        JsonSchema compiled = COMPILED.computeIfAbsent(schema, s -> SCHEMAS.getSchema(s, STRICT));
        return compiled.validate(data).stream().map(Object::toString).sorted().toList();
    }

    private static final Map<JsonNode, JsonSchema> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The same event about fresh aggregates: every id in it replaced, consistently (a path that names an id
     * names the new one), so each variant sent is the first event a consumer sees about its aggregates.
     */
    static ObjectNode withFreshIds(ObjectNode data) {
        Map<String, String> fresh = new HashMap<>();
        Matcher m = UUID_TEXT.matcher(data.toString());
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(text, fresh.computeIfAbsent(m.group(), id -> UUID.randomUUID().toString()));
        }
        m.appendTail(text);
        try {
            return (ObjectNode) JSON.readTree(text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file + " unreadable", e);
        }
    }

    private static JsonNode yaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file + " unreadable", e);
        }
    }
}
