package org.dangjian.activity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.dangjian.activity.Fixtures.Org;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.dangjian.activity.Activities.*;
import static org.dangjian.activity.ComplianceReportTest.at;
import static org.dangjian.activity.Fixtures.*;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 书记讲党课: the secretary gives a Party lecture at least once a year (DOMAIN.md §3). */
@QuarkusTest
class SecretaryLectureTest {

    private static final LocalDate SINCE = LocalDate.of(2024, 1, 1);

    /** A Party lecture held at {@code when} whose host is the member; every roster member present. */
    private static UUID lectureBy(Org branch, UUID host, OffsetDateTime when, UUID... roster) {
        Map<String, Object> plan = plan(branch.id(), "PARTY_LECTURE", when.minusDays(3));
        plan.remove("host");
        plan.put("hostMemberId", host.toString());
        UUID id = UUID.fromString(admin().body(plan).post("/api/v1/activities").then().statusCode(201)
                .extract().path("id"));
        Map<String, Object>[] lines = java.util.Arrays.stream(roster).map(m -> line(m, "PRESENT")).toArray(Map[]::new);
        record(admin(), id, recording(when, lines));
        return id;
    }

    private static JsonPath yearReport(Org branch, int year) {
        return admin().get("/api/v1/compliance-report?orgId=" + branch.id() + "&year=" + year).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void lectureHostedByTheSecretaryMeetsTheRule() {
        Org branch = child(root(), "BRANCH");
        UUID secretary = fullMember(branch.id(), SINCE);
        leadership(branch, 1, seat("SECRETARY", secretary, SINCE));
        lectureBy(branch, secretary, at("2025-05-20T14:00"), secretary);

        JsonPath report = yearReport(branch, 2025);
        assertEquals("SECRETARY_LECTURE", report.getString("items[0].rules[0].code"));
        assertEquals("书记讲党课", report.getString("items[0].rules[0].label"));
        assertEquals(1, report.getInt("items[0].rules[0].required"));
        assertEquals(1, report.getInt("items[0].rules[0].held"));
        assertTrue(report.getBoolean("items[0].rules[0].met"));
        assertEquals(List.of(), report.getList("items[0].behindOnRules"));
    }

    @Test
    void lectureByAnotherMemberOrByNameOnlyDoesNotCount() {
        Org branch = child(root(), "BRANCH");
        UUID secretary = fullMember(branch.id(), SINCE);
        UUID member = fullMember(branch.id(), SINCE);
        leadership(branch, 1, seat("SECRETARY", secretary, SINCE));
        lectureBy(branch, member, at("2025-05-20T14:00"), secretary, member);
        held(branch.id(), "PARTY_LECTURE", at("2025-06-20T14:00"), line(secretary, "PRESENT"), line(member, "PRESENT"));

        JsonPath report = yearReport(branch, 2025);
        assertEquals(0, report.getInt("items[0].rules[0].held"));
        assertFalse(report.getBoolean("items[0].rules[0].met"));
        assertEquals(List.of("SECRETARY_LECTURE"), report.getList("items[0].behindOnRules"));
        assertTrue(report.getBoolean("items[0].behind"));
    }

    @Test
    void lectureCountsOnlyForWhoWasSecretaryOnTheDayHeld() {
        Org branch = child(root(), "BRANCH");
        UUID later = fullMember(branch.id(), SINCE);
        leadership(branch, 1, seat("SECRETARY", later, LocalDate.of(2025, 6, 1)));
        lectureBy(branch, later, at("2025-05-31T14:00"), later);
        assertEquals(0, yearReport(branch, 2025).getInt("items[0].rules[0].held"));

        lectureBy(branch, later, at("2025-06-01T09:00"), later);
        assertEquals(1, yearReport(branch, 2025).getInt("items[0].rules[0].held"));
    }

    @Test
    void quarterReportDoesNotOweTheYearlyLecture() {
        Org branch = child(root(), "BRANCH");
        JsonPath report = admin().get("/api/v1/compliance-report?orgId=" + branch.id() + "&year=2025&quarter=2").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of(), report.getList("items[0].rules"));
    }

    @Test
    void hostMemberMustBeKnownAndGivesTheHostsName() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), SINCE);
        Map<String, Object> plan = plan(branch.id(), "PARTY_LECTURE", at("2025-05-20T14:00"));
        plan.remove("host");
        plan.put("hostMemberId", UUID.randomUUID().toString());
        admin().body(plan).post("/api/v1/activities").then().statusCode(422).body("code", equalTo("MEMBER_REFERENCE_UNKNOWN"));
        plan.put("hostMemberId", member.toString());
        admin().body(plan).post("/api/v1/activities").then().statusCode(201)
                .body("hostMemberId", equalTo(member.toString()))
                .body("host", equalTo("党员" + member.toString().substring(0, 4)));
    }

    @Test
    void recordingNamesWhoActuallyHosted() {
        Org branch = child(root(), "BRANCH");
        UUID secretary = fullMember(branch.id(), SINCE);
        UUID activity = planned(branch.id(), "PARTY_LECTURE", at("2025-05-20T14:00"));
        admin().get("/api/v1/activities/" + activity).then().body("hostMemberId", nullValue());
        Map<String, Object> body = recording(at("2025-05-20T14:00"), line(secretary, "PRESENT"));
        body.put("hostMemberId", secretary.toString());
        admin().header("If-Match", current(activity)).body(body).post("/api/v1/activities/" + activity + "/record")
                .then().statusCode(200).body("hostMemberId", equalTo(secretary.toString()));
    }
}
