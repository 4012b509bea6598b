package org.dangjian.platform.localstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real OIDC issuer (navikt mock-oauth2-server) in a child JVM: discovery, JWKS and RS256 tokens
 * shaped like the production Keycloak realm's ({@code realm_access.roles}, {@code org_id},
 * {@code member_id}, audience {@code dangjian-api}).
 *
 * <p>Named clients get fixed claims (the demo users). Any other client id gets the claims it asks
 * for through the token request's {@code role}, {@code org_id} and {@code member_id} form
 * parameters, which is how tests obtain a token for each role and organization they need.
 */
public final class OidcIssuer implements AutoCloseable {

    public static final String REALM = "dangjian";
    public static final String AUDIENCE = "dangjian-api";
    /** The client whose tokens, correctly signed and addressed, expired long ago (2001-09-09). */
    public static final String EXPIRED_CLIENT = "expired-token";
    /** Filled in by the issuer when a token request leaves a claim out. */
    public static final String NONE = "none";

    /** A demo user or service account with fixed claims. */
    public record Client(String clientId, List<String> roles, String orgId, String memberId) {
    }

    private final int port;
    private final Path log;
    private final List<Client> clients;
    private ChildProcess issuer;

    OidcIssuer(Path workDir, int port, List<Client> clients) {
        this.port = port;
        this.log = workDir.resolve("logs/oidc.log");
        this.clients = List.copyOf(clients);
    }

    synchronized void start() {
        issuer = new ChildProcess("oidc", log, List.of("-Xmx256m", "-XX:+UseSerialGC"),
                RuntimeClasspath.of("oidc-runtime"), "no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt",
                List.of(), Map.of("SERVER_PORT", String.valueOf(port), "JSON_CONFIG", configuration()));
        issuer.start();
        HttpClient http = HttpClient.newHttpClient();
        Ports.await("OIDC issuer on port " + port, Duration.ofSeconds(90), () -> {
            if (!issuer.isAlive()) {
                throw new IllegalStateException("OIDC issuer exited; see " + log);
            }
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(issuerUrl() + "/.well-known/openid-configuration"))
                        .timeout(Duration.ofSeconds(2)).build();
                return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** The issuer URL; tokens carry it as {@code iss}, so callers must use this exact host. */
    public String issuerUrl() {
        return "http://127.0.0.1:" + port + "/" + REALM;
    }

    public String tokenEndpoint() {
        return issuerUrl() + "/token";
    }

    public int port() {
        return port;
    }

    private String configuration() {
        List<Map<String, Object>> mappings = new ArrayList<>();
        for (Client client : clients) {
            mappings.add(mapping(client.clientId(), claims(client.clientId(), client.roles(), client.orgId(), client.memberId())));
        }
        Map<String, Object> expired = claims(EXPIRED_CLIENT, List.of("platform-admin"), null, null);
        // Explicit claims override the issuer's own times: everything valid except the expiry.
        expired.put("iat", 999_990_000L);
        expired.put("nbf", 999_990_000L);
        expired.put("exp", 1_000_000_000L);
        mappings.add(mapping(EXPIRED_CLIENT, expired));
        mappings.add(mapping("*", claims("${clientId}", List.of("${role}"), "${org_id}", "${member_id}")));
        Map<String, Object> callback = new LinkedHashMap<>();
        callback.put("issuerId", REALM);
        callback.put("tokenExpiry", 3600);
        callback.put("requestMappings", mappings);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("interactiveLogin", false);
        config.put("httpServer", "NettyWrapper");
        config.put("tokenCallbacks", List.of(callback));
        try {
            return new ObjectMapper().writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> mapping(String match, Map<String, Object> claims) {
        Map<String, Object> mapping = new LinkedHashMap<>();
        mapping.put("requestParam", "client_id");
        mapping.put("match", match);
        mapping.put("claims", claims);
        return mapping;
    }

    private static Map<String, Object> claims(String subject, List<String> roles, String orgId, String memberId) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        claims.put("preferred_username", subject);
        claims.put("aud", List.of(AUDIENCE));
        claims.put("realm_access", Map.of("roles", roles));
        claims.put("org_id", orgId == null ? NONE : orgId);
        claims.put("member_id", memberId == null ? NONE : memberId);
        return claims;
    }

    @Override
    public synchronized void close() {
        if (issuer != null) {
            issuer.close();
        }
    }
}
