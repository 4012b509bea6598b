package org.dangjian.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dangjian.platform.api.pii.NationalIdNumber;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Valid-looking requests of every operation, generated from the services' OpenAPI documents: path ids that are
 * real records of one subtree, the query parameters an operation reads, and a JSON body built from the request
 * schema ($ref resolved; every property, required or not; types, formats, enums, bounds, lengths, examples and
 * simple patterns) whose UUID fields name real records of that subtree of the kind the field's name says.
 * The body-scope matrix swaps one id of such a request at a time; the fuzz suite breaks it in other ways.
 */
final class RequestGenerator {

    /**
     * One client for every request of the generated matrices and suites. HTTP/1.1: the JDK client's h2c upgrade of a
     * first request now and then reads the upgraded answer as frames of garbage (ProtocolException "Frame type(32)").
     */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final Pattern FIRST_PARAMETER = Pattern.compile("/([a-z-]+)/\\{[^}]+}");
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 500));

    /** Where a request carries an id: a body field (JSON pointer), a query parameter or a path parameter; its kind of record. */
    record Slot(String where, String name, String pointer, String kind) {
        @Override
        public String toString() {
            return where + " " + (where.equals("body") ? pointer : name);
        }
    }

    /** A concrete request of an operation, with the ids it carries and notes on what could not be filled. */
    record Request(SecurityMatrix.Operation op, Map<String, String> pathParameters, Map<String, String> query, JsonNode body,
            String ifMatch, List<Slot> slots, List<String> notes) {

        String path() {
            Matcher m = PARAMETER.matcher(op.path());
            StringBuilder path = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(path, Matcher.quoteReplacement(encode(pathParameters.get(m.group(1)))));
            }
            m.appendTail(path);
            StringBuilder q = new StringBuilder();
            query.forEach((name, value) -> q.append(q.isEmpty() ? "?" : "&").append(encode(name)).append('=').append(encode(value)));
            return path + q.toString();
        }

        /** The same request with the id at {@code slot} replaced. */
        Request with(Slot slot, String value) {
            Map<String, String> path = new LinkedHashMap<>(pathParameters);
            Map<String, String> q = new LinkedHashMap<>(query);
            JsonNode b = body == null ? null : body.deepCopy();
            switch (slot.where()) {
                case "path" -> path.put(slot.name(), value);
                case "query" -> q.put(slot.name(), value);
                default -> replace(b, slot.pointer(), JSON.getNodeFactory().textNode(value));
            }
            return new Request(op, path, q, b, ifMatch, slots, notes);
        }

        String value(Slot slot) {
            return switch (slot.where()) {
                case "path" -> pathParameters.get(slot.name());
                case "query" -> query.get(slot.name());
                default -> body.at(slot.pointer()).asText();
            };
        }

        boolean hasJsonBody() {
            return body != null;
        }
    }

    /** A reply: status, content type and body. */
    record Reply(int status, String contentType, String body) {

        /** The problem's stable code, "" if the body is no problem. */
        String code() {
            try {
                return JSON.readTree(body).path("code").asText("");
            } catch (Exception e) {
                return "";
            }
        }

        String head() {
            String b = body.replaceAll("\\s+", " ");
            return b.length() > 200 ? b.substring(0, 200) + "…" : b;
        }
    }

    private final LocalSystem system;
    private final SubtreeRecords records;
    private final Map<DangjianService, JsonNode> documents = new EnumMap<>(DangjianService.class);
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private final String adminToken;

    RequestGenerator(LocalSystem system, SubtreeRecords records) {
        this.system = system;
        this.records = records;
        this.adminToken = system.adminToken();
        for (DangjianService service : DangjianService.values()) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(system.baseUrl(service) + "/q/openapi?format=json")).build(), HttpResponse.BodyHandlers.ofString());
                documents.put(service, JSON.readTree(response.body()));
            } catch (Exception e) {
                throw new IllegalStateException(service + " OpenAPI document", e);
            }
        }
    }

    SubtreeRecords records() {
        return records;
    }

    JsonNode operation(SecurityMatrix.Operation op) {
        return documents.get(op.service()).path("paths").path(op.path()).path(op.method());
    }

    /** The record a path's first id names, by the segment before it; empty when the subtree has none of that kind. */
    Optional<String> firstPathKind(SecurityMatrix.Operation op) {
        Matcher first = FIRST_PARAMETER.matcher(op.path());
        return first.find() ? Optional.of(op.service().module() + ":" + first.group(1)) : Optional.empty();
    }

    /** A request of the operation on records of the subtree: every path id real, id query parameters and body ids too. */
    Request request(SecurityMatrix.Operation op) {
        JsonNode operation = operation(op);
        List<Slot> slots = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        Map<String, JsonNode> queryParameters = new LinkedHashMap<>();
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode schema = resolve(op.service(), parameter.path("schema"));
            switch (parameter.path("in").asText()) {
                case "path" -> parameters.put(parameter.path("name").asText(), schema);
                case "query" -> queryParameters.put(parameter.path("name").asText(), schema);
                default -> {
                }
            }
        }
        Map<String, String> path = new LinkedHashMap<>();
        Matcher m = Pattern.compile("/([a-z-]+)/\\{([^}]+)}|\\{([^}]+)}").matcher(op.path());
        boolean first = true;
        while (m.find()) {
            String segment = m.group(1);
            String name = m.group(2) != null ? m.group(2) : m.group(3);
            JsonNode schema = parameters.getOrDefault(name, JSON.createObjectNode());
            String value;
            if ("uuid".equals(schema.path("format").asText())) {
                String kind = segment != null && SubtreeRecords.known(op.service().module() + ":" + segment)
                        ? op.service().module() + ":" + segment : kindOf(op, name);
                Optional<UUID> record = kind == null ? Optional.empty() : records.of(kind);
                if (record.isEmpty()) {
                    notes.add("path " + name + ": no record of kind " + kind);
                }
                value = record.map(UUID::toString).orElse(UUID.randomUUID().toString());
                if (!first && kind != null) {
                    slots.add(new Slot("path", name, null, kind));
                }
                first = false;
            } else if (name.contains("year")) {
                value = String.valueOf(today.getYear());
            } else {
                value = SecurityMatrix.concrete("{" + name + "}");
            }
            path.put(name, value);
        }
        Map<String, String> query = new LinkedHashMap<>();
        queryParameters.forEach((name, schema) -> {
            if ("uuid".equals(schema.path("format").asText())) {
                String kind = kindOf(op, name);
                Optional<UUID> record = kind == null ? Optional.empty() : records.of(kind);
                if (record.isPresent()) {
                    query.put(name, record.get().toString());
                    slots.add(new Slot("query", name, null, kind));
                } else {
                    notes.add("query " + name + ": " + (kind == null ? "not a record of a known kind" : "no record of kind " + kind));
                }
            } else if (name.equals("year")) {
                query.put(name, String.valueOf(today.getYear() - 1));
            } else if (name.equals("asOf")) {
                query.put(name, op.path().contains("/dues") ? today.minusMonths(1).toString().substring(0, 7) : today.toString());
            }
        });
        JsonNode body = null;
        JsonNode content = operation.path("requestBody").path("content");
        if (content.has("application/json")) {
            body = value(op, content.path("application/json").path("schema"), "", "", slots, notes, 0);
        }
        String ifMatch = null;
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("header") && parameter.path("name").asText().equals("If-Match")) {
                ifMatch = currentVersion(op, path);
            }
        }
        return new Request(op, path, query, body, ifMatch, slots, notes);
    }

    /** The record's current entity tag (from a GET of the path up to its first id), so a write that needs one gets past that check. */
    private String currentVersion(SecurityMatrix.Operation op, Map<String, String> path) {
        Matcher first = Pattern.compile("^(.*?/\\{([^}]+)})").matcher(op.path());
        if (first.find()) {
            String resource = first.group(1).replace("{" + first.group(2) + "}", path.get(first.group(2)));
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(system.baseUrl(op.service()) + resource))
                        .header("Authorization", "Bearer " + adminToken).GET().build(), HttpResponse.BodyHandlers.discarding());
                Optional<String> tag = response.headers().firstValue("ETag");
                if (tag.isPresent()) {
                    return tag.get();
                }
            } catch (Exception e) {
                throw new IllegalStateException(resource, e);
            }
        }
        return "\"0\"";
    }

    /** The kind of record an id field or parameter names, by its name; null when the name does not say. */
    static String kindOf(SecurityMatrix.Operation op, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith("memberid") || n.endsWith("memberids") || n.equals("member") || n.equals("members")) {
            return "member-service:members";
        }
        if (n.equals("parentid")) {
            // the parent of what the operation creates or moves: a grid's parent grid, an organization's parent
            Matcher collection = Pattern.compile("^/api/v1/([a-z-]+)").matcher(op.path());
            return collection.find() ? "organization-service:" + collection.group(1) : null;
        }
        if (n.equals("groupid")) {
            return "organization-service:groups";
        }
        if (List.of("orgid", "organizationid", "branchid", "toorgid", "fromorgid", "hostorgid", "homeorgid", "partnerid",
                "absorbedid", "childids", "mergedintoid").contains(n)) {
            return "organization-service:organizations";
        }
        return switch (n) {
            case "fundid" -> "assistance-service:funds";
            case "beneficiaryid" -> "assistance-service:beneficiaries";
            case "caseid" -> "assistance-service:cases";
            case "campaignid" -> "assistance-service:campaigns";
            case "visitid" -> "assistance-service:visits";
            case "activityid" -> "activity-service:activities";
            case "gridid" -> "organization-service:grids";
            case "unitid" -> "organization-service:units";
            case "setid" -> "organization-service:assessment-sets";
            case "assessmentid" -> "organization-service:assessments";
            case "transferid" -> "member-service:transfers";
            default -> null;
        };
    }

    /** A schema with its $ref followed (the referring node's own keywords kept) and allOf merged. */
    JsonNode resolve(DangjianService service, JsonNode schema) {
        JsonNode current = schema;
        ObjectNode merged = JSON.createObjectNode();
        for (int i = 0; i < 10 && current != null; i++) {
            ObjectNode copy = current.isObject() ? ((ObjectNode) current).deepCopy() : JSON.createObjectNode();
            String ref = copy.path("$ref").asText(null);
            copy.remove("$ref");
            copy.fields().forEachRemaining(e -> {
                if (!merged.has(e.getKey())) {
                    merged.set(e.getKey(), e.getValue());
                }
            });
            current = ref == null ? null
                    : documents.get(service).path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (merged.has("allOf")) {
            JsonNode parts = merged.remove("allOf");
            for (JsonNode part : parts) {
                JsonNode resolved = resolve(service, part);
                resolved.fields().forEachRemaining(e -> {
                    if (e.getKey().equals("properties") && merged.has("properties")) {
                        ((ObjectNode) merged.get("properties")).setAll((ObjectNode) e.getValue());
                    } else if (!merged.has(e.getKey())) {
                        merged.set(e.getKey(), e.getValue());
                    }
                });
            }
        }
        for (String alternative : List.of("oneOf", "anyOf")) {
            if (merged.has(alternative) && merged.get(alternative).size() > 0) {
                JsonNode chosen = resolve(service, merged.remove(alternative).get(0));
                chosen.fields().forEachRemaining(e -> {
                    if (!merged.has(e.getKey())) {
                        merged.set(e.getKey(), e.getValue());
                    }
                });
            }
        }
        return merged;
    }

    String type(JsonNode schema) {
        String type = schema.path("type").asText("");
        if (type.isEmpty()) {
            return schema.has("properties") || schema.has("additionalProperties") ? "object" : schema.has("items") ? "array" : "string";
        }
        return type;
    }

    private JsonNode value(SecurityMatrix.Operation op, JsonNode raw, String name, String pointer, List<Slot> slots,
            List<String> notes, int depth) {
        JsonNode schema = resolve(op.service(), raw);
        var nodes = JSON.getNodeFactory();
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0);
        }
        switch (type(schema)) {
            case "object" -> {
                if (schema.path("properties").has("prolepticMonth")) {
                    // java.time.YearMonth, documented as its bean properties; the API reads and writes "2026-01"
                    return nodes.textNode(today.minusMonths(1).toString().substring(0, 7));
                }
                ObjectNode object = JSON.createObjectNode();
                if (depth > 6) {
                    return object;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    object.set(property.getKey(), value(op, property.getValue(), property.getKey(),
                            pointer + "/" + property.getKey(), slots, notes, depth + 1));
                }
                if (schema.path("additionalProperties").isObject() && !schema.has("properties")) {
                    object.set("TEAM", value(op, schema.get("additionalProperties"), name, pointer + "/TEAM", slots, notes, depth + 1));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = JSON.createArrayNode();
                JsonNode items = resolve(op.service(), schema.path("items"));
                int count = Math.max(1, schema.path("minItems").asInt(1));
                for (int i = 0; i < count; i++) {
                    JsonNode item = items.has("enum") && items.get("enum").size() > i ? items.get("enum").get(i)
                            : value(op, schema.path("items"), name, pointer + "/" + i, slots, notes, depth + 1);
                    array.add(item);
                }
                return array;
            }
            case "integer" -> {
                long low = schema.has("minimum") ? schema.get("minimum").asLong() : Long.MIN_VALUE;
                long high = schema.has("maximum") ? schema.get("maximum").asLong() : Long.MAX_VALUE;
                long wanted = name.toLowerCase(Locale.ROOT).contains("year") ? today.getYear() : examples(schema).map(JsonNode::asLong).orElse(1L);
                return nodes.numberNode(Math.max(low, Math.min(high, wanted)));
            }
            case "number" -> {
                BigDecimal wanted = new BigDecimal("100.00");
                if (schema.has("maximum") && schema.get("maximum").decimalValue().compareTo(wanted) < 0) {
                    wanted = schema.get("maximum").decimalValue();
                }
                if (schema.has("minimum") && schema.get("minimum").decimalValue().compareTo(wanted) > 0) {
                    wanted = schema.get("minimum").decimalValue();
                }
                return nodes.numberNode(wanted);
            }
            case "boolean" -> {
                return nodes.booleanNode(false);
            }
            default -> {
                return nodes.textNode(string(op, schema, name, pointer, slots, notes));
            }
        }
    }

    private String string(SecurityMatrix.Operation op, JsonNode schema, String name, String pointer, List<Slot> slots, List<String> notes) {
        String format = schema.path("format").asText("");
        String n = name.toLowerCase(Locale.ROOT);
        switch (format) {
            case "uuid" -> {
                String kind = kindOf(op, name);
                Optional<UUID> record = kind == null ? Optional.empty() : records.of(kind);
                if (record.isPresent()) {
                    slots.add(new Slot("body", name, pointer, kind));
                    return record.get().toString();
                }
                notes.add("body " + pointer + ": " + (kind == null ? "not a record of a known kind" : "no record of kind " + kind));
                return UUID.randomUUID().toString();
            }
            case "date" -> {
                if (n.contains("birth")) {
                    return "1980-01-01"; // as the generated national ID says
                }
                return (future(n) ? today.plusDays(20) : today.minusDays(10)).toString();
            }
            case "date-time" -> {
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0);
                return (future(n) ? now.plusDays(20).plusHours(n.contains("end") ? 2 : 0) : now.minusDays(1)).toString();
            }
            default -> {
            }
        }
        if (n.equals("nationalid")) {
            return nationalId();
        }
        Optional<String> example = examples(schema).filter(JsonNode::isTextual).map(JsonNode::asText);
        if (example.isPresent()) {
            return example.get();
        }
        String pattern = schema.path("pattern").asText("");
        if (!pattern.isEmpty() && !pattern.equals("\\S")) {
            Optional<String> generated = SimplePattern.example(pattern);
            if (generated.isPresent()) {
                return generated.get();
            }
        }
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(1000);
        StringBuilder text = new StringBuilder("测试");
        while (text.length() < min) {
            text.append('测');
        }
        return text.length() > max ? text.substring(0, Math.max(1, max)) : text.toString();
    }

    /** A valid, fictitious national ID number born 1980-01-01, different for every call. */
    static String nationalId() {
        String first17 = "350203" + "19800101" + "%03d".formatted(SEQUENCE.incrementAndGet() % 1000);
        return first17 + NationalIdNumber.checkCharacter(first17);
    }

    private static boolean future(String name) {
        return name.contains("planned") || name.contains("until") || name.contains("due") || name.startsWith("ends")
                || name.contains("end") && !name.contains("attend");
    }

    private static Optional<JsonNode> examples(JsonNode schema) {
        if (schema.path("examples").isArray() && schema.get("examples").size() > 0) {
            return Optional.of(schema.get("examples").get(0));
        }
        return schema.has("example") ? Optional.of(schema.get("example")) : Optional.empty();
    }

    static void replace(JsonNode root, String pointer, JsonNode value) {
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1);
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else if (parent instanceof ObjectNode object) {
            object.set(last, value);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A token of {@code role} for a caller scoped to the subtree (a member: the member of the subtree's records). */
    String token(String role) {
        UUID member = records.of("member-service:members").orElseThrow();
        UUID scope = role.equals("member") ? records.branchOf(member) : records.subtree();
        return org.dangjian.platform.localstack.Tokens.issue(system.stack().oidc(), "generated-" + role, role, scope, member);
    }

    /** Sends the request as it is, with a JSON body (if any) and the token. */
    Reply send(Request request, String token) {
        return send(request.op(), request.path(), request.body() == null ? null : request.body().toString().getBytes(StandardCharsets.UTF_8),
                request.body() == null ? null : "application/json", request.ifMatch(), token);
    }

    /** Sends raw bytes as the body of the operation (none for GET and DELETE unless given). */
    Reply send(SecurityMatrix.Operation op, String pathAndQuery, byte[] body, String contentType, String ifMatch, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.baseUrl(op.service()) + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (body != null && body.length > 1_000_000) {
            return sendLarge(op, pathAndQuery, body, contentType, ifMatch, token);
        }
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
        request.method(op.method().toUpperCase(Locale.ROOT), publisher);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (Exception e) {
            return new Reply(-1, "", "no answer: " + e);
        }
    }

    /**
     * A large body as a careful client sends it: headers with {@code Expect: 100-continue} first, the body only
     * if the server asks for it. A server that refuses by Content-Length answers at once and closes the
     * connection; the JDK client then waits for ever on JDK 17 (its timeout does not cover that case), so
     * this speaks HTTP/1.1 on a socket with a read timeout.
     */
    private Reply sendLarge(SecurityMatrix.Operation op, String pathAndQuery, byte[] body, String contentType, String ifMatch,
            String token) {
        URI uri = URI.create(system.baseUrl(op.service()) + pathAndQuery);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(op.method().toUpperCase(Locale.ROOT) + " " + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                    .append("Authorization: Bearer ").append(token).append("\r\n")
                    .append("Content-Length: ").append(body.length).append("\r\n")
                    .append("Expect: 100-continue\r\nConnection: close\r\n");
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            if (ifMatch != null) {
                head.append("If-Match: ").append(ifMatch).append("\r\n");
            }
            java.io.OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            java.io.BufferedInputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            RawResponse response = RawResponse.read(in);
            if (response.status() == 100) {
                out.write(body);
                out.flush();
                response = RawResponse.read(in);
            }
            return new Reply(response.status(), response.contentType(), response.body());
        } catch (Exception e) {
            return new Reply(-1, "", "no answer: " + e);
        }
    }

    /** One HTTP/1.1 response read from a stream: status line, headers, a Content-Length body (or none). */
    private record RawResponse(int status, String contentType, String body) {

        static RawResponse read(java.io.InputStream in) throws java.io.IOException {
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            String contentType = "";
            int length = 0;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                if (name.equals("content-type")) {
                    contentType = value;
                } else if (name.equals("content-length")) {
                    length = Integer.parseInt(value);
                }
            }
            return new RawResponse(status, contentType, new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }

        private static String line(java.io.InputStream in) throws java.io.IOException {
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * Minimal instances of simple regular expressions: literals, escapes \d \w, character classes with ranges,
     * groups, the first alternative, quantifiers ? * + {n} {n,m}. Anything else: empty (use the default text).
     */
    static final class SimplePattern {
        private final String p;
        private int i;

        private SimplePattern(String pattern) {
            this.p = pattern.startsWith("^") ? pattern.substring(1) : pattern;
        }

        static Optional<String> example(String pattern) {
            try {
                SimplePattern parser = new SimplePattern(pattern.endsWith("$") ? pattern.substring(0, pattern.length() - 1) : pattern);
                String out = parser.alternatives();
                return parser.i == parser.p.length() && Pattern.matches(pattern, out) ? Optional.of(out) : Optional.empty();
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }

        private String alternatives() {
            String first = sequence();
            while (i < p.length() && p.charAt(i) == '|') {
                i++;
                sequence();
            }
            return first;
        }

        private String sequence() {
            StringBuilder out = new StringBuilder();
            while (i < p.length() && p.charAt(i) != '|' && p.charAt(i) != ')') {
                String atom = atom();
                int times = quantifier();
                out.append(atom.repeat(times));
            }
            return out.toString();
        }

        private String atom() {
            char c = p.charAt(i++);
            switch (c) {
                case '(' -> {
                    if (p.startsWith("?:", i)) {
                        i += 2;
                    }
                    String inner = alternatives();
                    i++; // ')'
                    return inner;
                }
                case '[' -> {
                    String chosen = null;
                    boolean negated = p.charAt(i) == '^';
                    if (negated) {
                        throw new IllegalArgumentException("negated class");
                    }
                    while (p.charAt(i) != ']') {
                        char d = p.charAt(i++);
                        if (d == '\\') {
                            d = escaped(p.charAt(i++));
                        }
                        if (chosen == null) {
                            chosen = String.valueOf(d);
                        }
                        if (p.charAt(i) == '-' && p.charAt(i + 1) != ']') {
                            i += 2;
                        }
                    }
                    i++;
                    return chosen;
                }
                case '\\' -> {
                    return String.valueOf(escaped(p.charAt(i++)));
                }
                case '.' -> {
                    return "a";
                }
                default -> {
                    return String.valueOf(c);
                }
            }
        }

        private static char escaped(char c) {
            return switch (c) {
                case 'd' -> '1';
                case 'w' -> 'a';
                case 'S' -> '测';
                case 's' -> ' ';
                default -> c;
            };
        }

        private int quantifier() {
            if (i >= p.length()) {
                return 1;
            }
            char c = p.charAt(i);
            if (c == '?' || c == '*') {
                i++;
                return c == '?' ? 1 : 1;
            }
            if (c == '+') {
                i++;
                return 1;
            }
            if (c == '{') {
                int end = p.indexOf('}', i);
                String[] bounds = p.substring(i + 1, end).split(",");
                i = end + 1;
                return Integer.parseInt(bounds[0].trim());
            }
            return 1;
        }
    }
}
