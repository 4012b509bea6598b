package org.dangjian.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The realm each overlay imports (rendered, placeholders resolved as Keycloak resolves them): tokens
 * shaped as the services verify them (realm_access.roles, org_id, member_id, audience dangjian-api),
 * production without any user, exact redirect URIs, TOTP for platform-admin and auditor, refresh-token
 * rotation and brute-force protection.
 */
class RealmExportTest {

    private static JsonNode prod() {
        return RealmImport.overlay("prod").realm();
    }

    @Test
    void realmDeclaresTheSixRoles() {
        Set<String> roles = new TreeSet<>();
        prod().at("/roles/realm").forEach(r -> roles.add(r.get("name").asText()));
        assertEquals(Set.of("platform-admin", "org-admin", "branch-secretary", "member", "auditor", "integration"), roles);
        assertEquals("dangjian", prod().get("realm").asText());
    }

    @Test
    void everyClientGetsTheClaimsTheServicesRead() {
        JsonNode realm = prod();
        JsonNode scope = null;
        for (JsonNode s : realm.get("clientScopes")) {
            if (s.get("name").asText().equals("dangjian")) {
                scope = s;
            }
        }
        Map<String, JsonNode> mappers = new HashMap<>();
        scope.get("protocolMappers").forEach(m -> mappers.put(m.get("protocolMapper").asText() + ":"
                + m.path("config").path("claim.name").asText(m.path("config").path("included.client.audience").asText()), m));
        assertTrue(mappers.containsKey("oidc-usermodel-realm-role-mapper:realm_access.roles"), mappers.keySet().toString());
        assertEquals("true", mappers.get("oidc-usermodel-realm-role-mapper:realm_access.roles").at("/config/multivalued").asText());
        assertEquals("org_id", mappers.get("oidc-usermodel-attribute-mapper:org_id").at("/config/user.attribute").asText());
        assertEquals("member_id", mappers.get("oidc-usermodel-attribute-mapper:member_id").at("/config/user.attribute").asText());
        assertTrue(mappers.containsKey("oidc-audience-mapper:dangjian-api"));
        assertTrue(mappers.containsKey("oidc-sub-mapper:"), "tokens need sub once the built-in basic scope is not imported");
        mappers.values().forEach(m -> assertEquals("true", m.at("/config/access.token.claim").asText(), m.toString()));
        assertEquals("[\"dangjian\"]", realm.get("defaultDefaultClientScopes").toString());
        realm.get("clients").forEach(c -> {
            if (!c.path("bearerOnly").asBoolean()) {
                assertEquals("[\"dangjian\"]", c.get("defaultClientScopes").toString(), c.get("clientId").asText());
            }
        });
    }

    @Test
    void dataScopeAttributesAreEditableByAdministratorsOnly() throws Exception {
        String profile = prod().at("/components/org.keycloak.userprofile.UserProfileProvider/0/config/kc.user.profile.config/0").asText();
        JsonNode attributes = Kustomize.JSON.readTree(profile).get("attributes");
        for (JsonNode a : attributes) {
            if (Set.of("org_id", "member_id").contains(a.get("name").asText())) {
                assertEquals("[\"admin\"]", a.at("/permissions/edit").toString(), a.toString());
            }
        }
    }

    @Test
    void integrationsAreConfidentialServiceAccountsWhoseTokensCarryTheIntegrationRoleAndNoCommittedSecret() {
        Set<String> integrations = new TreeSet<>();
        prod().get("clients").forEach(c -> {
            if (c.get("clientId").asText().startsWith("integration-")) {
                integrations.add(c.get("clientId").asText());
                assertTrue(c.get("serviceAccountsEnabled").asBoolean());
                assertFalse(c.get("publicClient").asBoolean());
                assertFalse(c.path("standardFlowEnabled").asBoolean(true));
                assertFalse(c.has("secret"), "Keycloak generates the secret at import; none in git");
                // Keycloak creates the service account at import; without a user entry to grant it
                // the role, the client puts the role into its tokens itself.
                List<String> hardcoded = new ArrayList<>();
                c.path("protocolMappers").forEach(m -> {
                    if (m.path("protocolMapper").asText().equals("oidc-hardcoded-role-mapper")) {
                        hardcoded.add(m.at("/config/role").asText());
                    }
                });
                assertEquals(List.of("integration"), hardcoded, c.get("clientId").asText());
            }
        });
        assertEquals(Set.of("integration-civil-affairs", "integration-national-party-system"), integrations);
    }

    @Test
    void theProductionRealmStartsWithoutAnyUser() {
        RealmImport prod = RealmImport.overlay("prod");
        assertFalse(prod.realm().has("users"), "no user (not even a service account) in the production realm");
        assertEquals(Set.of("dangjian-realm.json"), prod.files().keySet(), "nothing else is imported in production");
        assertEquals(List.of(), prod.importedUsers());
        // No ConfigMap of the production overlay carries a users file someone could mount later.
        Manifests.ofKind(Manifests.overlay("prod"), "ConfigMap").forEach(map -> map.path("data").fieldNames()
                .forEachRemaining(key -> assertFalse(RealmImport.isUsersFile(key), Manifests.id(map) + " " + key)));
    }

    @Test
    void devImportsTheFiveDemoUsersWithATemporaryPasswordToChangeAtFirstLogin() {
        List<JsonNode> users = RealmImport.overlay("dev").importedUsers();
        Set<String> roles = new TreeSet<>();
        for (JsonNode u : users) {
            assertTrue(u.get("username").asText().startsWith("demo-"), u.toString());
            assertEquals("[\"UPDATE_PASSWORD\"]", u.get("requiredActions").toString());
            u.path("credentials").forEach(c -> assertTrue(c.get("temporary").asBoolean(), u.get("username").asText()));
            u.get("realmRoles").forEach(r -> roles.add(r.asText()));
        }
        assertEquals(5, users.size());
        assertEquals(Set.of("platform-admin", "org-admin", "branch-secretary", "member", "auditor"), roles);
    }

    @Test
    void theWebClientRedirectsOnlyToTheExactUriOfItsOverlay() {
        Map<String, String> webUrl = Map.of("prod", "https://dangjian.example.org", "dev", "http://localhost:5173");
        for (String overlay : Manifests.OVERLAYS) {
            JsonNode web = client(RealmImport.overlay(overlay).realm(), "dangjian-web");
            String url = webUrl.get(overlay);
            assertEquals("[\"" + url + "/auth/callback\"]", web.get("redirectUris").toString(), overlay);
            assertEquals("[\"" + url + "\"]", web.get("webOrigins").toString(), overlay);
            assertEquals(url + "/", web.at("/attributes/post.logout.redirect.uris").asText(), overlay);
            assertTrue(web.get("publicClient").asBoolean());
            assertEquals("S256", web.at("/attributes/pkce.code.challenge.method").asText());
            assertFalse(web.get("implicitFlowEnabled").asBoolean());
            assertFalse(web.get("directAccessGrantsEnabled").asBoolean());
        }
        for (String overlay : Manifests.OVERLAYS) {
            for (JsonNode c : RealmImport.overlay(overlay).realm().get("clients")) {
                String uris = c.path("redirectUris").toString() + c.path("webOrigins") + c.at("/attributes/post.logout.redirect.uris");
                assertFalse(uris.contains("*"), overlay + " " + c.get("clientId").asText() + " has a wildcard: " + uris);
                assertFalse(c.path("webOrigins").toString().contains("\"+\""), overlay + " " + c.get("clientId").asText());
            }
        }
    }

    @Test
    void productionRedirectsToHttpsOnTheDomainItsIngressServes() {
        RealmImport prod = RealmImport.overlay("prod");
        URI web = URI.create(client(prod.realm(), "dangjian-web").get("redirectUris").get(0).asText());
        assertEquals("https", web.getScheme());
        String keycloakHost = URI.create(prod.env("KC_HOSTNAME").orElseThrow()).getHost();
        assertEquals("id." + web.getHost(), keycloakHost, "Keycloak and the front end share the production domain");
        Set<String> ingressHosts = new TreeSet<>();
        Manifests.ofKind(Manifests.overlay("prod"), "Ingress").forEach(i -> i.at("/spec/rules").forEach(r -> ingressHosts.add(r.get("host").asText())));
        assertTrue(ingressHosts.contains(keycloakHost), ingressHosts.toString());
        ingressHosts.forEach(h -> assertTrue(h.endsWith("." + web.getHost()), h));
    }

    @Test
    void platformAdminsAndAuditorsMustGiveATotpCodeInTheBoundBrowserFlow() {
        for (String overlay : Manifests.OVERLAYS) {
            JsonNode realm = RealmImport.overlay(overlay).realm();
            Flows flows = new Flows(realm);
            String browser = realm.get("browserFlow").asText();
            assertTrue(flows.flow(browser).get("topLevel").asBoolean());
            assertTrue(flows.reachable(browser).stream().anyMatch(e -> e.path("authenticator").asText().equals("auth-username-password-form")
                    && e.get("requirement").asText().equals("REQUIRED")));
            for (String role : List.of("platform-admin", "auditor")) {
                assertTrue(flows.requiresForRole(browser, role, "auth-otp-form"), overlay + ": no TOTP for " + role + " at browser login");
            }
            // Not for the others: they get a code only once they set one up themselves.
            assertFalse(flows.requiresForRole(browser, "member", "auth-otp-form"));
        }
    }

    @Test
    void thePasswordGrantIsRefusedToPlatformAdminsAndAuditorsBeforeTheirPasswordIsChecked() {
        JsonNode realm = prod();
        Flows flows = new Flows(realm);
        String directGrant = realm.get("directGrantFlow").asText();
        for (String role : List.of("platform-admin", "auditor")) {
            assertTrue(flows.requiresForRole(directGrant, role, "deny-access-authenticator"), role);
        }
        assertFalse(flows.requiresForRole(directGrant, "member", "deny-access-authenticator"));
        List<String> order = new ArrayList<>();
        flows.flow(directGrant).get("authenticationExecutions").forEach(e -> order.add(e.path("authenticator").asText(e.path("flowAlias").asText())));
        assertTrue(order.indexOf("direct-grant-validate-password") > order.indexOf(directGrant + " - none for platform-admin"), order.toString());
        assertTrue(order.indexOf("direct-grant-validate-password") > order.indexOf(directGrant + " - none for auditor"), order.toString());
    }

    @Test
    void totpIsSixDigitsEveryThirtySecondsWithHmacSha1() {
        JsonNode realm = prod();
        assertEquals("totp", realm.get("otpPolicyType").asText());
        // SHA-1 because every authenticator app supports it (several ignore SHA-256 and show wrong codes).
        assertEquals("HmacSHA1", realm.get("otpPolicyAlgorithm").asText());
        assertEquals(6, realm.get("otpPolicyDigits").asInt());
        assertEquals(30, realm.get("otpPolicyPeriod").asInt());
        assertEquals(1, realm.get("otpPolicyLookAheadWindow").asInt());
        assertFalse(realm.get("otpPolicyCodeReusable").asBoolean());
    }

    @Test
    void refreshTokensRotateAndAreSingleUse() {
        JsonNode realm = prod();
        assertTrue(realm.get("revokeRefreshToken").asBoolean());
        assertEquals(0, realm.get("refreshTokenMaxReuse").asInt());
        assertEquals(300, realm.get("accessTokenLifespan").asInt());
        assertEquals(1800, realm.get("ssoSessionIdleTimeout").asInt());
        assertEquals(36000, realm.get("ssoSessionMaxLifespan").asInt());
        // No offline tokens: the realm has no offline_access client scope.
        realm.get("clientScopes").forEach(s -> assertFalse(s.get("name").asText().equals("offline_access")));
    }

    @Test
    void bruteForceProtectionSlowsGuessingWithoutLettingAnyoneLockAnAccountForGood() {
        JsonNode realm = prod();
        assertTrue(realm.get("bruteForceProtected").asBoolean());
        assertEquals("MULTIPLE", realm.get("bruteForceStrategy").asText());
        assertEquals(5, realm.get("failureFactor").asInt());
        assertEquals(60, realm.get("waitIncrementSeconds").asInt());
        assertEquals(900, realm.get("maxFailureWaitSeconds").asInt());
        assertEquals(43200, realm.get("maxDeltaTimeSeconds").asInt());
        assertFalse(realm.get("permanentLockout").asBoolean());
        // No self-service reset: it would let a mailbox alone replace the password and the TOTP device.
        assertFalse(realm.get("resetPasswordAllowed").asBoolean());
        assertFalse(realm.get("registrationAllowed").asBoolean());
    }

    @Test
    void keycloakImportsTheRealmFromTheRenderedConfigMap() {
        for (String overlay : Manifests.OVERLAYS) {
            var objects = Manifests.overlay(overlay);
            JsonNode map = Manifests.find(objects, "ConfigMap", "keycloak-realm-import");
            assertTrue(map.at("/data/dangjian-realm.json").asText().contains("\"realm\": \"dangjian\""));
            JsonNode keycloak = Manifests.find(objects, "Deployment", "keycloak").at("/spec/template/spec");
            assertTrue(keycloak.at("/containers/0/args").toString().contains("--import-realm"));
            assertEquals("/opt/keycloak/data/import", keycloak.at("/containers/0/volumeMounts/0/mountPath").asText());
            assertEquals("realm-import", keycloak.at("/volumes/0/name").asText());
            assertEquals("keycloak-realm-import", keycloak.at("/volumes/0/projected/sources/0/configMap/name").asText());
        }
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode c : realm.get("clients")) {
            if (c.get("clientId").asText().equals(clientId)) {
                return c;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    /** The realm's authentication flows, walked as Keycloak runs them. */
    private record Flows(JsonNode realm) {

        JsonNode flow(String alias) {
            for (JsonNode f : realm.get("authenticationFlows")) {
                if (f.get("alias").asText().equals(alias)) {
                    return f;
                }
            }
            throw new AssertionError("no flow " + alias);
        }

        /** Executions of the flow and of its enabled sub-flows. */
        List<JsonNode> reachable(String alias) {
            List<JsonNode> all = new ArrayList<>();
            for (JsonNode e : flow(alias).get("authenticationExecutions")) {
                if (e.get("requirement").asText().equals("DISABLED")) {
                    continue;
                }
                all.add(e);
                if (e.path("authenticatorFlow").asBoolean()) {
                    all.addAll(reachable(e.get("flowAlias").asText()));
                }
            }
            return all;
        }

        /**
         * Whether a user with this role (and no other) meets a CONDITIONAL sub-flow whose conditions all
         * hold for them and which requires the authenticator.
         */
        boolean requiresForRole(String alias, String role, String authenticator) {
            for (JsonNode e : reachable(alias)) {
                if (!e.path("authenticatorFlow").asBoolean() || !e.get("requirement").asText().equals("CONDITIONAL")) {
                    continue;
                }
                boolean conditionsHold = true;
                boolean roleCondition = false;
                boolean requires = false;
                for (JsonNode x : flow(e.get("flowAlias").asText()).get("authenticationExecutions")) {
                    String a = x.path("authenticator").asText();
                    if (a.equals("conditional-user-role")) {
                        JsonNode config = config(x.get("authenticatorConfig").asText());
                        boolean holds = config.get("condUserRole").asText().equals(role) != Boolean.parseBoolean(config.path("negate").asText("false"));
                        conditionsHold &= holds;
                        roleCondition |= holds && !Boolean.parseBoolean(config.path("negate").asText("false"));
                    } else if (a.startsWith("conditional-")) {
                        conditionsHold = false; // depends on what the user set up: not a rule for the role
                    } else if (a.equals(authenticator) && x.get("requirement").asText().equals("REQUIRED")) {
                        requires = true;
                    }
                }
                if (conditionsHold && roleCondition && requires) {
                    return true;
                }
            }
            return false;
        }

        JsonNode config(String alias) {
            for (JsonNode c : realm.get("authenticatorConfig")) {
                if (c.get("alias").asText().equals(alias)) {
                    return c.get("config");
                }
            }
            throw new AssertionError("no authenticator config " + alias);
        }
    }
}
