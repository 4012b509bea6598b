package org.dangjian.deploy.k8s;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The check is only worth something if it refuses what a cluster would refuse: each test breaks one
 * rendered object the way a typo would and expects a violation naming it.
 */
class SchemaStrictnessTest {

    private static List<ObjectNode> prod() {
        return Manifests.overlay("prod");
    }

    private static void assertRefused(ObjectNode object, String expectedInMessage) {
        List<String> violations = SchemaCheck.violations(object);
        assertFalse(violations.isEmpty(), "accepted a broken " + Manifests.id(object));
        assertTrue(violations.stream().anyMatch(v -> v.contains(expectedInMessage)),
                "violations " + violations + " do not mention " + expectedInMessage);
    }

    @Test
    void unknownFieldInAContainerIsRefused() {
        ObjectNode deployment = Manifests.find(prod(), "Deployment", "member-service");
        ((ObjectNode) Manifests.appContainer(deployment)).put("livenesProbe", "typo");
        assertRefused(deployment, "livenesProbe");
    }

    @Test
    void misspeltDeploymentSpecFieldIsRefused() {
        ObjectNode deployment = Manifests.find(prod(), "Deployment", "activity-service");
        ((ObjectNode) deployment.get("spec")).set("replica", deployment.get("spec").get("replicas"));
        assertRefused(deployment, "replica");
    }

    @Test
    void replicasAsAStringIsRefused() {
        ObjectNode deployment = Manifests.find(prod(), "Deployment", "organization-service");
        ((ObjectNode) deployment.get("spec")).put("replicas", "3");
        assertRefused(deployment, "replicas");
    }

    @Test
    void containerPortAsAStringIsRefused() {
        ObjectNode deployment = Manifests.find(prod(), "Deployment", "assistance-service");
        ((ObjectNode) Manifests.appContainer(deployment).get("ports").get(0)).put("containerPort", "8080");
        assertRefused(deployment, "containerPort");
    }

    @Test
    void envVarWithBothValueAndSecretIsRefused() {
        ObjectNode deployment = Manifests.find(prod(), "Deployment", "member-service");
        ArrayNode env = (ArrayNode) Manifests.appContainer(deployment).get("env");
        ((ObjectNode) env.get(0)).put("value", "plain");
        assertRefused(deployment, "env");
    }

    @Test
    void pdbWithBothMinAvailableAndMaxUnavailableIsRefused() {
        ObjectNode pdb = Manifests.find(prod(), "PodDisruptionBudget", "member-service");
        ((ObjectNode) pdb.get("spec")).put("maxUnavailable", 1);
        assertRefused(pdb, "spec");
    }

    @Test
    void kafkaTopicPartitionsAsTextIsRefused() {
        ObjectNode topic = Manifests.find(prod(), "KafkaTopic", "dangjian-member-v1");
        ((ObjectNode) topic.get("spec")).put("partitions", "six");
        assertRefused(topic, "partitions");
    }

    @Test
    void kafkaUserUnknownAclOperationIsRefused() {
        ObjectNode user = Manifests.find(prod(), "KafkaUser", "member-service");
        ((ArrayNode) user.at("/spec/authorization/acls/0/operations")).add("Publish");
        assertRefused(user, "operations");
    }

    @Test
    void kafkaListenerUnknownFieldIsRefused() {
        ObjectNode kafka = Manifests.find(prod(), "Kafka", "dangjian-kafka");
        ((ObjectNode) kafka.at("/spec/kafka/listeners/0")).put("tlsEnabled", true);
        assertRefused(kafka, "tlsEnabled");
    }

    @Test
    void postgresClusterUnknownFieldIsRefused() {
        ObjectNode cluster = Manifests.find(prod(), "Cluster", "dangjian-db");
        ((ObjectNode) cluster.get("spec")).put("instance", 3);
        assertRefused(cluster, "instance");
    }

    @Test
    void postgresInstancesAsTextIsRefused() {
        ObjectNode cluster = Manifests.find(prod(), "Cluster", "dangjian-db");
        ((ObjectNode) cluster.get("spec")).put("instances", "three");
        assertRefused(cluster, "instances");
    }

    @Test
    void serviceMonitorBadIntervalIsRefused() {
        ObjectNode monitor = Manifests.find(prod(), "ServiceMonitor", "member-service");
        ((ObjectNode) monitor.at("/spec/endpoints/0")).put("interval", "thirty seconds");
        assertRefused(monitor, "interval");
    }

    @Test
    void kindWithoutASchemaIsRefused() {
        ObjectNode job = Kustomize.JSON.createObjectNode();
        job.put("apiVersion", "batch/v1").put("kind", "CronJob").putObject("metadata").put("name", "x");
        assertRefused(job, "no schema");
    }

    @Test
    void ingressWithAWildcardHostIsRefused() {
        ObjectNode ingress = Manifests.find(prod(), "Ingress", "dangjian");
        ((ObjectNode) ingress.at("/spec/rules/0")).put("host", "*.dangjian.example.org");
        assertRefused(ingress, "host");
    }

    @Test
    void theUnbrokenObjectsPass() {
        for (String kind : List.of("Deployment", "PodDisruptionBudget", "KafkaTopic", "KafkaUser", "Kafka", "Cluster")) {
            Manifests.ofKind(prod(), kind).forEach(o -> assertEquals(List.of(), SchemaCheck.violations(o)));
        }
    }

    @Test
    void rendererRefusesAKustomizationFieldItDoesNotImplement(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("kustomization.yaml"), "resources: []\nnamePrefix: x-\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kustomize.render(dir));
        assertTrue(e.getMessage().contains("namePrefix"), e.getMessage());
    }

    @Test
    void rendererRefusesAPatchThatMatchesNothing(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
        Files.writeString(dir.resolve("p.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\ndata: {k: v}\n");
        Files.writeString(dir.resolve("kustomization.yaml"), "resources: [cm.yaml]\npatches:\n  - path: p.yaml\n");
        assertThrows(IllegalArgumentException.class, () -> Kustomize.render(dir));
    }
}
