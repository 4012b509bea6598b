package org.dangjian.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The addresses in the services' ConfigMaps name what the operators create (CloudNativePG's
 * {@code <cluster>-rw} Service, Strimzi's {@code <kafka>-kafka-bootstrap}, the Keycloak Service), on
 * the ports their NetworkPolicies open: a rename or a port change on one side fails here, not in
 * a cluster at 3 a.m.
 */
class WiringTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void servicesReachTheDatabaseKafkaAndKeycloakThroughOpenPorts(String overlay) {
        List<ObjectNode> objects = Manifests.overlay(overlay);
        String cluster = Manifests.ofKind(objects, "Cluster").findFirst().orElseThrow().at("/metadata/name").asText();
        ObjectNode kafka = Manifests.ofKind(objects, "Kafka").findFirst().orElseThrow();
        JsonNode listener = kafka.at("/spec/kafka/listeners/0");
        ObjectNode keycloak = Manifests.find(objects, "Service", "keycloak");
        int keycloakPort = keycloak.at("/spec/ports/0/port").asInt();
        for (String service : Manifests.SERVICES) {
            JsonNode data = Manifests.find(objects, "ConfigMap", service + "-config").path("data");
            URI jdbc = URI.create(data.path("QUARKUS_DATASOURCE_JDBC_URL").asText().substring("jdbc:".length()));
            assertEquals(cluster + "-rw", jdbc.getHost(), service);
            String[] bootstrap = data.path("KAFKA_BOOTSTRAP_SERVERS").asText().split(":");
            assertEquals(kafka.at("/metadata/name").asText() + "-kafka-bootstrap", bootstrap[0], service);
            assertEquals(listener.path("port").asInt(), Integer.parseInt(bootstrap[1]), service);
            assertEquals(listener.path("tls").asBoolean() ? "SASL_SSL" : "SASL_PLAINTEXT", data.path("KAFKA_SECURITY_PROTOCOL").asText());
            assertEquals("scram-sha-512", listener.at("/authentication/type").asText());
            assertEquals("SCRAM-SHA-512", data.path("KAFKA_SASL_MECHANISM").asText());
            URI oidc = URI.create(data.path("QUARKUS_OIDC_AUTH_SERVER_URL").asText());
            assertEquals("keycloak", oidc.getHost());
            assertEquals(keycloakPort, oidc.getPort());

            ObjectNode policy = Manifests.find(objects, "NetworkPolicy", service);
            assertTrue(egressPorts(policy, "cnpg.io/cluster", cluster).contains(jdbc.getPort()), service + " → database");
            assertTrue(egressPorts(policy, "strimzi.io/cluster", kafka.at("/metadata/name").asText())
                    .contains(Integer.parseInt(bootstrap[1])), service + " → kafka");
            assertTrue(egressPorts(policy, "app.kubernetes.io/name", "keycloak").contains(oidc.getPort()), service + " → keycloak");

            // The pods carry the labels the other side's policies admit.
            JsonNode labels = Manifests.find(objects, "Deployment", service).at("/spec/template/metadata/labels");
            assertEquals(listener.at("/networkPolicyPeers/0/podSelector/matchLabels"), pick(labels, "dangjian.org/kafka-client"));
            assertEquals("true", labels.path("dangjian.org/db-client").asText());
            assertEquals("true", labels.path("dangjian.org/oidc-client").asText());
        }
    }

    private static Set<Integer> egressPorts(ObjectNode policy, String label, String value) {
        Set<Integer> ports = new TreeSet<>();
        for (JsonNode rule : policy.at("/spec/egress")) {
            for (JsonNode peer : rule.path("to")) {
                if (value.equals(peer.at("/podSelector/matchLabels").path(label).asText(null))) {
                    rule.path("ports").forEach(p -> ports.add(p.path("port").asInt()));
                }
            }
        }
        return ports;
    }

    private static JsonNode pick(JsonNode labels, String key) {
        ObjectNode one = Kustomize.JSON.createObjectNode();
        one.set(key, labels.get(key));
        return one;
    }
}
