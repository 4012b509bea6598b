package org.dangjian.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ingress publishes the API and Keycloak's login paths and nothing else: no management endpoint
 * (/q/health, /q/metrics, /q/openapi, /q/swagger-ui, /q/dev, Keycloak's /admin/, /metrics, /health)
 * is reachable from outside, while no API path of any service is cut off.
 */
class IngressPolicyTest {

    /** What Keycloak's reverse-proxy guide lets through, narrowed to the platform's own realm. */
    private static final Set<String> KEYCLOAK_PATHS = Set.of("/realms/dangjian/", "/resources/");
    private static final Pattern CLASS_PATH = Pattern.compile("(?m)^@Path\\(\"([^\"]+)\"\\)");

    record Route(String host, String path, String pathType, String service, JsonNode port) {
    }

    static List<Route> routes(String overlay) {
        List<Route> routes = new ArrayList<>();
        Manifests.ofKind(Manifests.overlay(overlay), "Ingress").forEach(ingress -> ingress.at("/spec/rules").forEach(rule ->
                rule.at("/http/paths").forEach(p -> routes.add(new Route(rule.path("host").asText(null), p.get("path").asText(),
                        p.get("pathType").asText(), p.at("/backend/service/name").asText(), p.at("/backend/service/port"))))));
        return routes;
    }

    /** The REST root a service answers under: quarkus.rest.path, unless its ConfigMap overrides it. */
    static String restPath(List<ObjectNode> objects, String service) {
        JsonNode override = Manifests.find(objects, "ConfigMap", service + "-config").at("/data/QUARKUS_REST_PATH");
        return override.isMissingNode() ? ServiceConfig.of(service).properties().get("quarkus.rest.path") : override.asText();
    }

    @Test
    void everyServiceGetsItsWholeRestPathOnItsOwnHostAndNothingElse() {
        for (String overlay : Manifests.OVERLAYS) {
            List<ObjectNode> objects = Manifests.overlay(overlay);
            Map<String, List<Route>> byService = new TreeMap<>();
            routes(overlay).stream().filter(r -> Manifests.SERVICES.contains(r.service()))
                    .forEach(r -> byService.computeIfAbsent(r.service(), s -> new ArrayList<>()).add(r));
            assertEquals(new TreeSet<>(Manifests.SERVICES), byService.keySet(), overlay);
            Set<String> hosts = new TreeSet<>();
            byService.forEach((service, routes) -> {
                assertEquals(1, routes.size(), overlay + " " + service + ": " + routes);
                Route route = routes.get(0);
                String rest = restPath(objects, service);
                assertTrue(rest.startsWith("/api/"), service + " answers under " + rest);
                assertEquals(rest, route.path(), overlay + " " + service);
                assertEquals("Prefix", route.pathType(), overlay + " " + service);
                assertEquals("http", route.port().path("name").asText(), overlay + " " + service);
                assertTrue(route.host() != null && hosts.add(route.host()),
                        overlay + ": the services share paths under " + rest + ", so each needs a host of its own");
            });
        }
    }

    @Test
    void everyResourceOfEveryServiceLiesUnderItsRestPath() {
        // JAX-RS resources all live under quarkus.rest.path; an HTTP route outside JAX-RS (a Vert.x
        // @Route or a servlet) would not, and the ingress would cut it off.
        for (String service : Manifests.SERVICES) {
            List<Path> sources = sources(service);
            Set<String> resources = new TreeSet<>();
            for (Path f : sources) {
                String text = read(f);
                assertFalse(text.contains("io.quarkus.vertx.web.Route") || text.contains("@WebServlet"),
                        f + " serves HTTP outside " + restPath(Manifests.overlay("prod"), service));
                Matcher m = CLASS_PATH.matcher(text);
                while (m.find()) {
                    resources.add(m.group(1));
                }
            }
            assertFalse(resources.isEmpty(), service);
            // The platform modules' resources come along (every service lists its dead letters).
            assertTrue(resources.contains("/admin/dead-letters"), service + " " + resources);
        }
    }

    @Test
    void noIngressPathReachesAManagementEndpoint() {
        for (String overlay : Manifests.OVERLAYS) {
            List<Route> routes = routes(overlay);
            assertFalse(routes.isEmpty(), overlay);
            for (Route r : routes) {
                String where = overlay + " " + r;
                assertFalse(r.path().equals("/") || r.path().isEmpty(), where);
                for (String management : List.of("/q", "/admin", "/metrics", "/health")) {
                    assertFalse(r.path().equals(management) || r.path().startsWith(management + "/"), where);
                }
                assertFalse(r.port().path("name").asText().equals("management") || r.port().path("number").asInt() == 9000, where);
                assertTrue(r.pathType().equals("Prefix") || r.pathType().equals("Exact"), where + ": no controller-specific matching");
                if (r.service().equals("keycloak")) {
                    assertTrue(KEYCLOAK_PATHS.contains(r.path()), where);
                } else {
                    assertTrue(Manifests.SERVICES.contains(r.service()) && r.path().startsWith("/api/"), where);
                }
            }
        }
    }

    @Test
    void everyHostIsServedOverTls() {
        for (String overlay : Manifests.OVERLAYS) {
            Manifests.ofKind(Manifests.overlay(overlay), "Ingress").forEach(ingress -> {
                Set<String> tls = new TreeSet<>();
                ingress.at("/spec/tls").forEach(t -> t.path("hosts").forEach(h -> tls.add(h.asText())));
                ingress.at("/spec/rules").forEach(rule -> assertTrue(tls.contains(rule.path("host").asText()), overlay + " " + rule));
            });
        }
    }

    @Test
    void probesAndPrometheusStillReachTheManagementEndpointsInsideTheCluster() {
        for (String overlay : Manifests.OVERLAYS) {
            List<ObjectNode> objects = Manifests.overlay(overlay);
            for (String service : Manifests.SERVICES) {
                JsonNode app = Manifests.appContainer(Manifests.find(objects, "Deployment", service));
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    assertTrue(app.at("/" + probe + "/httpGet/path").asText().startsWith("/q/health/"), service + " " + probe);
                    assertEquals("http", app.at("/" + probe + "/httpGet/port").asText(), "the kubelet calls the pod directly");
                }
                JsonNode endpoint = Manifests.find(objects, "ServiceMonitor", service).at("/spec/endpoints/0");
                assertEquals("/q/metrics", endpoint.get("path").asText());
                assertEquals("http", endpoint.get("port").asText(), "Prometheus scrapes the Service's port, not the ingress");
                boolean prometheusAdmitted = false;
                for (JsonNode rule : Manifests.find(objects, "NetworkPolicy", service).at("/spec/ingress")) {
                    for (JsonNode peer : rule.path("from")) {
                        prometheusAdmitted |= peer.at("/namespaceSelector/matchLabels/dangjian.org~1network").asText().equals("monitoring");
                    }
                }
                assertTrue(prometheusAdmitted, service);
            }
        }
    }

    /** The service's sources and those of the platform modules it depends on, directly or not. */
    private static List<Path> sources(String service) {
        Path repo = Manifests.repoDir();
        List<Path> roots = new ArrayList<>();
        List<Path> poms = new ArrayList<>(List.of(repo.resolve(service)));
        while (!poms.isEmpty()) {
            Path module = poms.remove(0);
            roots.add(module.resolve("src/main/java"));
            String pom = read(module.resolve("pom.xml"));
            try (Stream<Path> modules = Files.list(repo.resolve("platform"))) {
                modules.filter(m -> pom.contains("<artifactId>" + m.getFileName() + "</artifactId>"))
                        .filter(m -> !roots.contains(m.resolve("src/main/java")) && !poms.contains(m))
                        .forEach(poms::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(f -> f.toString().endsWith(".java")).forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return files;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
