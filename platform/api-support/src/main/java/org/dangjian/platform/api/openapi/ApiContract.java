package org.dangjian.platform.api.openapi;

import org.dangjian.platform.api.Problem;
import org.dangjian.platform.api.access.RateLimiter;
import org.dangjian.platform.api.idempotency.Idempotent;
import org.dangjian.platform.api.input.JsonInputRules;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What every service's OpenAPI document promises beyond its resources' own annotations, written once so
 * that a generated client sees the same contract everywhere (issue 24): an {@code operationId} per
 * operation, the problem+json answers each operation can give, the rate-limit fields of writes, the
 * bounds the platform enforces on every value it reads, and the server clients call.
 *
 * <p>Nothing here promises more than the platform does: strings without their own limit are bounded by
 * {@link JsonInputRules#MAX_STRING_LENGTH}, arrays by {@link JsonInputRules#MAX_ARRAY_ITEMS} and integers
 * by their format, all refused with 400 when exceeded.
 */
public class ApiContract implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    static final String IDEMPOTENCY_KEY = "IdempotencyKey";
    private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    /** The problem answers, each a component response; which ones an operation gets depends on what it does. */
    enum Answer {
        BAD_REQUEST("400", "BadRequest", "the request is malformed or a value is invalid (VALIDATION_FAILED, "
                + "MALFORMED_REQUEST_BODY, INVALID_PARAMETER, …)"),
        UNAUTHORIZED("401", "Unauthorized", "no valid bearer token"),
        FORBIDDEN("403", "Forbidden", "the token's roles do not allow this operation"),
        NOT_FOUND("404", "NotFound", "no such record in the caller's data scope: unknown and out-of-scope ids answer alike"),
        CONFLICT("409", "Conflict", "the record changed meanwhile or is not in a state that allows this "
                + "(CONCURRENT_MODIFICATION, …_NOT_OPEN, …)"),
        PRECONDITION_FAILED("412", "PreconditionFailed", "If-Match names an earlier version (ETag) of the record"),
        TOO_LARGE("413", "ContentTooLarge", "the body exceeds the service's limit"),
        UNPROCESSABLE("422", "UnprocessableContent", "the request is well-formed but a domain rule refuses it; "
                + "the problem's code names the rule"),
        TOO_MANY_REQUESTS("429", "TooManyRequests", "the caller's write or bulk allowance is used up: retry after "
                + "Retry-After seconds (RATE_LIMITED)"),
        SERVER_ERROR("500", "InternalServerError", "an unexpected failure; nothing was changed");

        final String status;
        final String component;
        final String description;

        Answer(String status, String component, String description) {
            this.status = status;
            this.component = component;
            this.description = description;
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema(FIELD_ERROR, fieldErrorSchema());
        components.addSchema(PROBLEM, problemSchema());
        for (Answer answer : Answer.values()) {
            components.addResponse(answer.component, problemResponse(answer));
        }
        components.addHeader(RateLimiter.Quota.HEADER, header("what is left of the caller's allowance: "
                + "\"writes\";r=<remaining>;t=<seconds until whole again> (IETF RateLimit fields); sent on "
                + "writes and bulk operations", "^\"[a-z]+\";r=[0-9]+;t=[0-9]+$"));
        components.addHeader(RateLimiter.Quota.POLICY_HEADER, header("the caller's allowance: "
                + "\"writes\";q=<requests>;w=60 (per minute)", "^\"[a-z]+\";q=[0-9]+;w=[0-9]+$"));
        components.addParameter(IDEMPOTENCY_KEY, OASFactory.createParameter().name(Idempotent.HEADER)
                .in(Parameter.In.HEADER).required(false)
                .description("Makes this write safe to retry: the same key and request return the first answer "
                        + "(header Idempotent-Replayed: true) and change nothing; the same key with another request is "
                        + "422 IDEMPOTENCY_KEY_REUSED. 8–100 visible ASCII characters, e.g. a UUID.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(8).maxLength(100)
                        .pattern("^[\\x21-\\x7e]{8,100}$")));
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) ->
                    item.getOperations().forEach((method, operation) -> complete(path, method, operation)));
        }
        bound(openAPI);
        server(openAPI);
    }

    private static void complete(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getOperationId() == null) {
            operation.setOperationId(operationId(method, path));
        }
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean write = WRITES.contains(method);
        List<Answer> answers = new ArrayList<>(List.of(Answer.BAD_REQUEST, Answer.UNAUTHORIZED, Answer.FORBIDDEN));
        if (path.contains("{")) {
            answers.add(Answer.NOT_FOUND);
        }
        if (write) {
            answers.addAll(List.of(Answer.CONFLICT, Answer.TOO_LARGE, Answer.UNPROCESSABLE, Answer.TOO_MANY_REQUESTS));
            if (method != PathItem.HttpMethod.POST) {
                answers.add(Answer.PRECONDITION_FAILED);
            }
        }
        answers.add(Answer.SERVER_ERROR);
        for (Answer answer : answers) {
            APIResponse documented = responses.getAPIResponse(answer.status);
            // SmallRye's own 401/403 of a secured operation say nothing of the body: the problem answer replaces them.
            if (documented == null || documented.getRef() == null && documented.getContent() == null) {
                responses.addAPIResponse(answer.status, OASFactory.createAPIResponse()
                        .ref("#/components/responses/" + answer.component));
            }
        }
        if (write) {
            // Every write honours the key (the platform's @Idempotent on each resource, ServiceConventionsContract).
            operation.addParameter(OASFactory.createParameter().ref("#/components/parameters/" + IDEMPOTENCY_KEY));
            // Inline answers of writes carry the rate-limit fields; referenced problem answers have them in their component.
            responses.getAPIResponses().forEach((status, response) -> {
                if (response.getRef() == null && (status.startsWith("2") || status.startsWith("4"))) {
                    rateLimitHeaders(response);
                }
            });
        }
    }

    /** {@code GET /members/{memberId}/transfers} becomes {@code getMembersByMemberIdTransfers}: unique, stable, readable. */
    static String operationId(PathItem.HttpMethod method, String path) {
        StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals("api") || segment.matches("v[0-9]+")) {
                continue;
            }
            if (segment.startsWith("{")) {
                id.append("By");
                segment = segment.substring(1, segment.length() - 1);
            }
            for (String word : segment.split("[^A-Za-z0-9]+")) {
                if (!word.isEmpty()) {
                    id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
        }
        return id.toString();
    }

    private static APIResponse problemResponse(Answer answer) {
        APIResponse response = OASFactory.createAPIResponse().description(answer.description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM))));
        if (answer == Answer.TOO_MANY_REQUESTS) {
            response.addHeader("Retry-After", OASFactory.createHeader().description("seconds until the allowance has a request again")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int64")
                            .minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(3600))));
        }
        if (answer.status.startsWith("4")) {
            rateLimitHeaders(response);
        }
        return response;
    }

    private static void rateLimitHeaders(APIResponse response) {
        for (String name : List.of(RateLimiter.Quota.HEADER, RateLimiter.Quota.POLICY_HEADER)) {
            if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
                response.addHeader(name, OASFactory.createHeader().ref("#/components/headers/" + name));
            }
        }
    }

    private static Header header(String description, String pattern) {
        return OASFactory.createHeader().description(description).schema(OASFactory.createSchema()
                .addType(Schema.SchemaType.STRING).pattern(pattern).maxLength(200));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details with a stable code; title and detail in zh-CN or en by Accept-Language")
                .addRequired("type").addRequired("title").addRequired("status").addRequired("code")
                .addProperty("type", text("urn:dangjian:problem:<code>", 200).pattern("^urn:dangjian:problem:[A-Z0-9_]+$"))
                .addProperty("title", text("a short, localized summary of the problem", 500))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)))
                .addProperty("detail", text("a localized explanation of this occurrence", 2000))
                .addProperty("instance", text("the request path", 2000).format("uri-reference"))
                .addProperty("code", text("stable, machine-readable; clients branch on it", 100).pattern("^[A-Z0-9_]+$"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .maxItems(JsonInputRules.MAX_ARRAY_ITEMS)
                        .items(OASFactory.createSchema().ref("#/components/schemas/" + FIELD_ERROR)));
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description("one invalid field")
                .addRequired("field").addRequired("code")
                .addProperty("field", text("where: a JSON-pointer-like path or a parameter name", 500))
                .addProperty("code", text("the rule it broke, e.g. NotNull, DUPLICATE_FIELD", 100).pattern("^[A-Za-z0-9_]+$"))
                .addProperty("message", text("localized", 2000));
    }

    private static Schema text(String description, int maxLength) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description).maxLength(maxLength);
    }

    /** Every schema in the document, each once, gets the bounds the platform enforces where it names none of its own. */
    private static void bound(OpenAPI openAPI) {
        Map<Schema, Boolean> seen = new IdentityHashMap<>();
        List<Schema> roots = new ArrayList<>();
        if (openAPI.getComponents().getSchemas() != null) {
            roots.addAll(openAPI.getComponents().getSchemas().values());
        }
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> {
                if (item.getParameters() != null) {
                    item.getParameters().forEach(p -> addSchemas(p, roots));
                }
                item.getOperations().values().forEach(operation -> {
                    if (operation.getParameters() != null) {
                        operation.getParameters().forEach(p -> addSchemas(p, roots));
                    }
                    RequestBody body = operation.getRequestBody();
                    if (body != null) {
                        addSchemas(body.getContent(), roots);
                    }
                    if (operation.getResponses() != null) {
                        operation.getResponses().getAPIResponses().values().forEach(r -> addSchemas(r.getContent(), roots));
                    }
                });
            });
        }
        roots.forEach(schema -> bound(schema, seen));
    }

    private static void addSchemas(Parameter parameter, List<Schema> into) {
        if (parameter.getSchema() != null) {
            into.add(parameter.getSchema());
        }
        addSchemas(parameter.getContent(), into);
    }

    private static void addSchemas(Content content, List<Schema> into) {
        if (content != null && content.getMediaTypes() != null) {
            for (MediaType media : content.getMediaTypes().values()) {
                if (media.getSchema() != null) {
                    into.add(media.getSchema());
                }
            }
        }
    }

    private static void bound(Schema schema, Map<Schema, Boolean> seen) {
        if (schema == null || seen.put(schema, Boolean.TRUE) != null || schema.getRef() != null) {
            return;
        }
        List<Schema.SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
        if (types.contains(Schema.SchemaType.STRING) && schema.getMaxLength() == null && schema.getEnumeration() == null
                && schema.getConstValue() == null) {
            schema.setMaxLength(maxLength(schema.getFormat()));
        }
        if (types.contains(Schema.SchemaType.INTEGER)) {
            boolean int32 = "int32".equals(schema.getFormat());
            if (schema.getFormat() == null) {
                schema.setFormat("int64");
            }
            if (schema.getMinimum() == null && schema.getExclusiveMinimum() == null) {
                schema.setMinimum(BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE));
            }
            if (schema.getMaximum() == null && schema.getExclusiveMaximum() == null) {
                schema.setMaximum(BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
            }
        }
        if (types.contains(Schema.SchemaType.ARRAY) && schema.getMaxItems() == null) {
            schema.setMaxItems(JsonInputRules.MAX_ARRAY_ITEMS);
        }
        bound(schema.getItems(), seen);
        bound(schema.getNot(), seen);
        if (schema.getAdditionalPropertiesSchema() != null) {
            bound(schema.getAdditionalPropertiesSchema(), seen);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> bound(p, seen));
        }
        for (List<Schema> group : new ArrayList<List<Schema>>(java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(),
                schema.getOneOf()))) {
            if (group != null) {
                group.forEach(s -> bound(s, seen));
            }
        }
    }

    /** The longest text of a format, or the platform's cap on any string it reads. */
    static int maxLength(String format) {
        if (format == null) {
            return JsonInputRules.MAX_STRING_LENGTH;
        }
        return switch (format) {
            case "uuid" -> 36;
            case "date" -> 10;
            case "date-time" -> 35;
            case "time", "local-time" -> 18;
            case "duration" -> 100;
            default -> JsonInputRules.MAX_STRING_LENGTH;
        };
    }

    /** The one production server of this service: its own host on the ingress (deploy/k8s overlays/prod). */
    private static void server(OpenAPI openAPI) {
        var config = ConfigProvider.getConfig();
        String url = config.getOptionalValue("dangjian.openapi.server-url", String.class).orElse(null);
        if (url == null) {
            return;
        }
        // x-internal false: other government systems and the mobile apps call it over the public ingress.
        openAPI.setServers(new ArrayList<>(List.of(OASFactory.createServer().url(url)
                .description(config.getOptionalValue("dangjian.openapi.server-description", String.class)
                        .orElse("production"))
                .addExtension("x-internal", false))));
    }
}
