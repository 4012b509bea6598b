package org.dangjian.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * No 5xx on bad input (issue 23, item 3), generated from the four OpenAPI documents: every operation, called with a
 * valid token of a role it allows on real records of subtree A (the body-scope matrix's generated request), is sent
 * malformed variants of that request — each JSON key repeated, NUL and other control characters and an unpaired
 * surrogate in each string field, deep nesting, huge numbers in each numeric field, a wrong JSON type in each
 * field, truncated JSON, a body that is not JSON, a wrong Content-Type, a body over the 1 MB limit, malformed query
 * parameters and path ids, a malformed If-Match. Expected: no 5xx, every error answer an
 * {@code application/problem+json} with a {@code code}, and nothing changed in any database. {@code -Dfuzz.variants=K}
 * adds K random mutations per operation (seed {@code -Dfuzz.seed}).
 */
final class FuzzSuite {

    /** One malformed request: what it is, and how it goes on the wire. */
    record Variant(String name, String pathAndQuery, byte[] body, String contentType, String ifMatch) {
    }

    record Failure(SecurityMatrix.Operation op, Variant variant, RequestGenerator.Reply reply, String why) {
        @Override
        public String toString() {
            return "%s %s %s [%s] %s: %d %s".formatted(op.service().module(), op.method().toUpperCase(), op.path(), variant.name(),
                    why, reply.status(), reply.head());
        }
    }

    /**
     * {@code lenient}: reads that answered 2xx to a malformed value of a parameter they declare (a 400 naming the
     * parameter is what issue 23 asks for; reported, not failed here).
     */
    record Result(int operations, int requests, long serverErrors, List<Failure> failures, List<Failure> lenient,
            Map<String, Integer> variantsPerOperation, List<String> fewVariants) {
    }

    /**
     * Enough malformed variants to say an operation was tried: 10, or for a write that takes nothing but ids in its path
     * (a member's sign-in) every malformed id of its path, which is all there is to malform.
     */
    private boolean enough(SecurityMatrix.Operation op, RequestGenerator.Request base, int variants) {
        boolean onlyPathIds = !base.hasJsonBody() && !generator.operation(op).has("requestBody") && !op.method().equals("get")
                && java.util.stream.StreamSupport.stream(generator.operation(op).path("parameters").spliterator(), false)
                        .noneMatch(p -> p.path("in").asText().equals("query"));
        return variants >= (onlyPathIds ? 5 : 10);
    }

    private static final String MARK = "@@FUZZ@@";
    private static final int OVERSIZE_CHARS = 450_000; // 3 bytes each in UTF-8: 1.35 MB, over the 1 MB limit

    private final LocalSystem system;
    private final RequestGenerator generator;
    private final Random random;
    private final int randomVariants;

    FuzzSuite(LocalSystem system, UUID subtreeA, long seed, int randomVariants) {
        this.system = system;
        this.generator = new RequestGenerator(system, new SubtreeRecords(system, subtreeA));
        this.random = new Random(seed);
        this.randomVariants = randomVariants;
    }

    Result run(List<SecurityMatrix.Operation> operations) {
        String adminToken = system.adminToken();
        List<Failure> failures = new ArrayList<>();
        List<Failure> lenient = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> few = new ArrayList<>();
        int requests = 0;
        long serverErrors = 0;
        Map<String, String> tokens = new LinkedHashMap<>();
        for (SecurityMatrix.Operation op : operations) {
            Optional<String> scoped = BodyScopeMatrix.SCOPED_ROLES.stream().filter(op.roles()::contains).findFirst();
            String role = scoped.orElse(op.roles().isEmpty() ? "platform-admin" : op.roles().get(0));
            String token = role.equals("platform-admin") ? adminToken : tokens.computeIfAbsent(role, generator::token);
            RequestGenerator.Request base = generator.request(op);
            List<Variant> variants = variants(op, base);
            variants.addAll(randomVariants(op, base));
            counts.put(op.service().module() + " " + op.method().toUpperCase() + " " + op.path(), variants.size());
            if (!enough(op, base, variants.size())) {
                few.add(op.service().module() + " " + op.method().toUpperCase() + " " + op.path() + ": " + variants.size());
            }
            for (Variant variant : variants) {
                RequestGenerator.Reply reply = generator.send(op, variant.pathAndQuery(), variant.body(), variant.contentType(),
                        variant.ifMatch(), token);
                requests++;
                if (reply.status() >= 500) {
                    serverErrors++;
                    failures.add(new Failure(op, variant, reply, "server error"));
                } else if (reply.status() < 0) {
                    failures.add(new Failure(op, variant, reply, "no answer"));
                } else if (reply.status() >= 400 && !reply.contentType().startsWith("application/problem+json")) {
                    failures.add(new Failure(op, variant, reply, "error answer of type '" + reply.contentType() + "'"));
                } else if (reply.status() >= 400 && reply.code().isEmpty()) {
                    failures.add(new Failure(op, variant, reply, "problem without a code"));
                } else if (reply.status() < 400 && !op.method().equals("get")) {
                    // what changed rows: a write that took malformed input
                    failures.add(new Failure(op, variant, reply, "malformed input accepted"));
                } else if (reply.status() < 400 && variant.name().startsWith("query ") && declared(op, variant)) {
                    lenient.add(new Failure(op, variant, reply, "malformed parameter read as valid"));
                }
            }
        }
        return new Result(operations.size(), requests, serverErrors, failures, lenient, counts, few);
    }

    private boolean declared(SecurityMatrix.Operation op, Variant variant) {
        String name = variant.name().substring("query ".length(), variant.name().indexOf('='));
        for (JsonNode parameter : generator.operation(op).path("parameters")) {
            if (parameter.path("in").asText().equals("query") && parameter.path("name").asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private List<Variant> variants(SecurityMatrix.Operation op, RequestGenerator.Request base) {
        List<Variant> variants = new ArrayList<>();
        String path = base.path();
        String ifMatch = base.ifMatch();
        boolean read = op.method().equals("get") || op.method().equals("delete");
        if (base.hasJsonBody()) {
            JsonNode body = base.body();
            String text = body.toString();
            if (body.isObject() && body.size() > 0) {
                for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
                    // each key once repeated in front, with its own value: which one is read must not be a guess
                    String name = names.next();
                    variants.add(new Variant("duplicate key " + name, path,
                            utf8("{\"" + name + "\":" + body.get(name) + "," + text.substring(1)), "application/json", ifMatch));
                }
                String first = body.fieldNames().next();
                variants.add(new Variant("deep nesting (5,000 levels) in " + first, path,
                        utf8(withRaw(body, "/" + first, "[".repeat(5000) + "]".repeat(5000))), "application/json", ifMatch));
            }
            for (String pointer : leaves(body, JsonNode::isTextual)) {
                String value = body.at(pointer).asText();
                variants.add(json("NUL in " + pointer, path, withText(body, pointer, value + "\u0000x"), ifMatch));
                variants.add(json("control characters in " + pointer, path, withText(body, pointer, value + "\u0001\u001b\u007f"), ifMatch));
                variants.add(new Variant("unpaired surrogate in " + pointer, path,
                        utf8(withRaw(body, pointer, "\"" + value + "\\ud800\"")), "application/json", ifMatch));
            }
            for (String pointer : leaves(body, JsonNode::isNumber)) {
                variants.add(new Variant("1e400 in " + pointer, path, utf8(withRaw(body, pointer, "1e400")), "application/json", ifMatch));
                variants.add(new Variant("99999999999999999999 in " + pointer, path,
                        utf8(withRaw(body, pointer, "99999999999999999999")), "application/json", ifMatch));
            }
            for (String pointer : leaves(body, n -> true)) {
                JsonNode node = body.at(pointer);
                // never coerced by Jackson: an object for a scalar, a string for an object or array
                String wrong = node.isContainerNode() ? "\"abc\"" : "{\"x\":1}";
                variants.add(new Variant("wrong type in " + pointer, path, utf8(withRaw(body, pointer, wrong)), "application/json", ifMatch));
            }
            variants.add(new Variant("truncated JSON", path, utf8(text.substring(0, text.length() / 2)), "application/json", ifMatch));
            variants.add(new Variant("not JSON", path, utf8("这不是JSON <xml/>"), "application/json", ifMatch));
            if (generator.resolve(op.service(), generator.operation(op).path("requestBody").path("content").path("application/json")
                    .path("schema")).path("required").size() > 0) {
                // where every field is optional, no body (or null) may well mean "all defaults"
                variants.add(new Variant("empty body", path, new byte[0], "application/json", ifMatch));
                variants.add(new Variant("JSON null", path, utf8("null"), "application/json", ifMatch));
            }
            variants.add(new Variant("JSON array", path, utf8("[" + text + "]"), "application/json", ifMatch));
            variants.add(new Variant("Content-Type text/plain", path, utf8(text), "text/plain", ifMatch));
            variants.add(new Variant("Content-Type application/xml", path, utf8(text), "application/xml", ifMatch));
            variants.add(new Variant("invalid UTF-8", path, invalidUtf8(body), "application/json", ifMatch));
            variants.add(new Variant("body over 1 MB", path, utf8(oversize(body)), "application/json", ifMatch));
        } else if (!read && !op.contentType().contains("json")) {
            variants.addAll(uploadVariants(op, path));
        }
        if (ifMatch != null) {
            byte[] body = base.hasJsonBody() ? utf8(base.body().toString()) : null;
            String type = base.hasJsonBody() ? "application/json" : null;
            variants.add(new Variant("If-Match garbage", path, body, type, "garbage"));
            variants.add(new Variant("If-Match \"abc\"", path, body, type, "\"abc\""));
        }
        variants.addAll(parameterVariants(op, base, read));
        return variants;
    }

    /** Malformed query parameters (each declared one by its type; on reads also common ones) and malformed path ids. */
    private List<Variant> parameterVariants(SecurityMatrix.Operation op, RequestGenerator.Request base, boolean read) {
        List<Variant> variants = new ArrayList<>();
        byte[] body = base.hasJsonBody() ? utf8(base.body().toString()) : null;
        String type = base.hasJsonBody() ? "application/json" : null;
        Map<String, List<String>> query = new LinkedHashMap<>();
        Map<String, List<String>> path = new LinkedHashMap<>();
        for (JsonNode parameter : generator.operation(op).path("parameters")) {
            String in = parameter.path("in").asText();
            if (!in.equals("query") && !in.equals("path")) {
                continue;
            }
            JsonNode schema = generator.resolve(op.service(), parameter.path("schema"));
            (in.equals("query") ? query : path).put(parameter.path("name").asText(), malformed(schema, read || in.equals("path")));
        }
        if (read) {
            Map<String, List<String>> common = new LinkedHashMap<>();
            common.put("size", List.of("abc", "2147483648", "-1"));
            common.put("page", List.of("-1", "abc"));
            common.put("from", List.of("2025-02-30"));
            common.put("to", List.of("2025-13-01"));
            common.put("kind", List.of("NOPE"));
            common.put("status", List.of("NOPE"));
            common.put("q", List.of("a\u0000b"));
            common.forEach(query::putIfAbsent);
        }
        query.forEach((name, values) -> values.forEach(value -> variants.add(new Variant("query " + name + "=" + printable(value),
                base.with(new RequestGenerator.Slot("query", name, null, null), value).path(), body, type, base.ifMatch()))));
        path.forEach((name, values) -> values.forEach(value -> variants.add(new Variant("path " + name + "=" + printable(value),
                base.with(new RequestGenerator.Slot("path", name, null, null), value).path(), body, type, base.ifMatch()))));
        return variants;
    }

    /** Malformed values of a parameter of this schema; a write gets none that a lenient parser might take as valid. */
    private static List<String> malformed(JsonNode schema, boolean mayBeNegative) {
        String type = schema.path("type").asText("string");
        String format = schema.path("format").asText("");
        List<String> values = new ArrayList<>();
        if (schema.has("enum")) {
            values.add("NOPE");
        } else if (type.equals("integer")) {
            values.addAll(List.of("abc", format.equals("int64") ? "99999999999999999999" : "2147483648", "1.5", "1e3", "+-1", "\u0000",
                    "0x10", " 1", "1_000", "∞"));
            if (mayBeNegative) {
                values.add("-1");
            }
        } else if (type.equals("boolean")) {
            values.add("maybe");
        } else if (format.equals("uuid")) {
            values.addAll(List.of("not-a-uuid", "00000000-0000-0000-0000-00000000000g", "\u0000", "123", "x".repeat(300)));
        } else if (format.equals("date")) {
            values.addAll(List.of("2025-02-30", "2025-13-01"));
        } else if (format.equals("date-time")) {
            values.add("2025-02-30T25:00:00+08:00");
        } else {
            values.add("a\u0000b");
        }
        return values;
    }

    /** Bodies that are no spreadsheet or CSV of members, for an upload (member import). */
    private static List<Variant> uploadVariants(SecurityMatrix.Operation op, String path) {
        String csv = "text/csv";
        String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        byte[] notAZip = new byte[2048];
        new Random(7).nextBytes(notAZip);
        return new ArrayList<>(List.of(
                new Variant("CSV with an unknown header", path, utf8("甲,乙\n1,2\n"), csv, null),
                new Variant("CSV with NUL", path, utf8("姓名\u0000,性别\n林\u0000,男\n"), csv, null),
                new Variant("CSV of invalid UTF-8", path, new byte[] {(byte) 0xC3, 0x28, ',', (byte) 0xFF, '\n'}, csv, null),
                new Variant("empty CSV", path, new byte[0], csv, null),
                new Variant("CSV over 1 MB", path, utf8("测,".repeat(OVERSIZE_CHARS)), csv, null),
                new Variant("xlsx that is no zip", path, notAZip, xlsx, null),
                new Variant("truncated zip", path, new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}, xlsx, null),
                new Variant("Content-Type application/json", path, utf8("{}"), "application/json", null),
                new Variant("Content-Type application/xml", path, utf8("<a/>"), "application/xml", null),
                new Variant("text/plain control characters", path, utf8("\u0001\u0002\u001b"), "text/plain", null)));
    }

    /** K random mutations, each one certainly malformed (never a shortened but valid value). */
    private List<Variant> randomVariants(SecurityMatrix.Operation op, RequestGenerator.Request base) {
        List<Variant> variants = new ArrayList<>();
        for (int i = 0; i < randomVariants; i++) {
            String path = base.path();
            if (!base.hasJsonBody() || random.nextInt(5) == 0) {
                List<String> names = new ArrayList<>(List.of("size", "page", "from", "q"));
                base.query().keySet().forEach(names::add);
                String name = names.get(random.nextInt(names.size()));
                String value = randomGarbage();
                boolean write = !op.method().equals("get");
                if (write && !base.query().containsKey(name)) {
                    continue; // an undeclared parameter is ignored, and the write itself is valid
                }
                variants.add(new Variant("random query " + name + "=" + printable(value),
                        base.with(new RequestGenerator.Slot("query", name, null, null), value).path(),
                        base.hasJsonBody() ? utf8(base.body().toString()) : null, base.hasJsonBody() ? "application/json" : null,
                        base.ifMatch()));
                continue;
            }
            JsonNode body = base.body();
            List<String> strings = leaves(body, JsonNode::isTextual);
            List<String> all = leaves(body, n -> true);
            String text = body.toString();
            int kind = random.nextInt(6);
            String name;
            String mutated;
            if (kind == 0 && !strings.isEmpty()) {
                String pointer = strings.get(random.nextInt(strings.size()));
                int c = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15, 16, 27, 31, 127).get(random.nextInt(17));
                name = "escaped control U+%04X in %s".formatted(c, pointer);
                mutated = withRaw(body, pointer, "\"" + body.at(pointer).asText() + "\\u%04x\"".formatted(c));
            } else if (kind == 1 && !strings.isEmpty()) {
                String pointer = strings.get(random.nextInt(strings.size()));
                int c = 0xD800 + random.nextInt(0x800);
                name = "unpaired surrogate U+%04X in %s".formatted(c, pointer);
                mutated = withRaw(body, pointer, "\"" + body.at(pointer).asText() + "\\u%04x\"".formatted(c));
            } else if (kind == 2 && text.length() > 2) {
                int at = 1 + random.nextInt(text.length() - 1);
                name = "truncated at " + at;
                mutated = text.substring(0, at);
            } else if (kind == 3 && !all.isEmpty()) {
                String pointer = all.get(random.nextInt(all.size()));
                String wrong = List.of("{\"x\":1}", "[{}]", "{\"a\":{\"b\":[]}}").get(random.nextInt(3));
                name = "wrong type " + wrong + " in " + pointer;
                mutated = withRaw(body, pointer, body.at(pointer).isContainerNode() ? "\"abc\"" : wrong);
            } else if (kind == 4 && !all.isEmpty()) {
                String pointer = all.get(random.nextInt(all.size()));
                String huge = "9".repeat(20 + random.nextInt(380));
                name = "huge number (" + huge.length() + " digits) in " + pointer;
                mutated = withRaw(body, pointer, body.at(pointer).isNumber() ? huge : "{\"n\":" + huge + "}");
            } else if (body.isObject() && body.size() > 0) {
                List<String> fields = new ArrayList<>();
                body.fieldNames().forEachRemaining(fields::add);
                String field = fields.get(random.nextInt(fields.size()));
                name = "duplicate key " + field;
                mutated = "{\"" + field + "\":" + body.get(field) + "," + text.substring(1);
            } else {
                name = "truncated";
                mutated = text.substring(0, text.length() - 1);
            }
            variants.add(new Variant("random: " + name, path, utf8(mutated), "application/json", base.ifMatch()));
        }
        return variants;
    }

    private String randomGarbage() {
        StringBuilder garbage = new StringBuilder();
        int length = 1 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            garbage.append(switch (random.nextInt(5)) {
                case 0 -> (char) random.nextInt(32);
                case 1 -> "测";
                case 2 -> "-9e99";
                case 3 -> "'\"<>";
                default -> (char) ('a' + random.nextInt(26));
            });
        }
        return garbage.append('\u0000').toString();
    }

    private static Variant json(String name, String path, JsonNode body, String ifMatch) {
        return new Variant(name, path, utf8(body.toString()), "application/json", ifMatch);
    }

    /** JSON pointers of the body's values (nested, in arrays too) that satisfy the test. */
    private static List<String> leaves(JsonNode node, Predicate<JsonNode> test) {
        List<String> pointers = new ArrayList<>();
        collect(node, "", test, pointers);
        return pointers;
    }

    private static void collect(JsonNode node, String pointer, Predicate<JsonNode> test, List<String> pointers) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = pointer + "/" + field.getKey();
                if (test.test(field.getValue()) && !child.isEmpty()) {
                    pointers.add(child);
                }
                collect(field.getValue(), child, test, pointers);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String child = pointer + "/" + i;
                if (test.test(array.get(i))) {
                    pointers.add(child);
                }
                collect(array.get(i), child, test, pointers);
            }
        }
    }

    private static JsonNode withText(JsonNode body, String pointer, String value) {
        JsonNode copy = body.deepCopy();
        RequestGenerator.replace(copy, pointer, RequestGenerator.JSON.getNodeFactory().textNode(value));
        return copy;
    }

    /** The body's JSON text with the value at {@code pointer} replaced by raw JSON text (which may be invalid). */
    private static String withRaw(JsonNode body, String pointer, String raw) {
        return withText(body, pointer, MARK).toString().replace("\"" + MARK + "\"", raw);
    }

    private static byte[] invalidUtf8(JsonNode body) {
        List<String> strings = leaves(body, JsonNode::isTextual);
        String text = strings.isEmpty() ? "{\"" + MARK + "\":1}" : withText(body, strings.get(0), MARK).toString();
        byte[] bytes = utf8(text);
        byte[] mark = utf8(MARK);
        for (int i = 0; i + mark.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + mark.length, mark, 0, mark.length)) {
                bytes[i] = (byte) 0xC3;
                bytes[i + 1] = 0x28; // 0xC3 must be followed by a continuation byte
                bytes[i + 2] = (byte) 0xFF;
                break;
            }
        }
        return bytes;
    }

    private static String oversize(JsonNode body) {
        List<String> strings = leaves(body, JsonNode::isTextual);
        String big = "测".repeat(OVERSIZE_CHARS);
        if (strings.isEmpty()) {
            ObjectNode copy = body.isObject() ? ((ObjectNode) body).deepCopy() : RequestGenerator.JSON.createObjectNode();
            return copy.put("padding", big).toString();
        }
        return withText(body, strings.get(0), big).toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String printable(String value) {
        String shown = value.length() > 20 ? value.substring(0, 20) + "…(" + value.length() + ")" : value;
        StringBuilder out = new StringBuilder();
        shown.codePoints().forEach(c -> out.append(c < 32 || c == 127 ? "\\u%04x".formatted(c) : new String(Character.toChars(c))));
        return out.toString();
    }
}
