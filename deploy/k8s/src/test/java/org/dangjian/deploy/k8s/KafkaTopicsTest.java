package org.dangjian.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kafka refuses to auto-create topics here, and every client is authorised by ACLs: a topic or an
 * ACL missing from the manifests is an outage. So every topic the services' code and configuration
 * use must be a KafkaTopic, and each service's KafkaUser must allow exactly what it does.
 */
class KafkaTopicsTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    private static Set<String> declaredTopics(List<ObjectNode> objects) {
        return Manifests.ofKind(objects, "KafkaTopic")
                .map(t -> t.path("spec").path("topicName").asText(t.path("metadata").path("name").asText()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyTopicAServiceUsesExistsAsAKafkaTopic(String overlay) {
        Set<String> declared = declaredTopics(Manifests.overlay(overlay));
        List<String> missing = new ArrayList<>();
        for (String service : Manifests.SERVICES) {
            ServiceConfig config = ServiceConfig.of(service);
            Set<String> used = new TreeSet<>(config.producedTopics());
            used.addAll(config.consumedTopics());
            used.addAll(config.deadLetterTopics());
            used.stream().filter(t -> !declared.contains(t)).forEach(t -> missing.add(service + " uses " + t));
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void theServicesConsumeOrganizationEventsWithADeadLetterTopicEach() {
        // Guards the derivation above: if it silently found nothing, the coverage test would be vacuous.
        for (String service : List.of("member-service", "activity-service", "assistance-service")) {
            ServiceConfig config = ServiceConfig.of(service);
            assertTrue(config.consumedTopics().contains("dangjian.organization.v1"), service);
            assertTrue(config.deadLetterTopics().contains("dangjian.organization.v1." + service + ".dlq"), service);
            assertTrue(config.consumerGroups().contains(service), service);
        }
        assertEquals(Set.of("dangjian.organization.v1"), ServiceConfig.of("organization-service").producedTopics());
    }

    @Test
    void everyDomainTopicOfTheArchitectureExists() {
        Set<String> declared = declaredTopics(Manifests.overlay("prod"));
        for (String s : List.of("organization", "member", "activity", "assistance")) {
            assertTrue(declared.contains("dangjian." + s + ".v1"), s);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void eachServiceUserMayDoWhatItsConfigurationDoesAndNoMore(String overlay) {
        List<ObjectNode> objects = Manifests.overlay(overlay);
        for (String service : Manifests.SERVICES) {
            ServiceConfig config = ServiceConfig.of(service);
            Set<String> expected = new TreeSet<>();
            // The outbox topic by convention (ARCHITECTURE.md §3), even before the first event type exists.
            expected.add("topic:dangjian." + service.replace("-service", "") + ".v1:Write");
            config.producedTopics().forEach(t -> expected.add("topic:" + t + ":Write"));
            config.consumedTopics().forEach(t -> expected.add("topic:" + t + ":Read"));
            config.consumerGroups().forEach(g -> expected.add("group:" + g + ":Read"));
            config.deadLetterTopics().forEach(t -> {
                expected.add("topic:" + t + ":Write");
                expected.add("topic:" + t + ":Read");
            });
            assertEquals(expected, granted(Manifests.find(objects, "KafkaUser", service)), overlay + " " + service);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void replicationFitsTheBrokerCount(String overlay) {
        List<ObjectNode> objects = Manifests.overlay(overlay);
        int brokers = Manifests.find(objects, "KafkaNodePool", "dual-role").at("/spec/replicas").asInt();
        Manifests.ofKind(objects, "KafkaTopic").forEach(t -> {
            int replicas = t.at("/spec/replicas").asInt();
            int minIsr = t.at("/spec/config/min.insync.replicas").asInt();
            assertTrue(replicas <= brokers, Manifests.id(t));
            // acks=all needs min.insync.replicas <= replicas, and one broker down must not stop writes in prod.
            assertTrue(minIsr <= replicas && (brokers == 1 || minIsr < replicas), Manifests.id(t));
        });
    }

    /** "type:name:Operation" for every allowed ACL, Describe left out (granted beside each). */
    private static Set<String> granted(ObjectNode user) {
        Set<String> acl = new TreeSet<>();
        for (JsonNode rule : user.at("/spec/authorization/acls")) {
            assertEquals("literal", rule.at("/resource/patternType").asText(), "no wildcard ACLs: " + rule);
            for (JsonNode op : rule.get("operations")) {
                if (!op.asText().equals("Describe")) {
                    acl.add(rule.at("/resource/type").asText() + ":" + rule.at("/resource/name").asText() + ":" + op.asText());
                }
            }
        }
        return acl;
    }
}
