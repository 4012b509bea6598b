package org.dangjian.activity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.dangjian.activity.Fixtures.Org;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;
import static org.dangjian.activity.Activities.*;
import static org.dangjian.activity.Fixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** GET /tasks: the caller's work queue (待办), each kind the same as the list it comes from. */
@QuarkusTest
class TasksTest {

    private static final LocalDate JOINED = LocalDate.of(2024, 1, 1);
    private static final java.time.ZoneId SHANGHAI = java.time.ZoneId.of("Asia/Shanghai");

    private static List<String> idsOf(JsonPath queue, String kind) {
        return queue.getList("items.findAll { it.kind == '" + kind + "' }.subject.id", String.class);
    }

    private static void dissolve(Org org) {
        var node = json().put("id", org.id().toString()).put("code", "T" + org.id().toString().substring(0, 6))
                .put("name", "撤销的支部").put("type", "BRANCH").put("path", org.path()).put("status", "DISSOLVED")
                .put("establishedOn", "2020-01-01").put("version", 1);
        publish(ORGANIZATION_TOPIC, UUID.randomUUID(), "organization.dissolved", org.id().toString(), node,
                "/organization-service");
        await("tree copy of " + org.id()).atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from org_unit where id = ?1 and status = 'DISSOLVED'", org.id()) == 1);
    }

    @Test
    void aSecretarysQueueHasTheActivitiesToRecordAndThoseAwaitingReassignmentAsTheirListsShowThem() {
        Org committee = root();
        Org branch = child(committee, "BRANCH");
        Org dissolved = child(committee, "BRANCH");
        UUID member = fullMember(branch.id(), JOINED);
        UUID toRecord = planned(branch.id(), "THEMED_PARTY_DAY", OffsetDateTime.now().minusDays(2));
        planned(branch.id(), "THEMED_PARTY_DAY", OffsetDateTime.now().plusDays(2));
        held(branch.id(), "PARTY_LECTURE", OffsetDateTime.now().minusDays(1), line(member, "PRESENT"));
        UUID flagged = planned(dissolved.id(), "PARTY_LECTURE", OffsetDateTime.now().plusDays(5));
        planned(child(root(), "BRANCH").id(), "THEMED_PARTY_DAY", OffsetDateTime.now().minusDays(2)); // another subtree
        dissolve(dissolved);
        await("flag").atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from activity where id = ?1 and org_dissolved_at is not null", flagged) == 1);

        RequestSpecification secretary = as(Caller.ORG_ADMIN, committee.id());
        JsonPath queue = secretary.get("/api/v1/tasks").then().statusCode(200)
                .body("counts.ACTIVITY_TO_RECORD", equalTo(1)).body("counts.ACTIVITY_AWAITING_REASSIGNMENT", equalTo(1))
                .body("counts", not(hasKey("ACTIVITY_TO_SIGN_IN")))
                .body("items.find { it.kind == 'ACTIVITY_TO_RECORD' }.overdue", equalTo(true))
                .body("items.find { it.kind == 'ACTIVITY_TO_RECORD' }.link", equalTo("/api/v1/activities/" + toRecord))
                .extract().jsonPath();
        assertEquals(as(Caller.ORG_ADMIN, committee.id()).get("/api/v1/activities/awaiting-reassignment").then().extract()
                .jsonPath().getList("items.id", String.class), idsOf(queue, "ACTIVITY_AWAITING_REASSIGNMENT"));
        // what GET /activities shows planned up to today (nothing later today here), flagged ones apart
        List<String> plannedUpToToday = as(Caller.ORG_ADMIN, committee.id())
                .get("/api/v1/activities?status=PLANNED&sort=startsAt&to=" + LocalDate.now(SHANGHAI)).then().extract()
                .jsonPath().getList("items.findAll { !it.orgDissolved }.id", String.class);
        assertEquals(List.of(toRecord.toString()), plannedUpToToday);
        assertEquals(plannedUpToToday, idsOf(queue, "ACTIVITY_TO_RECORD"));
    }

    @Test
    void walkingTheQueueByCursorReturnsEveryTaskOnceOldestDueFirst() {
        Org branch = child(root(), "BRANCH");
        for (int i = 1; i <= 5; i++) {
            planned(branch.id(), "THEMED_PARTY_DAY", OffsetDateTime.now().minusDays(i));
        }
        List<String> dues = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var page = as(Caller.BRANCH_SECRETARY, branch.id()).queryParam("size", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor).get("/api/v1/tasks").then().statusCode(200)
                    .body("counts.ACTIVITY_TO_RECORD", equalTo(5)).extract().jsonPath();
            ids.addAll(page.getList("items.subject.id", String.class));
            dues.addAll(page.getList("items.dueDate", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(5, ids.stream().distinct().count());
        assertEquals(5, ids.size());
        assertEquals(dues.stream().sorted().toList(), dues);
    }

    @Test
    void aMembersQueueHasThePlannedActivitiesOfTheDayToSignInToUntilTheyDo() {
        Org branch = child(root(), "BRANCH");
        UUID me = fullMember(branch.id(), JOINED);
        UUID today = planned(branch.id(), "THEMED_PARTY_DAY", OffsetDateTime.now().minusMinutes(5));
        planned(branch.id(), "THEMED_PARTY_DAY", OffsetDateTime.now().plusDays(3)); // sign-in not open yet
        Supplier<JsonPath> queue = () -> asMember(branch.id(), me).get("/api/v1/tasks").then().statusCode(200)
                .body("counts", not(hasKey("ACTIVITY_TO_RECORD"))).extract().jsonPath();
        JsonPath before = queue.get();
        assertEquals(List.of(today.toString()), idsOf(before, "ACTIVITY_TO_SIGN_IN"));
        assertEquals("/api/v1/me/activities/" + today + "/sign-in", before.getString("items[0].link"));
        // the same activities GET /me/activities shows as planned, open and unanswered
        List<String> fromList = asMember(branch.id(), me).get("/api/v1/me/activities?when=upcoming&sort=startsAt&to=" + LocalDate.now(SHANGHAI))
                .then().extract().jsonPath().getList("items.findAll { it.response == null }.id", String.class);
        assertEquals(fromList, idsOf(before, "ACTIVITY_TO_SIGN_IN"));
        asMember(branch.id(), me).post("/api/v1/me/activities/" + today + "/sign-in").then().statusCode(200);
        assertEquals(0, queue.get().getInt("counts.ACTIVITY_TO_SIGN_IN"));
    }

    @Test
    void anAuditorHasNoTasks() {
        Org branch = child(root(), "BRANCH");
        planned(branch.id(), "THEMED_PARTY_DAY", OffsetDateTime.now().minusDays(1));
        as(Caller.AUDITOR, branch.id()).get("/api/v1/tasks").then().statusCode(200)
                .body("items", hasSize(0)).body("counts", equalTo(Map.of()));
    }
}
