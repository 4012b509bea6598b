package org.dangjian.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The realm export gives tokens the shape the services verify (and the local stack's OIDC issuer
 * imitates): realm_access.roles, org_id, member_id and audience dangjian-api.
 */
class RealmExportTest {

    private static final Path REALM = Manifests.k8sDir().resolve("base/keycloak/realm-dangjian.json");

    private static JsonNode realm() throws Exception {
        return Kustomize.JSON.readTree(REALM.toFile());
    }

    @Test
    void realmDeclaresTheSixRoles() throws Exception {
        Set<String> roles = new TreeSet<>();
        realm().at("/roles/realm").forEach(r -> roles.add(r.get("name").asText()));
        assertEquals(Set.of("platform-admin", "org-admin", "branch-secretary", "member", "auditor", "integration"), roles);
        assertEquals("dangjian", realm().get("realm").asText());
    }

    @Test
    void everyClientGetsTheClaimsTheServicesRead() throws Exception {
        JsonNode realm = realm();
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
        String profile = realm().at("/components/org.keycloak.userprofile.UserProfileProvider/0/config/kc.user.profile.config/0").asText();
        JsonNode attributes = Kustomize.JSON.readTree(profile).get("attributes");
        for (JsonNode a : attributes) {
            if (Set.of("org_id", "member_id").contains(a.get("name").asText())) {
                assertEquals("[\"admin\"]", a.at("/permissions/edit").toString(), a.toString());
            }
        }
    }

    @Test
    void integrationsAreConfidentialServiceAccountsWithTheIntegrationRoleAndNoCommittedSecret() throws Exception {
        JsonNode realm = realm();
        Set<String> integrations = new TreeSet<>();
        realm.get("clients").forEach(c -> {
            if (c.get("clientId").asText().startsWith("integration-")) {
                integrations.add(c.get("clientId").asText());
                assertTrue(c.get("serviceAccountsEnabled").asBoolean());
                assertFalse(c.get("publicClient").asBoolean());
                assertFalse(c.path("standardFlowEnabled").asBoolean(true));
                assertFalse(c.has("secret"), "Keycloak generates the secret at import; none in git");
            }
        });
        assertFalse(integrations.isEmpty());
        Set<String> accounts = new TreeSet<>();
        realm.get("users").forEach(u -> {
            if (u.has("serviceAccountClientId")) {
                accounts.add(u.get("serviceAccountClientId").asText());
                assertEquals("[\"integration\"]", u.get("realmRoles").toString());
            }
        });
        assertEquals(integrations, accounts);
    }

    @Test
    void demoUsersHaveOnlyATemporaryPasswordToChangeAtFirstLogin() throws Exception {
        int demoUsers = 0;
        for (JsonNode u : realm().get("users")) {
            if (u.has("serviceAccountClientId")) {
                continue;
            }
            demoUsers++;
            assertTrue(u.get("username").asText().startsWith("demo-"), u.toString());
            assertTrue(u.get("requiredActions").toString().contains("UPDATE_PASSWORD"));
            u.path("credentials").forEach(c -> assertTrue(c.get("temporary").asBoolean(), u.get("username").asText()));
        }
        assertEquals(5, demoUsers);
    }

    @Test
    void keycloakImportsTheRealmFromTheRenderedConfigMap() {
        for (String overlay : Manifests.OVERLAYS) {
            var objects = Manifests.overlay(overlay);
            JsonNode map = Manifests.find(objects, "ConfigMap", "keycloak-realm-import");
            assertTrue(map.at("/data/realm-dangjian.json").asText().contains("\"realm\": \"dangjian\""));
            JsonNode keycloak = Manifests.find(objects, "Deployment", "keycloak").at("/spec/template/spec");
            assertTrue(keycloak.at("/containers/0/args").toString().contains("--import-realm"));
            assertEquals("/opt/keycloak/data/import", keycloak.at("/containers/0/volumeMounts/0/mountPath").asText());
            assertEquals("keycloak-realm-import", keycloak.at("/volumes/0/configMap/name").asText());
        }
    }
}
