package org.dangjian.member;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.localstack.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class DeadLetterAdminTest {

    private static final String DLQ = "dangjian.organization.v1.member-service.dlq";

    @Test
    void deadLettersAreListedWithTheReasonTheyFailed() {
        String key = UUID.randomUUID().toString();
        OrganizationEvents.send(OrganizationEvents.TOPIC, key, "{broken", Map.of("ce_id", "no-uuid"));

        // Unreadable, its type is unknown: every consumer group of the topic dead-letters it, the tree copy's among them.
        Map<String, Object> letter = await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters().stream()
                .filter(l -> key.equals(l.get("key")) && DLQ.equals(l.get("topic"))).findFirst().orElse(null), Objects::nonNull);
        assertEquals(OrganizationEvents.TOPIC, letter.get("originalTopic"));
        assertEquals("{broken", letter.get("value"));
        assertEquals(true, ((String) letter.get("reason")).contains("malformed event"));
    }

    @Test
    void aReplayedDeadLetterIsAppliedAndAReplayAgainChangesNothing() {
        UUID org = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        var node = OrganizationEvents.node(org, null, "/" + org + "/", "重放党委", 0);
        // As the failure strategy leaves it: the original record plus the dead-letter headers.
        OrganizationEvents.send(DLQ, org.toString(), node.toString(), Map.of(
                "ce_specversion", "1.0", "ce_id", eventId.toString(), "ce_type", "organization.established",
                "ce_source", "/organization-service", "ce_time", OffsetDateTime.now().toString(),
                "dead-letter-topic", OrganizationEvents.TOPIC, "dead-letter-reason", "database was down"));
        Map<String, Object> letter = await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters().stream()
                .filter(l -> org.toString().equals(l.get("key"))).findFirst().orElse(null), Objects::nonNull);
        String replay = "/api/v1/admin/dead-letters/" + DLQ + "/" + letter.get("partition") + "/" + letter.get("offset") + "/replay";

        admin().post(replay).then().statusCode(200).body("replayedTo", equalTo(OrganizationEvents.TOPIC));
        await().atMost(Duration.ofSeconds(30)).until(() -> admin().get("/api/v1/organization-tree/" + org).statusCode() == 200);
        admin().post(replay).then().statusCode(200);
        UUID marker = UUID.randomUUID();
        OrganizationEvents.publish(UUID.randomUUID(), "organization.established",
                OrganizationEvents.node(marker, null, "/" + marker + "/", "标记", 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> admin().get("/api/v1/organization-tree/" + marker).statusCode() == 200);

        admin().get("/api/v1/organization-tree/" + org).then().statusCode(200)
                .body("name", equalTo("重放党委")).body("sourceVersion", equalTo(0));
    }

    @Test
    void replayingAnOffsetThatHoldsNothingIsNotFound() {
        admin().post("/api/v1/admin/dead-letters/" + DLQ + "/0/999999999/replay").then().statusCode(404)
                .body("code", equalTo("DEAD_LETTER_NOT_FOUND"));
        admin().post("/api/v1/admin/dead-letters/some.other.topic/0/0/replay").then().statusCode(404)
                .body("code", equalTo("DEAD_LETTER_NOT_FOUND"));
    }

    @Test
    void onlyAPlatformAdminSeesDeadLetters() {
        given().auth().oauth2(Tokens.issue(Caller.ORG_ADMIN, UUID.randomUUID())).get("/api/v1/admin/dead-letters")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().get("/api/v1/admin/dead-letters").then().statusCode(401);
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(Tokens.issue(Caller.PLATFORM_ADMIN, null));
    }

    private static List<Map<String, Object>> deadLetters() {
        JsonPath body = admin().get("/api/v1/admin/dead-letters?size=200").then().statusCode(200).extract().jsonPath();
        return body.getList("items");
    }
}
