package org.dangjian.activity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.dangjian.activity.Fixtures.Org;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.localstack.Tokens;
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

/** A member's own activities through /me: what they were and are expected at, sign-in (签到) and leave (请假). */
@QuarkusTest
class MeActivitiesTest {

    private static final String MINE = "/api/v1/me/activities";
    private static final LocalDate JOINED = LocalDate.of(2024, 1, 1);

    private static String signIn(UUID activity) {
        return MINE + "/" + activity + "/sign-in";
    }

    private static String leave(UUID activity) {
        return MINE + "/" + activity + "/leave-request";
    }

    @Test
    void aMemberSeesTheActivitiesTheyAreExpectedAtWithTheirOwnAttendanceAndHours() {
        Org branch = child(root(), "BRANCH");
        Org other = child(root(), "BRANCH");
        UUID me = fullMember(branch.id(), JOINED);
        UUID colleague = fullMember(branch.id(), JOINED);
        UUID training = held(branch.id(), "TRAINING", OffsetDateTime.now().minusDays(2),
                line(me, "PRESENT", new BigDecimal("3.5")), line(colleague, "ABSENT"));
        UUID upcoming = planned(branch.id(), "THEMED_PARTY_DAY", OffsetDateTime.now().plusDays(3));
        planned(other.id(), "THEMED_PARTY_DAY", OffsetDateTime.now().plusDays(3));

        asMember(branch.id(), me).get(MINE).then().statusCode(200)
                .body("items.id", contains(upcoming.toString(), training.toString()))
                .body("items[1].attendance", equalTo("PRESENT")).body("items[1].hours", equalTo(3.5f))
                .body("items[0].attendance", nullValue()).body("items[0].status", equalTo("PLANNED"))
                .body("nextCursor", nullValue());
        asMember(branch.id(), colleague).get(MINE).then().statusCode(200)
                .body("items.find { it.id == '" + training + "' }.attendance", equalTo("ABSENT"));
    }

    @Test
    void upcomingArePlannedAndPastAreHeld() {
        Org branch = child(root(), "BRANCH");
        UUID me = fullMember(branch.id(), JOINED);
        UUID held = held(branch.id(), "PARTY_LECTURE", OffsetDateTime.now().minusDays(2), line(me, "PRESENT"));
        UUID upcoming = planned(branch.id(), "PARTY_LECTURE", OffsetDateTime.now().plusDays(3));
        asMember(branch.id(), me).get(MINE + "?when=upcoming").then().statusCode(200).body("items.id", contains(upcoming.toString()));
        asMember(branch.id(), me).get(MINE + "?when=past").then().statusCode(200).body("items.id", contains(held.toString()));
        asMember(branch.id(), me).get(MINE + "?from=" + LocalDate.now().plusDays(10)).then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void aTokenWithoutAMemberIsRefused() {
        Org branch = child(root(), "BRANCH");
        as(Caller.BRANCH_SECRETARY, branch.id()).get(MINE).then().statusCode(403).body("code", equalTo("NO_MEMBER_IDENTITY"));
    }

    @Test
    void aSecretaryWhoIsAMemberReadsTheirOwn() {
        Org branch = child(root(), "BRANCH");
        UUID me = fullMember(branch.id(), JOINED);
        UUID upcoming = planned(branch.id(), "PARTY_LECTURE", OffsetDateTime.now().plusDays(3));
        given().auth().oauth2(Tokens.issue(Caller.BRANCH_SECRETARY, branch.id(), me)).get(MINE).then().statusCode(200)
                .body("items.id", contains(upcoming.toString()));
    }

    @Test
    void theListWalksByCursor() {
        Org branch = child(root(), "BRANCH");
        UUID me = fullMember(branch.id(), JOINED);
        for (int i = 1; i <= 5; i++) {
            planned(branch.id(), "PARTY_LECTURE", OffsetDateTime.now().plusDays(i));
        }
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var page = asMember(branch.id(), me).queryParam("size", 2).queryParam("sort", "startsAt")
                    .queryParam("cursor", cursor == null ? "" : cursor).get(MINE).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(5, seen.size());
        assertEquals(5, seen.stream().distinct().count());
    }

    @Test
    void signingInTwiceAnswersTheSameSignIn() {
        Org branch = child(root(), "BRANCH");
        UUID me = fullMember(branch.id(), JOINED);
        UUID activity = planned(branch.id(), "THEMED_PARTY_DAY", OffsetDateTime.now().minusMinutes(5));
        Response first = asMember(branch.id(), me).post(signIn(activity));
        first.then().statusCode(200).body("response.kind", equalTo("SIGNED_IN")).body("id", equalTo(activity.toString()));
        Response second = asMember(branch.id(), me).post(signIn(activity));
        second.then().statusCode(200);
        assertEquals(first.jsonPath().getMap(""), second.jsonPath().getMap(""));
        assertEquals(1, count("select count(*) from activity_response where activity_id = ?1", activity));
        assertEquals(1, count("select count(*) from audit_entry where target_id = ?1 and action = 'ACTIVITY_SIGNED_IN'", activity));
    }

    @Test
    void theSameSignInWithTheSameKeyIsReplayed() {
        Org branch = child(root(), "BRANCH");
        UUID me = fullMember(branch.id(), JOINED);
        UUID activity = planned(branch.id(), "THEMED_PARTY_DAY", OffsetDateTime.now().minusMinutes(5));
        Response first = asMember(branch.id(), me).header("Idempotency-Key", "sign-in-" + activity).post(signIn(activity));
        first.then().statusCode(200);
        Response second = asMember(branch.id(), me).header("Idempotency-Key", "sign-in-" + activity).post(signIn(activity));
        second.then().statusCode(200).header("Idempotent-Replayed", "true");
        assertEquals(first.jsonPath().getMap(""), second.jsonPath().getMap(""));
        assertEquals(1, count("select count(*) from audit_entry where target_id = ?1 and action = 'ACTIVITY_SIGNED_IN'", activity));
    }

    @Test
    void signInOpensOnThePlannedDay() {
        Org branch = child(root(), "BRANCH");
        UUID me = fullMember(branch.id(), JOINED);
        UUID activity = planned(branch.id(), "THEMED_PARTY_DAY", OffsetDateTime.now().plusDays(2));
        asMember(branch.id(), me).post(signIn(activity)).then().statusCode(422).body("code", equalTo("ACTIVITY_SIGN_IN_NOT_OPEN"));
        assertEquals(0, count("select count(*) from activity_response where activity_id = ?1", activity));
    }

    @Test
    void aLeaveRequestRepeatedKeepsTheFirstReasonAndASignInReplacesIt() {
        Org branch = child(root(), "BRANCH");
        UUID me = fullMember(branch.id(), JOINED);
        UUID activity = planned(branch.id(), "THEMED_PARTY_DAY", OffsetDateTime.now().minusMinutes(5));
        asMember(branch.id(), me).body(Map.of("reason", "外出务工")).post(leave(activity)).then().statusCode(200)
                .body("response.kind", equalTo("LEAVE_REQUESTED")).body("response.reason", equalTo("外出务工"));
        asMember(branch.id(), me).body(Map.of("reason", "外出务工")).post(leave(activity)).then().statusCode(200)
                .body("response.reason", equalTo("外出务工"));
        assertEquals(1, count("select count(*) from audit_entry where target_id = ?1 and action = 'ACTIVITY_LEAVE_REQUESTED'", activity));
        asMember(branch.id(), me).post(signIn(activity)).then().statusCode(200).body("response.kind", equalTo("SIGNED_IN"));
        asMember(branch.id(), me).body(Map.of("reason", "外出务工")).post(leave(activity)).then().statusCode(409)
                .body("code", equalTo("ACTIVITY_ALREADY_SIGNED_IN"));
    }

    @Test
    void aLeaveRequestNeedsAReason() {
        Org branch = child(root(), "BRANCH");
        UUID me = fullMember(branch.id(), JOINED);
        UUID activity = planned(branch.id(), "THEMED_PARTY_DAY", OffsetDateTime.now().plusDays(2));
        asMember(branch.id(), me).body(Map.of("reason", " ")).post(leave(activity)).then().statusCode(400);
        assertEquals(0, count("select count(*) from activity_response where activity_id = ?1", activity));
    }

    @Test
    void aCancelledActivityTakesNoAnswers() {
        Org branch = child(root(), "BRANCH");
        UUID me = fullMember(branch.id(), JOINED);
        UUID activity = planned(branch.id(), "THEMED_PARTY_DAY", OffsetDateTime.now().minusMinutes(5));
        admin().header("If-Match", current(activity)).body(Map.of("reason", "台风")).post("/api/v1/activities/" + activity + "/cancel")
                .then().statusCode(200);
        asMember(branch.id(), me).post(signIn(activity)).then().statusCode(409)
                .body("code", equalTo("ACTIVITY_NOT_OPEN_FOR_RESPONSES"));
    }

    @Test
    void anActivityOfAnotherOrganizationIsNotFoundLikeAnUnknownOne() {
        Org branch = child(root(), "BRANCH");
        Org other = child(root(), "BRANCH");
        UUID me = fullMember(branch.id(), JOINED);
        UUID theirs = planned(other.id(), "THEMED_PARTY_DAY", OffsetDateTime.now().minusMinutes(5));
        RequestSpecification asMe = asMember(branch.id(), me);
        String foreign = asMe.post(signIn(theirs)).then().statusCode(404).body("code", equalTo("ACTIVITY_NOT_FOUND"))
                .extract().path("code");
        String unknown = asMember(branch.id(), me).post(signIn(UUID.randomUUID())).then().statusCode(404).extract().path("code");
        assertEquals(unknown, foreign);
        asMember(branch.id(), me).contentType(ContentType.JSON).body(Map.of("reason", "x")).post(leave(theirs)).then()
                .statusCode(404).body("code", equalTo("ACTIVITY_NOT_FOUND"));
        assertEquals(0, count("select count(*) from activity_response where activity_id = ?1", theirs));
    }
}
