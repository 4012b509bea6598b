package org.dangjian.platform.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Real bearer tokens from the stack's OIDC issuer, for a given role and data scope. */
public final class Tokens {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Tokens() {
    }

    public static String issue(String role, UUID orgId) {
        return issue(LocalStack.shared().oidc(), "test-" + role, role, orgId, null);
    }

    public static String issue(String role, UUID orgId, UUID memberId) {
        return issue(LocalStack.shared().oidc(), "test-" + role, role, orgId, memberId);
    }

    /** A platform-admin token from the real issuer, signed and addressed correctly, but long expired. */
    public static String expired(OidcIssuer issuer) {
        return forClient(issuer, OidcIssuer.EXPIRED_CLIENT);
    }

    /** A token from a named client of the issuer (for example a demo user with fixed claims). */
    public static String forClient(OidcIssuer issuer, String clientId) {
        return request(issuer, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", "secret", "scope", "openid"));
    }

    public static String issue(OidcIssuer issuer, String clientId, String role, UUID orgId, UUID memberId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", "secret");
        form.put("scope", "openid");
        form.put("role", role);
        form.put("org_id", orgId == null ? OidcIssuer.NONE : orgId.toString());
        form.put("member_id", memberId == null ? OidcIssuer.NONE : memberId.toString());
        return request(issuer, form);
    }

    private static String request(OidcIssuer issuer, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(issuer.tokenEndpoint()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request failed: " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body()).get("access_token").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("token request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
