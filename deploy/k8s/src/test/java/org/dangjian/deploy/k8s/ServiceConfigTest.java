package org.dangjian.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every setting a service needs in a cluster reaches it: from its ConfigMap (plain values) or a
 * Secret reference (credentials and keys), never a literal secret in the repository.
 */
class ServiceConfigTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    /** Credentials that application.properties leaves to the environment. */
    private static final List<String> CREDENTIALS = List.of("quarkus.datasource.username", "quarkus.datasource.password",
            "kafka.sasl.jaas.config");
    /** Services holding personal data encrypted at rest (ARCHITECTURE.md §4): national ID, phone, hardship. */
    private static final Set<String> PII_SERVICES = Set.of("member-service", "assistance-service");
    /** platform/api-support's PiiConfig: dangjian.pii.keys.<id>, dangjian.pii.active-key, dangjian.pii.blind-index-key. */
    private static final List<String> PII_KEYS = List.of("DANGJIAN_PII_KEYS_K1", "DANGJIAN_PII_ACTIVE_KEY",
            "DANGJIAN_PII_BLIND_INDEX_KEY");

    /** Where each environment variable of the app container comes from: "configmap:<name>", "secret:<name>/<key>" or "value". */
    static Map<String, String> environment(List<ObjectNode> objects, String service) {
        JsonNode container = Manifests.appContainer(Manifests.find(objects, "Deployment", service));
        Map<String, String> sources = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String name = from.path("configMapRef").path("name").asText();
            ObjectNode map = Manifests.find(objects, "ConfigMap", name);
            map.path("data").fieldNames().forEachRemaining(k -> sources.put(k, "configmap:" + name));
        }
        for (JsonNode env : container.path("env")) {
            JsonNode secret = env.path("valueFrom").path("secretKeyRef");
            sources.put(env.get("name").asText(), secret.isMissingNode() ? "value"
                    : "secret:" + secret.get("name").asText() + "/" + secret.get("key").asText());
        }
        return sources;
    }

    /**
     * The keys a service cannot run with as the repository sets them: any value that points at the
     * developer's machine (the local stack's loopback addresses), plus credentials.
     */
    static Set<String> keysNeedingTheEnvironment(ServiceConfig config) {
        Set<String> keys = new TreeSet<>(CREDENTIALS);
        config.properties().forEach((k, v) -> {
            if (v.contains("127.0.0.1") || v.contains("localhost")) {
                keys.add(k);
            }
        });
        keys.add("quarkus.http.port");
        keys.add("quarkus.log.console.json.enabled");
        return keys;
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyKeyAServiceNeedsIsSetFromTheConfigMapOrASecret(String overlay) {
        List<ObjectNode> objects = Manifests.overlay(overlay);
        List<String> missing = new ArrayList<>();
        for (String service : Manifests.SERVICES) {
            Map<String, String> env = environment(objects, service);
            for (String key : keysNeedingTheEnvironment(ServiceConfig.of(service))) {
                if (!env.containsKey(ServiceConfig.envName(key))) {
                    missing.add(service + ": " + key + " (" + ServiceConfig.envName(key) + ")");
                }
            }
            if (PII_SERVICES.contains(service)) {
                PII_KEYS.stream().filter(k -> !env.containsKey(k)).forEach(k -> missing.add(service + ": " + k));
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void theDerivationFindsTheLocalStackAddresses() {
        Set<String> keys = keysNeedingTheEnvironment(ServiceConfig.of("member-service"));
        assertTrue(keys.containsAll(List.of("quarkus.datasource.jdbc.url", "kafka.bootstrap.servers",
                "quarkus.oidc.auth-server-url")), keys.toString());
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void credentialsAndKeysComeFromSecretsOnly(String overlay) {
        List<ObjectNode> objects = Manifests.overlay(overlay);
        assertFalse(Manifests.ofKind(objects, "Secret").findAny().isPresent(), "no Secret objects: values stay out of git");
        for (String service : Manifests.SERVICES) {
            environment(objects, service).forEach((name, source) -> {
                if (name.matches(".*(PASSWORD|USERNAME|JAAS|PII|SECRET|_KEY).*")) {
                    assertTrue(source.startsWith("secret:"), service + " " + name + " comes from " + source);
                }
            });
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void valuesPointIntoTheCluster(String overlay) {
        List<ObjectNode> objects = Manifests.overlay(overlay);
        for (String service : Manifests.SERVICES) {
            JsonNode data = Manifests.find(objects, "ConfigMap", service + "-config").path("data");
            String database = service.replace("-service", "");
            assertEquals("jdbc:postgresql://dangjian-db-rw:5432/" + database, data.path("QUARKUS_DATASOURCE_JDBC_URL").asText());
            assertEquals("8080", data.path("QUARKUS_HTTP_PORT").asText());
            assertEquals("true", data.path("QUARKUS_LOG_CONSOLE_JSON_ENABLED").asText());
            assertEquals("http://keycloak:8080/realms/dangjian", data.path("QUARKUS_OIDC_AUTH_SERVER_URL").asText());
            data.fields().forEachRemaining(e -> assertFalse(e.getValue().asText().contains("127.0.0.1"), e.getKey()));
            // The database the URL names exists, owned by the role whose Secret the service reads.
            boolean databaseDeclared = Manifests.ofKind(objects, "Database")
                    .anyMatch(d -> d.at("/spec/name").asText().equals(database) && d.at("/spec/owner").asText().equals(database))
                    || Manifests.find(objects, "Cluster", "dangjian-db").at("/spec/bootstrap/initdb/database").asText().equals(database);
            assertTrue(databaseDeclared, database);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyReferencedSecretIsDocumentedForOperations(String overlay) throws Exception {
        String readme = java.nio.file.Files.readString(Manifests.repoDir().resolve("deploy/README.md"));
        Set<String> secrets = new TreeSet<>();
        for (ObjectNode o : Manifests.overlay(overlay)) {
            collectSecretNames(o, secrets);
        }
        List<String> undocumented = secrets.stream().filter(s -> !readme.contains("`" + s + "`")).toList();
        assertEquals(List.of(), undocumented, "deploy/README.md must say who creates these Secrets");
    }

    private static void collectSecretNames(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            if (node.has("secretKeyRef")) {
                into.add(node.get("secretKeyRef").get("name").asText());
            }
            if (node.has("secretName")) {
                into.add(node.get("secretName").asText());
            }
            if (node.has("passwordSecret")) {
                into.add(node.get("passwordSecret").get("name").asText());
            }
            if (node.has("accessKeyId")) {
                into.add(node.get("accessKeyId").get("name").asText());
            }
            if (node.path("secret").has("name")) {
                into.add(node.get("secret").get("name").asText());
            }
        }
        node.forEach(child -> collectSecretNames(child, into));
    }
}
