package org.dangjian.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One list contract (issue 24), checked from the four OpenAPI documents and then against the running system. Every
 * GET whose answer is a list must answer the platform's envelope {@code {items, nextCursor}} (the work queue adds
 * {@code counts}) and take {@code cursor} and {@code size}; none may answer a bare array or page numbers and totals.
 * Each list is then called on real records of one subtree with a token of a role it allows: {@code size=1} pages
 * walked by cursor never repeat an item, and {@code size=0}, {@code size=201} and a forged cursor are 400
 * INVALID_PARAMETER naming the parameter.
 */
final class ListContract {

    /** Envelope fields of a former list shape: a list that still has one of these is not on the contract. */
    private static final Set<String> OTHER_SHAPES = Set.of("page", "total", "hasMore", "next", "branches");
    private static final int PAGES_WALKED = 3;

    record Finding(String operation, String why) {
        @Override
        public String toString() {
            return operation + ": " + why;
        }
    }

    /** {@code lists}: operations that answer a list; {@code walked}: those whose pages were walked on real records. */
    record Result(List<String> lists, List<String> walked, List<Finding> violations, List<Finding> notExercised) {
    }

    private final LocalSystem system;
    private final RequestGenerator generator;

    ListContract(LocalSystem system, UUID subtree) {
        this.system = system;
        this.generator = new RequestGenerator(system, new SubtreeRecords(system, subtree));
    }

    Result run(List<SecurityMatrix.Operation> operations) {
        List<String> lists = new ArrayList<>();
        List<String> walked = new ArrayList<>();
        List<Finding> violations = new ArrayList<>();
        List<Finding> notExercised = new ArrayList<>();
        Map<String, String> tokens = new LinkedHashMap<>();
        for (SecurityMatrix.Operation op : operations) {
            if (!op.method().equals("get")) {
                continue;
            }
            String name = op.service().module() + " GET " + op.path();
            JsonNode answer = generator.resolve(op.service(), generator.operation(op).path("responses").path("200")
                    .path("content").path("application/json").path("schema"));
            if (answer.path("type").asText().equals("array")) {
                violations.add(new Finding(name, "answers a bare array"));
                continue;
            }
            if (!answer.path("properties").has("items")) {
                continue; // one record, a report or a file
            }
            lists.add(name);
            Optional<String> shape = shapeViolation(op, answer);
            if (shape.isPresent()) {
                violations.add(new Finding(name, shape.get()));
                continue;
            }
            String role = BodyScopeMatrix.SCOPED_ROLES.stream().filter(op.roles()::contains).findFirst()
                    .orElse(op.roles().isEmpty() ? "platform-admin" : op.roles().get(0));
            String token = role.equals("platform-admin") ? system.adminToken() : tokens.computeIfAbsent(role, generator::token);
            RequestGenerator.Request request = generator.request(op);
            walk(op, name, request, token, walked, violations, notExercised);
        }
        return new Result(lists, walked, violations, notExercised);
    }

    private Optional<String> shapeViolation(SecurityMatrix.Operation op, JsonNode envelope) {
        Set<String> fields = new HashSet<>();
        envelope.path("properties").fieldNames().forEachRemaining(fields::add);
        if (!fields.contains("nextCursor")) {
            return Optional.of("envelope without nextCursor: " + fields);
        }
        for (String other : OTHER_SHAPES) {
            if (fields.contains(other)) {
                return Optional.of("envelope of another shape, with '" + other + "': " + fields);
            }
        }
        Set<String> parameters = new HashSet<>();
        for (JsonNode parameter : generator.operation(op).path("parameters")) {
            if (parameter.path("in").asText().equals("query")) {
                parameters.add(parameter.path("name").asText());
            }
        }
        if (!parameters.containsAll(Set.of("cursor", "size")) || parameters.contains("after") || parameters.contains("page")) {
            return Optional.of("paging parameters " + parameters + " instead of cursor and size");
        }
        return Optional.empty();
    }

    private void walk(SecurityMatrix.Operation op, String name, RequestGenerator.Request request, String token,
            List<String> walked, List<Finding> violations, List<Finding> notExercised) {
        String base = request.path();
        RequestGenerator.Reply first = get(op, base, "size=1", token);
        if (first.status() != 200) {
            notExercised.add(new Finding(name, first.status() + " " + first.code() + " " + request.notes()));
            return;
        }
        Set<String> seen = new HashSet<>();
        RequestGenerator.Reply page = first;
        for (int i = 0; i < PAGES_WALKED; i++) {
            JsonNode body = read(page);
            JsonNode items = body.path("items");
            if (!items.isArray() || items.size() > 1 || !body.has("nextCursor")) {
                violations.add(new Finding(name, "size=1 answered " + page.head()));
                return;
            }
            for (JsonNode item : items) {
                if (!seen.add(item.toString())) {
                    violations.add(new Finding(name, "page " + (i + 1) + " repeats " + item));
                    return;
                }
            }
            if (body.path("nextCursor").isNull()) {
                break;
            }
            page = get(op, base, "size=1&cursor=" + RequestGenerator.encode(body.path("nextCursor").asText()), token);
            if (page.status() != 200) {
                violations.add(new Finding(name, "its own nextCursor answered " + page.status() + " " + page.code()));
                return;
            }
        }
        refused(op, name, base, "size=0", "size", token, violations);
        refused(op, name, base, "size=201", "size", token, violations);
        refused(op, name, base, "cursor=bm90LWEtY3Vyc29y", "cursor", token, violations);
        walked.add(name);
    }

    private void refused(SecurityMatrix.Operation op, String name, String base, String query, String parameter, String token,
            List<Finding> violations) {
        RequestGenerator.Reply reply = get(op, base, query, token);
        JsonNode errors = read(reply).path("errors");
        boolean names = false;
        for (JsonNode error : errors) {
            names |= error.path("field").asText().equals(parameter);
        }
        if (reply.status() != 400 || !reply.code().equals("INVALID_PARAMETER") || !names) {
            violations.add(new Finding(name, query + " answered " + reply.status() + " " + reply.head()));
        }
    }

    private RequestGenerator.Reply get(SecurityMatrix.Operation op, String base, String query, String token) {
        return generator.send(op, base + (base.contains("?") ? "&" : "?") + query, null, null, null, token);
    }

    private static JsonNode read(RequestGenerator.Reply reply) {
        try {
            return RequestGenerator.JSON.readTree(reply.body());
        } catch (Exception e) {
            return RequestGenerator.JSON.createObjectNode();
        }
    }
}
