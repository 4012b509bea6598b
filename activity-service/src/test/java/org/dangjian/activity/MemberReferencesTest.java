package org.dangjian.activity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
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

import static org.awaitility.Awaitility.await;
import static org.dangjian.activity.Activities.*;
import static org.dangjian.activity.Fixtures.*;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Member ids in a request body (hostMemberId, recorderMemberId, attendance) name a member who belongs, on the
 * activity's day, to an organization in the caller's scope. Any other id, whether never heard of, ended,
 * transferred away or outside the scope, is refused with the same problem and nothing of the member.
 */
@QuarkusTest
class MemberReferencesTest {

    private static final String ROSTER = "activity-service.roster";
    private static final LocalDate SINCE = LocalDate.of(2024, 1, 1);
    private static final OffsetDateTime DAY = OffsetDateTime.parse("2025-06-10T14:00:00+08:00");
    private static final LocalDate BEFORE_DAY = LocalDate.of(2025, 6, 1);

    /** A committee whose org-admin plans for its branch, and a sibling committee's branch. */
    private record Scene(Org mine, Org branch, Org sibling) {
        static Scene create() {
            Org mine = root();
            return new Scene(mine, child(mine, "BRANCH"), child(root(), "BRANCH"));
        }

        io.restassured.specification.RequestSpecification admin() {
            return as(Caller.ORG_ADMIN, mine.id());
        }
    }

    @Test
    void unknownEndedTransferredAwayAndForeignMembersAreRefusedAlikeAsHostOrRecorder() {
        Scene s = Scene.create();
        List<UUID> refused = refusedMembers(s);

        for (String field : List.of("hostMemberId", "recorderMemberId")) {
            List<Map<String, Object>> problems = new ArrayList<>();
            for (UUID member : refused) {
                Map<String, Object> body = plan(s.branch().id(), "THEMED_PARTY_DAY", DAY);
                body.put(field, member.toString());
                ExtractableResponse<Response> answer = s.admin().body(body).post("/api/v1/activities").then()
                        .statusCode(422).contentType("application/problem+json")
                        .body("code", equalTo("MEMBER_REFERENCE_UNKNOWN")).extract();
                assertFalse(answer.asString().contains("秘密"), "the member's name must not show: " + answer.asString());
                Map<String, Object> problem = answer.jsonPath().getMap("$");
                problem.replaceAll((k, v) -> v instanceof String text ? text.replace(member.toString(), "<id>") : v);
                problems.add(problem);
            }
            problems.forEach(p -> assertEquals(problems.get(0), p, "every refused " + field + " answers alike"));
        }
        assertEquals(0, count("select count(*) from activity where org_id = ?1", s.branch().id()));
    }

    @Test
    void aMemberOfAnOrganizationInScopeHostsAndRecordsUnderTheirName() {
        Scene s = Scene.create();
        UUID host = member(s.branch(), "王书记");
        UUID recorder = member(s.branch(), "李委员");
        Map<String, Object> body = plan(s.branch().id(), "PARTY_LECTURE", DAY);
        body.remove("host");
        body.remove("recorder");
        body.put("hostMemberId", host.toString());
        body.put("recorderMemberId", recorder.toString());

        s.admin().body(body).post("/api/v1/activities").then().statusCode(201)
                .body("hostMemberId", equalTo(host.toString())).body("host", equalTo("王书记"))
                .body("recorderMemberId", equalTo(recorder.toString())).body("recorder", equalTo("李委员"));
    }

    @Test
    void aHostFromTheCommitteeAboveIsAcceptedForABranchsActivity() {
        Scene s = Scene.create();
        UUID lecturer = member(s.mine(), "张书记");
        Map<String, Object> body = plan(s.branch().id(), "PARTY_LECTURE", DAY);
        body.put("hostMemberId", lecturer.toString());

        s.admin().body(body).post("/api/v1/activities").then().statusCode(201)
                .body("hostMemberId", equalTo(lecturer.toString())).body("host", equalTo("王书记"));
    }

    @Test
    void aMemberWhoLeftBeforeThePlannedDayCannotHostIt() {
        Scene s = Scene.create();
        UUID member = member(s.branch(), "赵六");
        awaitProcessed(ROSTER, transferredOut(member, s.branch().id(), BEFORE_DAY, 2));
        Map<String, Object> body = plan(s.branch().id(), "THEMED_PARTY_DAY", DAY);
        body.put("hostMemberId", member.toString());

        s.admin().body(body).post("/api/v1/activities").then().statusCode(422).body("code", equalTo("MEMBER_REFERENCE_UNKNOWN"));
        body.put("plannedStart", BEFORE_DAY.minusDays(1) + "T09:00:00+08:00");
        s.admin().body(body).post("/api/v1/activities").then().statusCode(201).body("hostMemberId", equalTo(member.toString()));
    }

    @Test
    void recordingChecksWhoHostedAndRecordedOnTheDayHeld() {
        Scene s = Scene.create();
        UUID member = member(s.branch(), "孙八");
        UUID foreign = member(s.sibling(), "秘密党员");
        UUID activity = planned(s.branch().id(), "THEMED_PARTY_DAY", DAY.minusDays(3));
        // the member left after the day held: they were a member of the branch that day
        awaitProcessed(ROSTER, transferredOut(member, s.branch().id(), DAY.toLocalDate().plusDays(1), 2));

        for (String field : List.of("hostMemberId", "recorderMemberId")) {
            Map<String, Object> body = recording(DAY, line(member, "PRESENT"));
            body.put(field, foreign.toString());
            s.admin().body(body).header("If-Match", current(activity)).post("/api/v1/activities/" + activity + "/record")
                    .then().statusCode(422).body("code", equalTo("MEMBER_REFERENCE_UNKNOWN"));
        }
        Map<String, Object> body = recording(DAY, line(member, "PRESENT"));
        body.put("hostMemberId", member.toString());
        body.put("recorderMemberId", member.toString());
        s.admin().body(body).header("If-Match", current(activity)).post("/api/v1/activities/" + activity + "/record")
                .then().statusCode(200).body("hostMemberId", equalTo(member.toString())).body("recorder", equalTo("孙八"));
    }

    @Test
    void attendanceOfAnUnknownOrAForeignMemberIsRefusedAlike() {
        Scene s = Scene.create();
        UUID member = member(s.branch(), "周九");
        UUID foreign = member(s.sibling(), "秘密党员");
        UUID activity = planned(s.branch().id(), "THEMED_PARTY_DAY", DAY.minusDays(3));

        List<String> details = new ArrayList<>();
        for (UUID stranger : List.of(UUID.randomUUID(), foreign)) {
            String answer = s.admin().body(recording(DAY, line(member, "PRESENT"), line(stranger, "PRESENT")))
                    .header("If-Match", current(activity)).post("/api/v1/activities/" + activity + "/record")
                    .then().statusCode(422).body("code", equalTo("ATTENDANCE_NOT_ON_ROSTER")).extract().path("detail");
            details.add(answer.replace(stranger.toString(), "<id>"));
        }
        assertEquals(details.get(0), details.get(1));
    }

    /** An id never heard of, a member ended before the day, one transferred out, one transferred away, one foreign. */
    private static List<UUID> refusedMembers(Scene s) {
        UUID ended = member(s.branch(), "秘密甲");
        ended(ended, s.branch().id(), "EXPELLED", BEFORE_DAY, 2);
        UUID out = member(s.branch(), "秘密乙");
        transferredOut(out, s.branch().id(), BEFORE_DAY, 2);
        UUID away = member(s.branch(), "秘密丙");
        UUID moved = transferred(away, s.branch().id(), s.sibling().id(), BEFORE_DAY, 2);
        UUID foreign = member(s.sibling(), "秘密丁");
        awaitProcessed(ROSTER, moved);
        await("the departures").atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from roster_member where member_id in (?1, ?2) and source_version = 2",
                        ended, out) == 2);
        return List.of(UUID.randomUUID(), ended, out, away, foreign);
    }

    private static UUID member(Org org, String name) {
        UUID member = UUID.randomUUID();
        registered(member, org.id(), "FULL", name, SINCE, 1);
        await("member " + name).atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from roster_member where member_id = ?1", member) == 1);
        return member;
    }
}
