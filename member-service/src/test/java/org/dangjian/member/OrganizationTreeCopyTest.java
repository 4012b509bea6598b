package org.dangjian.member;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.localstack.LocalStack;
import org.dangjian.platform.localstack.Tokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OrganizationTreeCopyTest {

    private static final String ESTABLISHED = "organization.established";

    @Inject
    EntityManager em;

    @Test
    void establishedOrganizationAppearsInTheLocalTree() {
        UUID root = UUID.randomUUID();
        UUID branch = UUID.randomUUID();
        OrganizationEvents.publish(UUID.randomUUID(), ESTABLISHED, OrganizationEvents.node(root, null, "/" + root + "/", "某市委", 0));
        OrganizationEvents.publish(UUID.randomUUID(), ESTABLISHED,
                OrganizationEvents.node(branch, root, "/" + root + "/" + branch + "/", "某支部", 0));

        awaitName(branch, "某支部");
        admin().get("/api/v1/organization-tree/" + branch).then().statusCode(200)
                .body("parentId", equalTo(root.toString()))
                .body("path", equalTo("/" + root + "/" + branch + "/"))
                .body("type", equalTo("BRANCH"))
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void redeliveredEventIsAppliedOnce() {
        UUID org = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        var established = OrganizationEvents.node(org, null, "/" + org + "/", "初名", 0);
        OrganizationEvents.publish(eventId, ESTABLISHED, established);
        OrganizationEvents.publish(UUID.randomUUID(), "organization.changed", OrganizationEvents.node(org, null, "/" + org + "/", "更名", 1));
        // The first event again, as Kafka may redeliver it after a consumer restart.
        OrganizationEvents.publish(eventId, ESTABLISHED, established);
        OrganizationEvents.publish(UUID.randomUUID(), "organization.changed", OrganizationEvents.node(org, null, "/" + org + "/", "终名", 2));

        // Same key, same partition: once the last event is applied, the redelivery has been seen.
        awaitName(org, "终名");
        assertEquals(1L, count("select count(*) from processed_event where event_id = '" + eventId + "'"));
        assertEquals(2L, count("select source_version from org_unit where id = '" + org + "'"));
    }

    @Test
    void olderEventArrivingLateDoesNotOverwriteANewerCopy() {
        UUID org = UUID.randomUUID();
        OrganizationEvents.publish(UUID.randomUUID(), "organization.changed", OrganizationEvents.node(org, null, "/" + org + "/", "新名称", 3));
        OrganizationEvents.publish(UUID.randomUUID(), ESTABLISHED, OrganizationEvents.node(org, null, "/" + org + "/", "旧名称", 0));
        UUID marker = UUID.randomUUID();
        OrganizationEvents.publish(UUID.randomUUID(), ESTABLISHED, OrganizationEvents.node(marker, null, "/" + marker + "/", "标记", 0));

        awaitName(marker, "标记");
        awaitName(org, "新名称");
        assertEquals(3L, count("select source_version from org_unit where id = '" + org + "'"));
    }

    @Test
    void movedOrganizationTakesItsSubtreeAlong() {
        UUID oldRoot = UUID.randomUUID();
        UUID newRoot = UUID.randomUUID();
        UUID general = UUID.randomUUID();
        UUID branch = UUID.randomUUID();
        OrganizationEvents.publish(UUID.randomUUID(), ESTABLISHED,
                OrganizationEvents.node(general, oldRoot, "/" + oldRoot + "/" + general + "/", "总支", 0));
        OrganizationEvents.publish(UUID.randomUUID(), ESTABLISHED,
                OrganizationEvents.node(branch, general, "/" + oldRoot + "/" + general + "/" + branch + "/", "支部", 0));
        awaitName(branch, "支部");

        OrganizationEvents.publish(UUID.randomUUID(), "organization.moved",
                OrganizationEvents.node(general, newRoot, "/" + newRoot + "/" + general + "/", "总支", 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> ("/" + newRoot + "/" + general + "/" + branch + "/").equals(
                admin().get("/api/v1/organization-tree/" + branch).then().extract().path("path")));
    }

    @Test
    void malformedEventGoesToTheDeadLetterTopicAndConsumptionContinues() {
        String key = UUID.randomUUID().toString();
        OrganizationEvents.send(OrganizationEvents.TOPIC, key, "{not json", Map.of("ce_id", "not-a-uuid"));
        ConsumerRecord<String, String> dead = LocalStack.shared().kafka().companion().consumeStrings()
                .fromTopics("dangjian.organization.v1.member-service.dlq",
                        records -> records.select().where(r -> key.equals(r.key())).select().first())
                .awaitCompletion(Duration.ofSeconds(30))
                .getFirstRecord();
        assertTrue(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)
                .contains("malformed event"));

        UUID after = UUID.randomUUID();
        OrganizationEvents.publish(UUID.randomUUID(), ESTABLISHED, OrganizationEvents.node(after, null, "/" + after + "/", "之后", 0));
        awaitName(after, "之后");
    }

    @Test
    void treeCopyNeedsATokenAndTheRightRole() {
        UUID org = UUID.randomUUID();
        given().get("/api/v1/organization-tree/" + org).then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2(Tokens.issue(Caller.MEMBER, org)).get("/api/v1/organization-tree/" + org)
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void organizationOutsideTheCallersSubtreeIsNotFound() {
        UUID mine = UUID.randomUUID();
        UUID sibling = UUID.randomUUID();
        OrganizationEvents.publish(UUID.randomUUID(), ESTABLISHED, OrganizationEvents.node(mine, null, "/" + mine + "/", "甲", 0));
        OrganizationEvents.publish(UUID.randomUUID(), ESTABLISHED, OrganizationEvents.node(sibling, null, "/" + sibling + "/", "乙", 0));
        awaitName(mine, "甲");
        awaitName(sibling, "乙");

        RequestSpecification orgAdmin = given().auth().oauth2(Tokens.issue(Caller.ORG_ADMIN, mine));
        orgAdmin.get("/api/v1/organization-tree/" + mine).then().statusCode(200);
        given().auth().oauth2(Tokens.issue(Caller.ORG_ADMIN, mine)).get("/api/v1/organization-tree/" + sibling)
                .then().statusCode(404).body("code", equalTo("ORGANIZATION_NOT_FOUND"));
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.issue(Caller.PLATFORM_ADMIN, null));
    }

    private static void awaitName(UUID id, String name) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = admin().get("/api/v1/organization-tree/" + id);
            return response.statusCode() == 200 && name.equals(response.path("name"));
        });
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
