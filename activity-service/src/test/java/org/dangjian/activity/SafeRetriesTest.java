package org.dangjian.activity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.dangjian.activity.Fixtures.Org;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.dangjian.activity.Activities.*;
import static org.dangjian.activity.Fixtures.*;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A phone retrying a state change after a timeout: when the activity is already in the state asked for, by the
 * same kind of request, the answer is 200 with the activity as it is, and nothing happens twice.
 */
@QuarkusTest
class SafeRetriesTest {

    private static long events(UUID activity, String type) {
        return count("select count(*) from outbox_event where aggregate_id = ?1 and type = ?2", activity, type);
    }

    private static long audits(UUID target, String action) {
        return count("select count(*) from audit_entry where target_id = ?1 and action = ?2", target, action);
    }

    private static Response post(String etag, Map<String, Object> body, String path, String key) {
        var request = admin().header("If-Match", etag).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post(path);
    }

    @Test
    void cancellingTwiceAnswersTheCancelledActivityAndPublishesOnce() {
        UUID activity = planned(child(root(), "BRANCH").id(), "PARTY_LECTURE", OffsetDateTime.now().plusDays(4));
        String etag = current(activity);
        String path = "/api/v1/activities/" + activity + "/cancel";
        Response first = post(etag, Map.of("reason", "台风"), path, null);
        first.then().statusCode(200).body("status", equalTo("CANCELLED"));
        Response second = post(etag, Map.of("reason", "台风"), path, null);
        second.then().statusCode(200).header("ETag", equalTo(first.header("ETag")));
        assertEquals(first.jsonPath().getMap(""), second.jsonPath().getMap(""));
        assertEquals(1, events(activity, "activity.cancelled"));
        assertEquals(1, audits(activity, "ACTIVITY_CANCELLED"));
    }

    @Test
    void cancellingAHeldActivityStaysAConflict() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), LocalDate.of(2024, 1, 1));
        UUID activity = held(branch.id(), "PARTY_LECTURE", OffsetDateTime.now().minusDays(1), line(member, "PRESENT"));
        post(current(activity), Map.of("reason", "台风"), "/api/v1/activities/" + activity + "/cancel", null).then()
                .statusCode(409).body("code", equalTo("ACTIVITY_TRANSITION_NOT_ALLOWED"));
    }

    @Test
    void recordingTheSameTwiceAnswersTheRecordedActivityWithoutACorrection() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), LocalDate.of(2024, 1, 1));
        UUID activity = planned(branch.id(), "PARTY_LECTURE", OffsetDateTime.now().minusDays(3));
        String etag = current(activity);
        var body = recording(OffsetDateTime.now().minusDays(1).withNano(0), line(member, "LEAVE"));
        String path = "/api/v1/activities/" + activity + "/record";
        Response first = post(etag, body, path, null);
        first.then().statusCode(200).body("revision", equalTo(1));
        Response second = post(etag, body, path, null);
        second.then().statusCode(200).body("revision", equalTo(1));
        assertEquals(first.jsonPath().getMap(""), second.jsonPath().getMap(""));
        assertEquals(1, events(activity, "activity.recorded"));
        assertEquals(1, audits(activity, "ACTIVITY_RECORDED"));
        assertEquals(0, count("select count(*) from activity_revision where activity_id = ?1", activity));
    }

    @Test
    void recordingSomethingElseWithTheOldETagIsStillRefusedAsStale() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), LocalDate.of(2024, 1, 1));
        UUID activity = planned(branch.id(), "PARTY_LECTURE", OffsetDateTime.now().minusDays(3));
        String etag = current(activity);
        OffsetDateTime start = OffsetDateTime.now().minusDays(1).withNano(0);
        String path = "/api/v1/activities/" + activity + "/record";
        post(etag, recording(start, line(member, "PRESENT")), path, null).then().statusCode(200);
        post(etag, recording(start, line(member, "ABSENT")), path, null).then().statusCode(412)
                .body("code", equalTo("ACTIVITY_VERSION_STALE"));
    }

    @Test
    void theSameRecordingWithTheSameKeyIsReplayed() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), LocalDate.of(2024, 1, 1));
        UUID activity = planned(branch.id(), "PARTY_LECTURE", OffsetDateTime.now().minusDays(3));
        String etag = current(activity);
        var body = recording(OffsetDateTime.now().minusDays(1).withNano(0), line(member, "PRESENT"));
        String path = "/api/v1/activities/" + activity + "/record";
        String key = "record-" + activity;
        Response first = post(etag, body, path, key);
        first.then().statusCode(200);
        Response second = post(etag, body, path, key);
        second.then().statusCode(200).header("Idempotent-Replayed", "true");
        assertEquals(first.jsonPath().getMap(""), second.jsonPath().getMap(""));
        assertEquals(1, events(activity, "activity.recorded"));
        assertEquals(1, audits(activity, "ACTIVITY_RECORDED"));
    }

    @Test
    void theSameCancellationWithTheSameKeyIsReplayed() {
        UUID activity = planned(child(root(), "BRANCH").id(), "PARTY_LECTURE", OffsetDateTime.now().plusDays(4));
        String etag = current(activity);
        String path = "/api/v1/activities/" + activity + "/cancel";
        Response first = post(etag, Map.of("reason", "台风"), path, "cancel-" + activity);
        first.then().statusCode(200);
        Response second = post(etag, Map.of("reason", "台风"), path, "cancel-" + activity);
        second.then().statusCode(200).header("Idempotent-Replayed", "true");
        assertEquals(first.jsonPath().getMap(""), second.jsonPath().getMap(""));
        assertEquals(1, events(activity, "activity.cancelled"));
    }

    @Test
    void reassigningTwiceToTheSameOrganizationAnswersTheMovedActivity() {
        Org committee = root();
        Org dissolved = child(committee, "BRANCH");
        Org successor = child(committee, "BRANCH");
        UUID activity = planned(dissolved.id(), "PARTY_LECTURE", OffsetDateTime.now().plusDays(5));
        var node = json().put("id", dissolved.id().toString()).put("code", "T" + dissolved.id().toString().substring(0, 6))
                .put("name", "撤销的支部").put("type", "BRANCH").put("path", dissolved.path()).put("status", "DISSOLVED")
                .put("establishedOn", "2020-01-01").put("version", 1);
        publish(ORGANIZATION_TOPIC, UUID.randomUUID(), "organization.dissolved", dissolved.id().toString(), node,
                "/organization-service");
        await("flag").atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from activity where id = ?1 and org_dissolved_at is not null", activity) == 1);
        String etag = current(activity);
        String path = "/api/v1/activities/" + activity + "/reassign";
        Response first = post(etag, Map.of("orgId", successor.id().toString()), path, null);
        first.then().statusCode(200).body("orgId", equalTo(successor.id().toString()));
        Response second = post(etag, Map.of("orgId", successor.id().toString()), path, null);
        second.then().statusCode(200);
        assertEquals(first.jsonPath().getMap(""), second.jsonPath().getMap(""));
        assertEquals(1, audits(activity, "ACTIVITY_REASSIGNED"));
    }

    @Test
    void generatingAYearPlanTwiceAnswersThePlanThatExists() {
        Org branch = child(root(), "BRANCH");
        String path = "/api/v1/organizations/" + branch.id() + "/year-plans";
        int year = LocalDate.now().getYear() + 1;
        Response first = admin().body(Map.of("year", year)).post(path);
        first.then().statusCode(201);
        Response second = as(Caller.BRANCH_SECRETARY, branch.id()).body(Map.of("year", year)).post(path);
        second.then().statusCode(200);
        assertEquals(first.jsonPath().getList("activities.id"), second.jsonPath().getList("activities.id"));
        assertEquals(first.jsonPath().getInt("count"), second.jsonPath().getInt("count"));
        assertEquals(first.jsonPath().getInt("count"),
                count("select count(*) from activity where org_id = ?1", branch.id()));
        assertEquals(1, audits(branch.id(), "YEAR_PLAN_GENERATED"));
    }
}
