package org.dangjian.deploy.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every object of every overlay, rendered as a cluster would get it, matches its kind's schema. */
class ManifestSchemaTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyRenderedObjectMatchesItsSchema(String overlay) {
        List<ObjectNode> objects = Manifests.overlay(overlay);
        List<String> violations = objects.stream().flatMap(o -> SchemaCheck.violations(o).stream()).toList();
        assertEquals(List.of(), violations, overlay + " has objects that a cluster would refuse");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void overlayRendersTheWholePlatformIntoOneNamespace(String overlay) {
        List<ObjectNode> objects = Manifests.overlay(overlay);
        Set<String> kinds = new HashSet<>();
        objects.forEach(o -> kinds.add(o.path("apiVersion").asText() + "/" + o.path("kind").asText()));
        assertEquals(Set.of("v1/Namespace", "v1/ServiceAccount", "v1/ConfigMap", "v1/Service", "apps/v1/Deployment",
                "autoscaling/v2/HorizontalPodAutoscaler", "policy/v1/PodDisruptionBudget",
                "networking.k8s.io/v1/NetworkPolicy", "networking.k8s.io/v1/Ingress", "monitoring.coreos.com/v1/ServiceMonitor",
                "kafka.strimzi.io/v1beta2/Kafka", "kafka.strimzi.io/v1beta2/KafkaNodePool",
                "kafka.strimzi.io/v1beta2/KafkaTopic", "kafka.strimzi.io/v1beta2/KafkaUser",
                "postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/Database",
                "postgresql.cnpg.io/v1/ScheduledBackup", "barmancloud.cnpg.io/v1/ObjectStore"), kinds);
        String namespace = Manifests.ofKind(objects, "Namespace").findFirst().orElseThrow()
                .path("metadata").path("name").asText();
        objects.stream().filter(o -> !o.path("kind").asText().equals("Namespace")).forEach(o ->
                assertEquals(namespace, o.path("metadata").path("namespace").asText(), Manifests.id(o)));
        Set<String> ids = new HashSet<>();
        objects.forEach(o -> assertTrue(ids.add(Manifests.id(o)), "rendered twice: " + Manifests.id(o)));
    }
}
