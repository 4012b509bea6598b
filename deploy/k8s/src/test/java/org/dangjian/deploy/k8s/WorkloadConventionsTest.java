package org.dangjian.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What ARCHITECTURE.md §6 and the issue promise operations staff about each service's pods. */
class WorkloadConventionsTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void podsProbeHealthAndShutDownGracefully(String overlay) {
        List<ObjectNode> objects = Manifests.overlay(overlay);
        for (String service : Manifests.SERVICES) {
            ObjectNode deployment = Manifests.find(objects, "Deployment", service);
            JsonNode pod = deployment.at("/spec/template/spec");
            JsonNode app = Manifests.appContainer(deployment);
            assertEquals("/q/health/live", app.at("/livenessProbe/httpGet/path").asText(), service);
            assertEquals("/q/health/ready", app.at("/readinessProbe/httpGet/path").asText(), service);
            assertEquals("http", app.at("/readinessProbe/httpGet/port").asText(), service);
            assertEquals(8080, app.at("/ports/0/containerPort").asInt(), service);
            assertTrue(app.at("/lifecycle/preStop").isObject(), service);
            String timeout = Manifests.find(objects, "ConfigMap", service + "-config").at("/data/QUARKUS_SHUTDOWN_TIMEOUT").asText();
            int shutdown = Integer.parseInt(timeout.replace("s", ""));
            assertTrue(pod.path("terminationGracePeriodSeconds").asInt() > shutdown + 5, service + " grace period");
            assertTrue(app.at("/resources/requests/cpu").isTextual() && app.at("/resources/limits/memory").isTextual(), service);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void podsRunAsNonRootOnAReadOnlyRootFilesystemWithAWritableTmp(String overlay) {
        List<ObjectNode> objects = Manifests.overlay(overlay);
        for (String service : Manifests.SERVICES) {
            ObjectNode deployment = Manifests.find(objects, "Deployment", service);
            JsonNode pod = deployment.at("/spec/template/spec");
            JsonNode app = Manifests.appContainer(deployment);
            assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean(), service);
            assertEquals("RuntimeDefault", pod.at("/securityContext/seccompProfile/type").asText(), service);
            assertTrue(app.at("/securityContext/readOnlyRootFilesystem").asBoolean(), service);
            assertFalse(app.at("/securityContext/allowPrivilegeEscalation").asBoolean(true), service);
            assertEquals("ALL", app.at("/securityContext/capabilities/drop/0").asText(), service);
            assertTrue(hasEmptyDirAt(pod, app, "/tmp"), service + " has no writable /tmp");
        }
    }

    private static boolean hasEmptyDirAt(JsonNode pod, JsonNode container, String path) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals(path)) {
                for (JsonNode v : pod.path("volumes")) {
                    if (v.path("name").equals(mount.path("name")) && v.has("emptyDir")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Test
    void devRunsOneSmallReplicaOfEverything() {
        List<ObjectNode> dev = Manifests.overlay("dev");
        for (String service : Manifests.SERVICES) {
            ObjectNode deployment = Manifests.find(dev, "Deployment", service);
            assertEquals(1, deployment.at("/spec/replicas").asInt(), service);
            assertEquals(1, Manifests.find(dev, "HorizontalPodAutoscaler", service).at("/spec/minReplicas").asInt());
            assertEquals("100m", Manifests.appContainer(deployment).at("/resources/requests/cpu").asText(), service);
            assertTrue(deployment.at("/spec/template/spec/affinity").isMissingNode(), service);
        }
        assertEquals(1, Manifests.find(dev, "KafkaNodePool", "dual-role").at("/spec/replicas").asInt());
        assertEquals(1, Manifests.find(dev, "Cluster", "dangjian-db").at("/spec/instances").asInt());
    }

    @Test
    void prodRunsThreeReplicasOnDifferentNodesAndKeepsTwoThroughDisruptions() {
        List<ObjectNode> prod = Manifests.overlay("prod");
        for (String service : Manifests.SERVICES) {
            ObjectNode deployment = Manifests.find(prod, "Deployment", service);
            assertEquals(3, deployment.at("/spec/replicas").asInt(), service);
            assertEquals(3, Manifests.find(prod, "HorizontalPodAutoscaler", service).at("/spec/minReplicas").asInt());
            JsonNode term = deployment.at("/spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/0");
            assertEquals("kubernetes.io/hostname", term.path("topologyKey").asText(), service);
            assertEquals(service, term.at("/labelSelector/matchLabels/app.kubernetes.io~1name").asText(), service);
            ObjectNode pdb = Manifests.find(prod, "PodDisruptionBudget", service);
            assertEquals(2, pdb.at("/spec/minAvailable").asInt(), service);
            assertFalse(pdb.at("/spec").has("maxUnavailable"), service);
            assertEquals(deployment.at("/spec/selector"), pdb.at("/spec/selector"), service);
        }
        assertEquals(3, Manifests.find(prod, "KafkaNodePool", "dual-role").at("/spec/replicas").asInt());
        assertEquals(3, Manifests.find(prod, "Cluster", "dangjian-db").at("/spec/instances").asInt());
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void imagesAreSetByTheOverlayToARegistryAndATag(String overlay) {
        Set<String> images = new TreeSet<>();
        Manifests.ofKind(Manifests.overlay(overlay), "Deployment").forEach(d ->
                d.at("/spec/template/spec/containers").forEach(c -> images.add(c.path("image").asText())));
        String tag = overlay.equals("prod") ? "0.1.0" : "0.1.0-SNAPSHOT";
        for (String service : Manifests.SERVICES) {
            assertTrue(images.remove("registry.example.org/dangjian/" + service + ":" + tag), service + " in " + images);
        }
        assertEquals(Set.of("registry.example.org/mirror/keycloak/keycloak:26.4"), images);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceIsScrapedAndFenced(String overlay) {
        List<ObjectNode> objects = Manifests.overlay(overlay);
        for (String service : Manifests.SERVICES) {
            ObjectNode monitor = Manifests.find(objects, "ServiceMonitor", service);
            assertEquals("/q/metrics", monitor.at("/spec/endpoints/0/path").asText());
            assertEquals("http", monitor.at("/spec/endpoints/0/port").asText());
            assertEquals("http", Manifests.find(objects, "Service", service).at("/spec/ports/0/name").asText());
            ObjectNode policy = Manifests.find(objects, "NetworkPolicy", service);
            assertEquals("[\"Ingress\",\"Egress\"]", policy.at("/spec/policyTypes").toString());
            Set<String> egressPeers = new TreeSet<>();
            policy.at("/spec/egress").forEach(rule -> rule.path("to").forEach(peer ->
                    peer.at("/podSelector/matchLabels").fields().forEachRemaining(e -> egressPeers.add(e.getKey() + "=" + e.getValue().asText()))));
            assertTrue(egressPeers.containsAll(Set.of("cnpg.io/cluster=dangjian-db", "strimzi.io/cluster=dangjian-kafka",
                    "app.kubernetes.io/name=keycloak", "k8s-app=kube-dns")), egressPeers.toString());
            policy.at("/spec/ingress").forEach(rule -> rule.path("from").forEach(peer ->
                    assertTrue(peer.has("namespaceSelector"), service + " admits a peer outside the ingress/monitoring namespaces")));
        }
    }
}
