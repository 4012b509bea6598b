package org.dangjian.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves the realm export on the real server: Keycloak's distribution (from Maven Central) imports
 * the dev overlay's import directory (dangjian-realm.json, the same file production imports, plus the
 * dev-only dangjian-users-0.json) exactly as the Kubernetes Deployment does (--import-realm, with the
 * keycloak-config ConfigMap as environment), and issues tokens with the claims the services verify.
 * Runs on loopback ports with an in-memory database. Its first start on a machine includes Keycloak's
 * build step: about 20 s when idle, a few minutes on 2 busy cores.
 */
class KeycloakRealmImportTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = UUID.randomUUID().toString();
    private static Process keycloak;
    private static String base;

    @BeforeAll
    static void startKeycloakWithTheRealmImport() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("keycloak.skip"), "-Dkeycloak.skip=true");
        Path home = Path.of(System.getProperty("keycloak.home")).toAbsolutePath();
        Path importDir = home.resolve("data/import");
        if (Files.isDirectory(importDir)) {
            try (var old = Files.list(importDir)) {
                for (Path f : old.toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(importDir);
        RealmImport dev = RealmImport.overlay("dev");
        for (Map.Entry<String, String> file : dev.files().entrySet()) {
            Files.writeString(importDir.resolve(file.getKey()), file.getValue());
        }
        int http = freePort();
        int management = freePort();
        base = "http://127.0.0.1:" + http;
        Path log = home.resolve("keycloak-test.log");
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                "--db=dev-mem", "--http-host=127.0.0.1", "--http-port=" + http,
                "--http-management-port=" + management, "--hostname-strict=false")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // What the Deployment takes from keycloak-config: the realm import's placeholders resolve from it.
        pb.environment().put("DANGJIAN_WEB_URL", dev.env("DANGJIAN_WEB_URL").orElseThrow());
        pb.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        keycloak = pb.start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(8));
        while (!discoveryAnswers()) {
            if (!keycloak.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Keycloak did not start with the realm; see " + log);
            }
            Thread.sleep(1000);
        }
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            keycloak.descendants().forEach(ProcessHandle::destroy);
            keycloak.destroy();
        }
    }

    @Test
    void anIntegrationsServiceAccountGetsATokenShapedForTheServices() throws Exception {
        String admin = adminToken();
        String clientUuid = get(admin, "/admin/realms/dangjian/clients?clientId=integration-civil-affairs").get(0).get("id").asText();
        String secret = get(admin, "/admin/realms/dangjian/clients/" + clientUuid + "/client-secret").get("value").asText();
        assertFalse(secret.isBlank(), "Keycloak generated the client secret at import");

        // Operations give the service account the organization it acts for (deploy/README.md).
        ObjectNode account = (ObjectNode) get(admin, "/admin/realms/dangjian/clients/" + clientUuid + "/service-account-user");
        String orgId = UUID.randomUUID().toString();
        account.putObject("attributes").putArray("org_id").add(orgId);
        send(admin, "PUT", "/admin/realms/dangjian/users/" + account.get("id").asText(), account.toString());

        JsonNode claims = claims(token(Map.of("grant_type", "client_credentials", "client_id", "integration-civil-affairs",
                "client_secret", secret)));
        assertEquals(base + "/realms/dangjian", claims.get("iss").asText());
        assertTrue(claims.get("aud").toString().contains("dangjian-api"), claims.toString());
        // The client's hardcoded role; beside it only Keycloak's default roles, which grant nothing here.
        List<String> roles = new java.util.ArrayList<>();
        claims.at("/realm_access/roles").forEach(r -> roles.add(r.asText()));
        assertTrue(roles.contains("integration"), roles.toString());
        for (String human : List.of("platform-admin", "org-admin", "branch-secretary", "member", "auditor")) {
            assertFalse(roles.contains(human), roles.toString());
        }
        assertEquals(orgId, claims.get("org_id").asText());
        assertEquals(account.get("id").asText(), claims.get("sub").asText());
        assertEquals("service-account-integration-civil-affairs", claims.get("preferred_username").asText());
    }

    @Test
    void devDemoUsersAreImportedFromTheUsersFileWithTheirRoleAndMustChangeTheTemporaryPassword() throws Exception {
        String admin = adminToken();
        for (String role : List.of("platform-admin", "org-admin", "branch-secretary", "member", "auditor")) {
            JsonNode users = get(admin, "/admin/realms/dangjian/roles/" + role + "/users");
            JsonNode demo = null;
            for (JsonNode u : users) {
                if (u.get("username").asText().startsWith("demo-")) {
                    demo = u;
                }
            }
            assertTrue(demo != null, "no demo user with role " + role);
            assertEquals("[\"UPDATE_PASSWORD\"]", demo.get("requiredActions").toString());
        }
    }

    @Test
    void usersCannotChangeTheirOwnDataScope() throws Exception {
        JsonNode profile = get(adminToken(), "/admin/realms/dangjian/users/profile");
        for (JsonNode a : profile.get("attributes")) {
            if (List.of("org_id", "member_id").contains(a.get("name").asText())) {
                assertEquals("[\"admin\"]", a.at("/permissions/edit").toString(), a.toString());
            }
        }
    }

    @Test
    void theImportedRealmHasTheSecuritySettingsOfTheExport() throws Exception {
        JsonNode realm = get(adminToken(), "/admin/realms/dangjian");
        assertTrue(realm.get("revokeRefreshToken").asBoolean());
        assertEquals(0, realm.get("refreshTokenMaxReuse").asInt());
        assertTrue(realm.get("bruteForceProtected").asBoolean());
        assertEquals(5, realm.get("failureFactor").asInt());
        assertFalse(realm.get("permanentLockout").asBoolean());
        assertEquals("HmacSHA1", realm.get("otpPolicyAlgorithm").asText());
        assertEquals(6, realm.get("otpPolicyDigits").asInt());
        assertEquals(30, realm.get("otpPolicyPeriod").asInt());
        assertEquals("dangjian browser", realm.get("browserFlow").asText());
        assertEquals("dangjian direct grant", realm.get("directGrantFlow").asText());
        assertFalse(realm.get("resetPasswordAllowed").asBoolean());
    }

    @Test
    void theWebClientAcceptsOnlyTheExactRedirectUriOfTheOverlay() throws Exception {
        JsonNode web = get(adminToken(), "/admin/realms/dangjian/clients?clientId=dangjian-web").get(0);
        assertEquals("[\"http://localhost:5173/auth/callback\"]", web.get("redirectUris").toString());
        assertEquals("[\"http://localhost:5173\"]", web.get("webOrigins").toString());
        HttpResponse<String> elsewhere = HTTP.send(HttpRequest.newBuilder(URI.create(authorize("http://localhost:5173/elsewhere")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, elsewhere.statusCode(), "Keycloak refuses any other redirect URI");
    }

    @Test
    void platformAdminsAndAuditorsMustSetUpTotpAtTheirFirstLoginWhileOthersAreNotAsked() throws Exception {
        for (String user : List.of("demo-platform-admin", "demo-auditor")) {
            String page = firstPageAfterPassword(user);
            assertTrue(page.contains("name=\"totp\""), user + " is asked for a TOTP device first:\n" + page);
        }
        for (String user : List.of("demo-member", "demo-org-admin")) {
            String page = firstPageAfterPassword(user);
            assertFalse(page.contains("name=\"totp\""), user);
            assertTrue(page.contains("name=\"password-new\""), user + " only changes the temporary password:\n" + page);
        }
    }

    @Test
    void thePasswordGrantRefusesAPlatformAdminButServesAMember() throws Exception {
        String admin = adminToken();
        String password = UUID.randomUUID() + "-Aa1";
        for (String role : List.of("platform-admin", "member")) {
            String username = "grant-" + role + "-" + UUID.randomUUID().toString().substring(0, 8);
            send(admin, "POST", "/admin/realms/dangjian/users", Kustomize.JSON.createObjectNode().put("username", username)
                    .put("enabled", true).put("firstName", "Grant").put("lastName", "Test").put("email", username + "@example.org")
                    .put("emailVerified", true).set("credentials", Kustomize.JSON.createArrayNode().add(Kustomize.JSON.createObjectNode()
                            .put("type", "password").put("value", password).put("temporary", false))).toString());
            String id = get(admin, "/admin/realms/dangjian/users?exact=true&username=" + username).get(0).get("id").asText();
            JsonNode roleRep = get(admin, "/admin/realms/dangjian/roles/" + role);
            send(admin, "POST", "/admin/realms/dangjian/users/" + id + "/role-mappings/realm", "[" + roleRep + "]");
            HttpResponse<String> grant = HTTP.send(form(base + "/realms/dangjian/protocol/openid-connect/token", Map.of(
                    "grant_type", "password", "client_id", "admin-cli", "username", username, "password", password)),
                    HttpResponse.BodyHandlers.ofString());
            if (role.equals("platform-admin")) {
                assertTrue(grant.statusCode() / 100 == 4 && !grant.body().contains("access_token"),
                        "no platform-admin token from a password grant: " + grant.statusCode() + " " + grant.body());
            } else {
                assertEquals(200, grant.statusCode(), grant.body());
            }
        }
    }

    /** Logs in through the browser flow with the demo password; returns the page Keycloak shows next. */
    private static String firstPageAfterPassword(String username) throws Exception {
        // Keycloak marks its cookies Secure, which java.net.CookieManager would not send over loopback http.
        Map<String, String> cookies = new java.util.LinkedHashMap<>();
        HttpResponse<String> login = browse(cookies, HttpRequest.newBuilder(URI.create(authorize("http://localhost:5173/auth/callback"))));
        assertEquals(200, login.statusCode(), login.body());
        java.util.regex.Matcher action = java.util.regex.Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>").matcher(login.body());
        assertTrue(action.find(), login.body());
        java.util.regex.Matcher url = java.util.regex.Pattern.compile("action=\"([^\"]+)\"").matcher(action.group());
        assertTrue(url.find(), action.group());
        HttpResponse<String> next = browse(cookies, HttpRequest.newBuilder(URI.create(url.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=demo-only-change-me&credentialId=")));
        if (next.statusCode() == 302) {
            next = browse(cookies, HttpRequest.newBuilder(URI.create(next.headers().firstValue("Location").orElseThrow())));
        }
        assertEquals(200, next.statusCode(), next.headers() + " " + next.body());
        return next.body();
    }

    private static HttpResponse<String> browse(Map<String, String> cookies, HttpRequest.Builder request) throws Exception {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String header : response.headers().allValues("Set-Cookie")) {
            String[] pair = header.split(";", 2)[0].split("=", 2);
            cookies.put(pair[0].trim(), pair.length > 1 ? pair[1] : "");
        }
        return response;
    }

    private static String authorize(String redirectUri) {
        return base + "/realms/dangjian/protocol/openid-connect/auth?client_id=dangjian-web&response_type=code&scope=openid"
                + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8)
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
    }

    private static boolean discoveryAnswers() {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/realms/dangjian/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(3)).build();
            return HTTP.send(r, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String adminToken() throws Exception {
        HttpRequest r = form(base + "/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", ADMIN, "password", ADMIN_PASSWORD));
        return Kustomize.JSON.readTree(ok(r)).get("access_token").asText();
    }

    private static String token(Map<String, String> form) throws Exception {
        return Kustomize.JSON.readTree(ok(form(base + "/realms/dangjian/protocol/openid-connect/token", form)))
                .get("access_token").asText();
    }

    private static JsonNode claims(String jwt) throws IOException {
        return Kustomize.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static JsonNode get(String bearer, String path) throws Exception {
        return Kustomize.JSON.readTree(ok(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + bearer).build()));
    }

    private static void send(String bearer, String method, String path, String json) throws Exception {
        ok(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static HttpRequest form(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String ok(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() / 100 == 2, request.uri() + " → " + response.statusCode() + " " + response.body());
        return response.body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
