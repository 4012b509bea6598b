package org.dangjian.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The rendered overlays, once per test JVM, and small look-ups over them. */
final class Manifests {

    static final List<String> OVERLAYS = List.of("dev", "prod");
    static final List<String> SERVICES = List.of("organization-service", "member-service", "activity-service",
            "assistance-service");

    private static final Map<String, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();

    private Manifests() {
    }

    static Path k8sDir() {
        return Path.of(System.getProperty("k8s.dir", ".")).toAbsolutePath().normalize();
    }

    static Path repoDir() {
        return Path.of(System.getProperty("repo.dir", "../..")).toAbsolutePath().normalize();
    }

    /** The objects of an overlay; callers get copies so a test may mutate them freely. */
    static List<ObjectNode> overlay(String name) {
        return RENDERED.computeIfAbsent(name, n -> Kustomize.render(k8sDir().resolve("overlays").resolve(n)))
                .stream().map(ObjectNode::deepCopy).toList();
    }

    static Stream<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind));
    }

    static ObjectNode find(List<ObjectNode> objects, String kind, String name) {
        return ofKind(objects, kind).filter(o -> o.path("metadata").path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException(kind + "/" + name + " is not rendered"));
    }

    static String id(JsonNode o) {
        return o.path("kind").asText() + "/" + o.path("metadata").path("name").asText();
    }

    static JsonNode appContainer(ObjectNode deployment) {
        for (JsonNode c : deployment.path("spec").path("template").path("spec").path("containers")) {
            if (c.path("name").asText().equals("app")) {
                return c;
            }
        }
        throw new NoSuchElementException("no container 'app' in " + id(deployment));
    }
}
