package org.dangjian.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dangjian.platform.localstack.OidcIssuer;
import org.dangjian.platform.localstack.Tokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Every operation of every service's OpenAPI document × forged or missing credentials and the
 * wrong role: read from the documents, so an endpoint added later cannot be forgotten.
 */
final class SecurityMatrix {

    static final List<String> ROLES = List.of("platform-admin", "org-admin", "branch-secretary", "member", "auditor", "integration");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = RequestGenerator.HTTP;
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    record Operation(DangjianService service, String method, String path, String contentType, List<String> roles) {
    }

    record Outcome(Operation operation, String credential, int expected, int actual) {
        boolean passed() {
            return expected == actual;
        }

        @Override
        public String toString() {
            return "%s %s %s [%s] expected %d, got %d".formatted(operation.service().module(), operation.method().toUpperCase(),
                    operation.path(), credential, expected, actual);
        }
    }

    private final LocalSystem system;
    private final String validToken;

    SecurityMatrix(LocalSystem system) {
        this.system = system;
        this.validToken = system.adminToken();
    }

    List<Operation> operations() throws Exception {
        List<Operation> operations = new ArrayList<>();
        for (DangjianService service : DangjianService.values()) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create(system.baseUrl(service) + "/q/openapi?format=json")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode paths = JSON.readTree(response.body()).path("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    if (!METHODS.contains(op.getKey())) {
                        continue;
                    }
                    operations.add(new Operation(service, op.getKey(), path.getKey(), contentType(op.getValue()), roles(op.getValue())));
                }
            }
        }
        return operations;
    }

    List<Outcome> run(List<Operation> operations) throws Exception {
        Map<String, String> credentials = Map.of(
                "no token", "",
                "expired token", Tokens.expired(system.stack().oidc()),
                "alg none", unsigned(),
                "signed by another key", signedByAnotherKey(),
                "tampered claims", tampered());
        List<Outcome> outcomes = new ArrayList<>();
        for (Operation operation : operations) {
            for (Map.Entry<String, String> credential : credentials.entrySet()) {
                outcomes.add(new Outcome(operation, credential.getKey(), 401, call(operation, credential.getValue())));
            }
            wrongRole(operation).ifPresent(role -> {
                String token = Tokens.issue(system.stack().oidc(), "matrix-" + role, role, UUID.randomUUID(), UUID.randomUUID());
                outcomes.add(new Outcome(operation, "wrong role " + role, 403, call(operation, token)));
            });
        }
        return outcomes;
    }

    private static java.util.Optional<String> wrongRole(Operation operation) {
        if (operation.roles().isEmpty()) {
            return java.util.Optional.empty();
        }
        return ROLES.stream().filter(r -> !operation.roles().contains(r)).findFirst();
    }

    private int call(Operation operation, String token) {
        try {
            return HTTP.send(request(system.baseUrl(operation.service()), operation, concrete(operation.path()), token),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(operation + ": " + e, e);
        }
    }

    /**
     * The operation's request on a concrete path with a bearer token ("" for none) and an empty body of its
     * content type. Writes carry a stale If-Match, so those that require one get past that check too.
     */
    static HttpRequest request(String baseUrl, Operation operation, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString(operation.contentType().contains("json") ? "{}" : "");
        switch (operation.method()) {
            case "get" -> request.GET();
            case "delete" -> request.DELETE();
            default -> request.header("Content-Type", operation.contentType()).header("If-Match", "\"0\"")
                    .method(operation.method().toUpperCase(), body);
        }
        return request.build();
    }

    /** Path parameters filled with values of the right shape, so the request reaches the security check. */
    static String concrete(String path) {
        return path.replaceAll("\\{[^}]*(year)[^}]*}", "2026")
                .replaceAll("\\{(partition|offset)}", "0")
                .replaceAll("\\{topic}", "dangjian.organization.v1.member-service.dlq")
                .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private static String contentType(JsonNode operation) {
        Iterator<String> types = operation.path("requestBody").path("content").fieldNames();
        return types.hasNext() ? types.next() : "application/json";
    }

    /** The roles @RolesAllowed grants, as SmallRye OpenAPI lists them in the operation's security requirement. */
    private static List<String> roles(JsonNode operation) {
        List<String> roles = new ArrayList<>();
        for (JsonNode requirement : operation.path("security")) {
            for (JsonNode scopes : requirement) {
                scopes.forEach(scope -> roles.add(scope.asText()));
            }
        }
        return roles;
    }

    private String unsigned() {
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(claims().toString()) + ".";
    }

    private String signedByAnotherKey() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        String header = JSON.readTree(Base64.getUrlDecoder().decode(validToken.split("\\.")[0])).toString();
        String input = encode(header) + "." + encode(claims().toString());
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(keys.getPrivate());
        rs256.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
    }

    /** A real token whose payload was edited (here: made platform-admin) after signing. */
    private String tampered() {
        String[] parts = validToken.split("\\.");
        return parts[0] + "." + encode(claims().toString()) + "." + parts[2];
    }

    private ObjectNode claims() {
        try {
            ObjectNode claims = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(validToken.split("\\.")[1]));
            claims.put("sub", "intruder");
            claims.put("exp", Instant.now().plusSeconds(3600).getEpochSecond());
            claims.putObject("realm_access").putArray("roles").add("platform-admin");
            claims.put("org_id", OidcIssuer.NONE);
            return claims;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
