package org.dangjian.activity;

import io.quarkus.test.junit.QuarkusTest;
import org.dangjian.activity.Fixtures.Org;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.dangjian.activity.Activities.*;
import static org.dangjian.activity.Fixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Planned activities of a dissolved organization: listed, then moved to another organization or cancelled. */
@QuarkusTest
class ReassignmentTest {

    private static final String AWAITING = "/api/v1/activities/awaiting-reassignment";

    private static UUID flaggedActivity(Org branch) {
        UUID activity = planned(branch.id(), "PARTY_LECTURE", OffsetDateTime.now().plusDays(5));
        dissolve(branch);
        await("flag").atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from activity where id = ?1 and org_dissolved_at is not null", activity) == 1);
        return activity;
    }

    private static void dissolve(Org org) {
        var node = json().put("id", org.id().toString()).put("code", "T" + org.id().toString().substring(0, 6))
                .put("name", "撤销的支部").put("type", "BRANCH").put("path", org.path()).put("status", "DISSOLVED")
                .put("establishedOn", "2020-01-01").put("version", 1);
        publish(ORGANIZATION_TOPIC, UUID.randomUUID(), "organization.dissolved", org.id().toString(), node,
                "/organization-service");
        await("tree copy of " + org.id()).atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from org_unit where id = ?1 and status = 'DISSOLVED'",
                        org.id()) == 1);
    }

    private static io.restassured.response.ValidatableResponse reassign(String role, Org caller, UUID activity, UUID to) {
        return as(role, caller.id()).header("If-Match", current(activity)).body(Map.of("orgId", to.toString()))
                .post("/api/v1/activities/" + activity + "/reassign").then();
    }

    @Test
    void flaggedActivityIsListedOnlyInsideTheCallersScope() {
        Org committee = root();
        UUID activity = flaggedActivity(child(committee, "BRANCH"));
        as(Caller.ORG_ADMIN, committee.id()).get(AWAITING).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(activity.toString()))
                .body("items[0].orgDissolved", equalTo(true));
        as(Caller.ORG_ADMIN, root().id()).get(AWAITING).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void reassignedActivityMovesToTheNewOrganizationAndLeavesTheList() {
        Org committee = root();
        Org dissolved = child(committee, "BRANCH");
        Org successor = child(committee, "BRANCH");
        UUID member = fullMember(successor.id(), java.time.LocalDate.of(2025, 1, 1));
        UUID activity = flaggedActivity(dissolved);

        reassign(Caller.ORG_ADMIN, committee, activity, successor.id()).statusCode(200)
                .header("ETag", notNullValue())
                .body("orgId", equalTo(successor.id().toString()))
                .body("reassignedFrom", equalTo(dissolved.id().toString()))
                .body("orgDissolvedAt", nullValue()).body("status", equalTo("PLANNED"));
        admin().get("/api/v1/activities/" + activity + "/roster").then().statusCode(200)
                .body("items.memberId", contains(member.toString()));
        as(Caller.ORG_ADMIN, committee.id()).get(AWAITING).then().body("items", hasSize(0));
        assertEquals(1, count("""
                select count(*) from audit_entry where target_id = ?1 and action = 'ACTIVITY_REASSIGNED'
                  and details->'before'->>'orgId' = ?2 and details->'after'->>'orgId' = ?3""",
                activity, dissolved.id().toString(), successor.id().toString()));
    }

    @Test
    void flaggedActivityMayBeCancelledInstead() {
        Org committee = root();
        UUID activity = flaggedActivity(child(committee, "BRANCH"));
        admin().header("If-Match", current(activity)).body(Map.of("reason", "支部已撤销"))
                .post("/api/v1/activities/" + activity + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        as(Caller.ORG_ADMIN, committee.id()).get(AWAITING).then().body("items", hasSize(0));
    }

    @Test
    void targetMustBeActiveAndInScope() {
        Org committee = root();
        Org dissolved = child(committee, "BRANCH");
        Org alsoDissolved = child(committee, "BRANCH");
        UUID activity = flaggedActivity(dissolved);
        dissolve(alsoDissolved);
        reassign(Caller.ORG_ADMIN, committee, activity, alsoDissolved.id()).statusCode(422)
                .body("code", equalTo("ORGANIZATION_NOT_ACTIVE"));
        reassign(Caller.ORG_ADMIN, committee, activity, child(root(), "BRANCH").id()).statusCode(404)
                .body("code", equalTo("ORGANIZATION_NOT_FOUND"));
    }

    @Test
    void onlyFlaggedPlannedActivitiesAreReassigned() {
        Org committee = root();
        UUID activity = planned(child(committee, "BRANCH").id(), "PARTY_LECTURE", OffsetDateTime.now().plusDays(5));
        reassign(Caller.ORG_ADMIN, committee, activity, child(committee, "BRANCH").id()).statusCode(409)
                .body("code", equalTo("ACTIVITY_NOT_AWAITING_REASSIGNMENT"));
    }

    @Test
    void reassignmentNeedsIfMatchATokenARoleAndScope() {
        Org committee = root();
        Org target = child(committee, "BRANCH");
        UUID activity = flaggedActivity(child(committee, "BRANCH"));
        String path = "/api/v1/activities/" + activity + "/reassign";
        Map<String, String> body = Map.of("orgId", target.id().toString());
        admin().body(body).post(path).then().statusCode(428).body("code", equalTo("IF_MATCH_REQUIRED"));
        admin().header("If-Match", "\"99\"").body(body).post(path).then().statusCode(412)
                .body("code", equalTo("ACTIVITY_VERSION_STALE"));
        given().contentType("application/json").body(body).post(path).then().statusCode(401);
        given().get(AWAITING).then().statusCode(401);
        as(Caller.AUDITOR, committee.id()).header("If-Match", current(activity)).body(body).post(path).then().statusCode(403);
        asMember(committee.id(), UUID.randomUUID()).get(AWAITING).then().statusCode(403);
        as(Caller.ORG_ADMIN, root().id()).header("If-Match", current(activity)).body(body).post(path).then()
                .statusCode(404).body("code", equalTo("ACTIVITY_NOT_FOUND"));
    }
}
