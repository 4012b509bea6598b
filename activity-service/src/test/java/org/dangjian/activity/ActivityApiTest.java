package org.dangjian.activity;

import io.quarkus.test.junit.QuarkusTest;
import org.dangjian.activity.Fixtures.Org;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.dangjian.activity.Activities.*;
import static org.dangjian.activity.Fixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ActivityApiTest {

    private static final LocalDate JOINED = LocalDate.of(2025, 1, 1);
    private static final OffsetDateTime HELD = OffsetDateTime.parse("2026-06-30T14:30:00+08:00");

    @Test
    void plannedActivityIsReturnedAsPlanned() {
        Org branch = child(root(), "BRANCH");
        admin().body(plan(branch.id(), "THEMED_PARTY_DAY", HELD)).post("/api/v1/activities").then().statusCode(201)
                .header("Location", containsString("/api/v1/activities/"))
                .body("status", equalTo("PLANNED")).body("type", equalTo("THEMED_PARTY_DAY"))
                .body("typeLabel", equalTo("主题党日")).body("place", equalTo("党员活动室"))
                .body("recording", nullValue());
    }

    @Test
    void planWithoutPlaceOrOnlineLinkIsRefused() {
        Org branch = child(root(), "BRANCH");
        Map<String, Object> body = plan(branch.id(), "PARTY_LECTURE", HELD);
        body.remove("place");
        admin().body(body).post("/api/v1/activities").then().statusCode(422).body("code", equalTo("ACTIVITY_VENUE_REQUIRED"));
        body.put("onlineLink", "https://meeting.example/abc");
        admin().body(body).post("/api/v1/activities").then().statusCode(201);
    }

    @Test
    void planWithAnUnknownTypeIsABadRequest() {
        Org branch = child(root(), "BRANCH");
        admin().body(plan(branch.id(), "PICNIC", HELD)).post("/api/v1/activities").then().statusCode(400);
    }

    @Test
    void planNeedsAToken() {
        given().contentType("application/json").body(plan(UUID.randomUUID(), "PARTY_LECTURE", HELD))
                .post("/api/v1/activities").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void auditorMayNotPlan() {
        Org branch = child(root(), "BRANCH");
        as(Caller.AUDITOR, branch.id()).body(plan(branch.id(), "PARTY_LECTURE", HELD)).post("/api/v1/activities").then()
                .statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void planForASiblingSubtreeIsNotFound() {
        Org mine = child(root(), "BRANCH");
        Org theirs = child(root(), "BRANCH");
        as(Caller.BRANCH_SECRETARY, mine.id()).body(plan(theirs.id(), "PARTY_LECTURE", HELD)).post("/api/v1/activities")
                .then().statusCode(404).body("code", equalTo("ORGANIZATION_NOT_FOUND"));
    }

    @Test
    void activityOfASiblingSubtreeIsNotFoundForEveryEndpoint() {
        Org mine = child(root(), "BRANCH");
        Org theirs = child(root(), "BRANCH");
        UUID activity = planned(theirs.id(), "PARTY_LECTURE", HELD);
        var me = as(Caller.ORG_ADMIN, mine.id());
        me.get("/api/v1/activities/" + activity).then().statusCode(404).body("code", equalTo("ACTIVITY_NOT_FOUND"));
        me.get("/api/v1/activities/" + activity + "/revisions").then().statusCode(404);
        me.get("/api/v1/activities/" + activity + "/roster").then().statusCode(404);
        me.body(Map.of("reason", "x")).header("If-Match", current(activity)).post("/api/v1/activities/" + activity + "/cancel").then().statusCode(404);
        me.body(recording(HELD)).header("If-Match", current(activity)).post("/api/v1/activities/" + activity + "/record").then().statusCode(404);
    }

    @Test
    void readEndpointsNeedATokenAndARole() {
        UUID id = UUID.randomUUID();
        given().get("/api/v1/activities/" + id).then().statusCode(401);
        given().get("/api/v1/activities").then().statusCode(401);
        asMember(UUID.randomUUID(), UUID.randomUUID()).get("/api/v1/activities/" + id).then().statusCode(403);
        asMember(UUID.randomUUID(), UUID.randomUUID()).get("/api/v1/activities").then().statusCode(403);
        as(Caller.AUDITOR, UUID.randomUUID()).body(Map.of("reason", "x")).post("/api/v1/activities/" + id + "/cancel")
                .then().statusCode(403);
    }

    @Test
    void recordingWithEveryRosterMemberMarksTheActivityHeld() {
        Org branch = child(root(), "BRANCH");
        UUID present = fullMember(branch.id(), JOINED);
        UUID onLeave = fullMember(branch.id(), JOINED);
        UUID absent = fullMember(branch.id(), JOINED);
        UUID activity = planned(branch.id(), "BRANCH_GENERAL_MEETING", HELD);

        as(Caller.BRANCH_SECRETARY, branch.id()).body(recording(HELD, line(present, "PRESENT"), line(onLeave, "LEAVE"),
                line(absent, "ABSENT"))).header("If-Match", current(activity)).post("/api/v1/activities/" + activity + "/record").then().statusCode(200)
                .body("status", equalTo("HELD")).body("revision", equalTo(1))
                .body("recording.heldOn", equalTo("2026-06-30"))
                .body("recording.attendance", hasSize(3))
                .body("recording.guests[0].name", equalTo("张指导员"))
                .body("attendanceSummary.expected", equalTo(3)).body("attendanceSummary.present", equalTo(1))
                .body("attendanceSummary.leave", equalTo(1)).body("attendanceSummary.absent", equalTo(1));
    }

    @Test
    void recordingThatLeavesOutARosterMemberIsRefused() {
        Org branch = child(root(), "BRANCH");
        UUID present = fullMember(branch.id(), JOINED);
        fullMember(branch.id(), JOINED);
        UUID activity = planned(branch.id(), "BRANCH_GENERAL_MEETING", HELD);
        admin().body(recording(HELD, line(present, "PRESENT"))).header("If-Match", current(activity)).post("/api/v1/activities/" + activity + "/record").then()
                .statusCode(422).body("code", equalTo("ATTENDANCE_INCOMPLETE"));
    }

    @Test
    void memberWhoJoinedAfterTheDayHeldIsNotOnItsRoster() {
        Org branch = child(root(), "BRANCH");
        UUID early = fullMember(branch.id(), JOINED);
        UUID late = fullMember(branch.id(), HELD.toLocalDate().plusDays(1));
        UUID activity = planned(branch.id(), "BRANCH_GENERAL_MEETING", HELD);
        admin().get("/api/v1/activities/" + activity + "/roster").then().statusCode(200)
                .body("items.memberId", contains(early.toString()));
        admin().body(recording(HELD, line(early, "PRESENT"), line(late, "PRESENT")))
                .header("If-Match", current(activity)).post("/api/v1/activities/" + activity + "/record").then()
                .statusCode(422).body("code", equalTo("ATTENDANCE_NOT_ON_ROSTER"));
    }

    @Test
    void leaveWithoutAReasonIsRefused() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), JOINED);
        UUID activity = planned(branch.id(), "PARTY_LECTURE", HELD);
        Map<String, Object> line = line(member, "LEAVE");
        line.remove("leaveReason");
        admin().body(recording(HELD, line)).header("If-Match", current(activity)).post("/api/v1/activities/" + activity + "/record").then()
                .statusCode(422).body("code", equalTo("ATTENDANCE_LEAVE_REASON_REQUIRED"));
    }

    @Test
    void trainingNeedsHoursForPresentMembersAndOtherTypesRefuseThem() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), JOINED);
        UUID training = planned(branch.id(), "TRAINING", HELD);
        admin().body(recording(HELD, line(member, "PRESENT"))).header("If-Match", current(training)).post("/api/v1/activities/" + training + "/record").then()
                .statusCode(422).body("code", equalTo("ATTENDANCE_HOURS_REQUIRED"));
        admin().body(recording(HELD, line(member, "PRESENT", new BigDecimal("3.5"))))
                .header("If-Match", current(training)).post("/api/v1/activities/" + training + "/record").then().statusCode(200)
                .body("recording.attendance[0].hours", equalTo(3.5f));

        UUID lecture = planned(branch.id(), "PARTY_LECTURE", HELD);
        admin().body(recording(HELD, line(member, "PRESENT", new BigDecimal("2"))))
                .header("If-Match", current(lecture)).post("/api/v1/activities/" + lecture + "/record").then()
                .statusCode(422).body("code", equalTo("ATTENDANCE_HOURS_NOT_APPLICABLE"));
    }

    @Test
    void activityCannotBeRecordedBeforeItHappens() {
        Org branch = child(root(), "BRANCH");
        OffsetDateTime future = OffsetDateTime.now().plusDays(2);
        UUID activity = planned(branch.id(), "PARTY_LECTURE", future);
        admin().body(recording(future)).header("If-Match", current(activity)).post("/api/v1/activities/" + activity + "/record").then()
                .statusCode(422).body("code", equalTo("ACTIVITY_NOT_YET_HELD"));
    }

    @Test
    void correctionNeedsAReasonAndKeepsTheEarlierRecording() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), JOINED);
        UUID activity = held(branch.id(), "BRANCH_GENERAL_MEETING", HELD, line(member, "ABSENT"));

        Map<String, Object> corrected = recording(HELD, line(member, "LEAVE"));
        admin().body(corrected).header("If-Match", current(activity)).post("/api/v1/activities/" + activity + "/record").then()
                .statusCode(422).body("code", equalTo("ACTIVITY_CORRECTION_REASON_REQUIRED"));
        corrected.put("correctionReason", "该党员事先已书面请假");
        corrected.put("minutes", "更正后的记录");
        admin().body(corrected).header("If-Match", current(activity)).post("/api/v1/activities/" + activity + "/record").then().statusCode(200)
                .body("revision", equalTo(2)).body("recording.attendance[0].status", equalTo("LEAVE"))
                .body("recording.minutes", equalTo("更正后的记录"));

        admin().get("/api/v1/activities/" + activity + "/revisions").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].revision", equalTo(1))
                .body("items[0].reason", equalTo("该党员事先已书面请假"))
                .body("items[0].recording.attendance[0].status", equalTo("ABSENT"))
                .body("items[0].recording.minutes", equalTo("会议传达了上级精神，党员逐一发言。"));
    }

    @Test
    void cancelledActivityCannotBeRecordedAndCancellingItAgainChangesNothing() {
        Org branch = child(root(), "BRANCH");
        UUID activity = planned(branch.id(), "THEMED_PARTY_DAY", HELD);
        admin().body(Map.of("reason", "台风预警")).header("If-Match", current(activity)).post("/api/v1/activities/" + activity + "/cancel").then()
                .statusCode(200).body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("台风预警"));
        admin().body(recording(HELD)).header("If-Match", current(activity)).post("/api/v1/activities/" + activity + "/record").then()
                .statusCode(409).body("code", equalTo("ACTIVITY_TRANSITION_NOT_ALLOWED"));
        admin().body(Map.of("reason", "again")).header("If-Match", current(activity)).post("/api/v1/activities/" + activity + "/cancel").then()
                .statusCode(200).body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("台风预警"));
    }

    @Test
    void heldActivityCannotBeCancelled() {
        Org branch = child(root(), "BRANCH");
        UUID activity = held(branch.id(), "THEMED_PARTY_DAY", HELD);
        admin().body(Map.of("reason", "x")).header("If-Match", current(activity)).post("/api/v1/activities/" + activity + "/cancel").then()
                .statusCode(409).body("code", equalTo("ACTIVITY_TRANSITION_NOT_ALLOWED"));
    }

    @Test
    void listWalksByCursorInEitherOrderOfPlannedStart() {
        Org branch = child(root(), "BRANCH");
        List<String> planned = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            planned.add(planned(branch.id(), "PARTY_LECTURE", HELD.plusDays(i)).toString());
        }
        for (String sort : List.of("startsAt", "-startsAt")) {
            List<String> seen = new java.util.ArrayList<>();
            String cursor = "";
            do {
                var page = admin().queryParam("orgId", branch.id()).queryParam("sort", sort).queryParam("size", 2)
                        .queryParam("cursor", cursor).get("/api/v1/activities").then().statusCode(200).extract().jsonPath();
                seen.addAll(page.getList("items.id", String.class));
                cursor = page.getString("nextCursor");
            } while (cursor != null);
            List<String> expected = new java.util.ArrayList<>(planned);
            if (sort.startsWith("-")) {
                java.util.Collections.reverse(expected);
            }
            assertEquals(expected, seen);
        }
    }

    @Test
    void aCursorOfAnotherOrderIsABadRequest() {
        Org branch = child(root(), "BRANCH");
        planned(branch.id(), "PARTY_LECTURE", HELD);
        planned(branch.id(), "PARTY_LECTURE", HELD.plusDays(1));
        String cursor = admin().get("/api/v1/activities?size=1&orgId=" + branch.id()).then().statusCode(200)
                .extract().path("nextCursor");
        admin().get("/api/v1/activities?size=1&sort=startsAt&orgId=" + branch.id() + "&cursor=" + cursor).then()
                .statusCode(400).body("code", equalTo("INVALID_PARAMETER")).body("errors[0].field", equalTo("cursor"));
        admin().get("/api/v1/activities?sort=topic").then().statusCode(400).body("errors[0].field", equalTo("sort"));
    }

    @Test
    void listShowsOnlyTheCallersSubtreeFilteredByStatus() {
        Org committee = root();
        Org branch = child(committee, "BRANCH");
        Org sibling = child(root(), "BRANCH");
        UUID plannedOne = planned(branch.id(), "PARTY_LECTURE", HELD);
        UUID heldOne = held(branch.id(), "THEMED_PARTY_DAY", HELD);
        planned(sibling.id(), "PARTY_LECTURE", HELD);

        as(Caller.ORG_ADMIN, committee.id()).get("/api/v1/activities?size=200").then().statusCode(200)
                .body("items", hasSize(2)).body("items.id", containsInAnyOrder(plannedOne.toString(), heldOne.toString()));
        as(Caller.ORG_ADMIN, committee.id()).get("/api/v1/activities?status=HELD&from=2026-06-30&to=2026-06-30").then()
                .statusCode(200).body("items.id", contains(heldOne.toString()));
        as(Caller.ORG_ADMIN, committee.id()).get("/api/v1/activities?orgId=" + sibling.id()).then().statusCode(404);
        as(Caller.ORG_ADMIN, committee.id()).get("/api/v1/activities?size=201").then().statusCode(400);
    }

    @Test
    void readingGivesTheVersionAsETagAndEachChangeANewOne() {
        Org branch = child(root(), "BRANCH");
        UUID activity = planned(branch.id(), "THEMED_PARTY_DAY", HELD);
        String planned = current(activity);
        assertEquals("\"0\"", planned);
        String recorded = admin().header("If-Match", planned).body(recording(HELD))
                .post("/api/v1/activities/" + activity + "/record").then().statusCode(200).extract().header("ETag");
        assertEquals("\"1\"", recorded);
        assertEquals(recorded, current(activity));
    }

    @Test
    void recordingOrCancellingWithoutIfMatchIsRefused() {
        Org branch = child(root(), "BRANCH");
        UUID activity = planned(branch.id(), "THEMED_PARTY_DAY", HELD);
        admin().body(recording(HELD)).post("/api/v1/activities/" + activity + "/record").then()
                .statusCode(428).body("code", equalTo("IF_MATCH_REQUIRED"));
        admin().body(Map.of("reason", "台风预警")).post("/api/v1/activities/" + activity + "/cancel").then()
                .statusCode(428).body("code", equalTo("IF_MATCH_REQUIRED"));
        admin().get("/api/v1/activities/" + activity).then().body("status", equalTo("PLANNED"));
    }

    @Test
    void correctionOnAStaleVersionIsRefusedAndChangesNothing() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), JOINED);
        UUID activity = planned(branch.id(), "BRANCH_GENERAL_MEETING", HELD);
        String read = current(activity);
        admin().header("If-Match", read).body(recording(HELD, line(member, "PRESENT")))
                .post("/api/v1/activities/" + activity + "/record").then().statusCode(200);

        Map<String, Object> corrected = recording(HELD, line(member, "ABSENT"));
        corrected.put("correctionReason", "记错了");
        admin().header("If-Match", read).body(corrected).post("/api/v1/activities/" + activity + "/record").then()
                .statusCode(412).body("code", equalTo("ACTIVITY_VERSION_STALE"));
        admin().header("If-Match", "W/\"1\"").body(Map.of("reason", "x")).post("/api/v1/activities/" + activity + "/cancel")
                .then().statusCode(409); // the right version: refused only because it was held
        admin().header("If-Match", "not-a-version").body(corrected).post("/api/v1/activities/" + activity + "/record")
                .then().statusCode(412);
        admin().get("/api/v1/activities/" + activity).then().body("revision", equalTo(1))
                .body("recording.attendance[0].status", equalTo("PRESENT"));
    }
}
