package org.dangjian.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Keycloak imports in a rendered overlay, read the way Keycloak 26 reads its import directory at
 * start (--import-realm): the files of the ConfigMaps projected into the keycloak Deployment's
 * realm-import volume, {@code <realm>-realm.json} plus {@code <realm>-users-<n>.json}, with
 * {@code ${VAR}} / {@code ${VAR:default}} placeholders replaced from the container's environment
 * (here: the keycloak-config ConfigMap it takes with envFrom).
 */
record RealmImport(Map<String, String> files, Map<String, String> env) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    static RealmImport of(List<ObjectNode> objects) {
        JsonNode pod = Manifests.find(objects, "Deployment", "keycloak").at("/spec/template/spec");
        JsonNode volume = null;
        for (JsonNode v : pod.path("volumes")) {
            if (v.path("name").asText().equals("realm-import")) {
                volume = v;
            }
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (JsonNode source : volume.at("/projected/sources")) {
            Manifests.find(objects, "ConfigMap", source.at("/configMap/name").asText()).path("data").fields()
                    .forEachRemaining(e -> files.put(e.getKey(), e.getValue().asText()));
        }
        Map<String, String> env = new LinkedHashMap<>();
        Manifests.find(objects, "ConfigMap", "keycloak-config").path("data").fields()
                .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return new RealmImport(files, env);
    }

    static RealmImport overlay(String overlay) {
        return of(Manifests.overlay(overlay));
    }

    /** The realm as Keycloak reads it: placeholders resolved; an unresolved one fails here. */
    ObjectNode realm() {
        return (ObjectNode) json(files.get("dangjian-realm.json"));
    }

    /** The users Keycloak imports with the realm, from the users files beside it. */
    List<JsonNode> importedUsers() {
        List<JsonNode> users = new java.util.ArrayList<>();
        realm().path("users").forEach(users::add);
        files.keySet().stream().filter(RealmImport::isUsersFile).sorted()
                .forEach(f -> json(files.get(f)).path("users").forEach(users::add));
        return users;
    }

    static boolean isUsersFile(String name) {
        return name.matches("dangjian-(federated-)?users-[0-9]+\\.json");
    }

    Optional<String> env(String name) {
        return Optional.ofNullable(env.get(name));
    }

    private JsonNode json(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = env.containsKey(m.group(1)) ? env.get(m.group(1)) : m.group(2);
            if (value == null) {
                throw new IllegalStateException("${" + m.group(1) + "} is in the realm import but not in keycloak-config");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        try {
            return Kustomize.JSON.readTree(out.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
