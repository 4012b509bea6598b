package org.dangjian.activity;

import io.quarkus.test.junit.QuarkusTest;
import org.dangjian.activity.Fixtures.Org;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.dangjian.activity.Activities.held;
import static org.dangjian.activity.Activities.line;
import static org.dangjian.activity.ComplianceReportTest.at;
import static org.dangjian.activity.Fixtures.*;
import static org.hamcrest.Matchers.*;

@QuarkusTest
class ParticipationTest {

    private static final LocalDate SINCE = LocalDate.of(2024, 1, 1);

    @Test
    void memberSeesTheirActivitiesAttendanceRateAndHoursOfTheYear() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), SINCE);
        held(branch.id(), "TRAINING", at("2025-03-01T09:00"), line(member, "PRESENT", new BigDecimal("20")));
        held(branch.id(), "TRAINING", at("2025-12-31T20:00"), line(member, "PRESENT", new BigDecimal("12")));
        held(branch.id(), "VOLUNTEER_SERVICE", at("2025-05-04T09:00"), line(member, "PRESENT", new BigDecimal("4.5")));
        held(branch.id(), "PARTY_LECTURE", at("2025-06-01T09:00"), line(member, "ABSENT"));
        held(branch.id(), "TRAINING", at("2024-12-31T20:00"), line(member, "PRESENT", new BigDecimal("8")));

        asMember(branch.id(), member).get("/api/v1/members/" + member + "/participation?year=2025").then().statusCode(200)
                .body("activities", hasSize(4))
                .body("activities[0].heldOn", equalTo("2025-03-01"))
                .body("expected", equalTo(4)).body("present", equalTo(3)).body("absent", equalTo(1))
                .body("attendanceRate", equalTo(0.75f))
                .body("trainingHours", equalTo(32.0f))
                .body("trainingHoursRequired", equalTo(32.0f))
                .body("requirementBasis", equalTo("MEMBER"))
                .body("trainingRequirementMet", equalTo(true))
                .body("volunteerHours", equalTo(4.5f));
    }

    @Test
    void trainingHoursJustBelowTheRequirementAreNotEnough() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), SINCE);
        held(branch.id(), "TRAINING", at("2025-03-01T09:00"), line(member, "PRESENT", new BigDecimal("31.99")));
        admin().get("/api/v1/members/" + member + "/participation?year=2025").then().statusCode(200)
                .body("trainingHours", equalTo(31.99f)).body("trainingRequirementMet", equalTo(false));
    }

    @Test
    void memberWithoutActivitiesHasNoRate() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), SINCE);
        admin().get("/api/v1/members/" + member + "/participation?year=2025").then().statusCode(200)
                .body("activities", hasSize(0)).body("attendanceRate", nullValue())
                .body("trainingHours", equalTo(0.0f)).body("trainingRequirementMet", equalTo(false));
    }

    @Test
    void aMemberCannotSeeAnotherMember() {
        Org branch = child(root(), "BRANCH");
        UUID me = fullMember(branch.id(), SINCE);
        UUID other = fullMember(branch.id(), SINCE);
        asMember(branch.id(), me).get("/api/v1/members/" + other + "/participation?year=2025").then()
                .statusCode(404).body("code", equalTo("MEMBER_NOT_FOUND"));
    }

    @Test
    void participationNeedsATokenARoleAndScope() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), SINCE);
        given().get("/api/v1/members/" + member + "/participation?year=2025").then().statusCode(401);
        as(Caller.AUDITOR, branch.id()).get("/api/v1/members/" + member + "/participation?year=2025").then().statusCode(403);
        as(Caller.BRANCH_SECRETARY, child(root(), "BRANCH").id())
                .get("/api/v1/members/" + member + "/participation?year=2025").then()
                .statusCode(404).body("code", equalTo("MEMBER_NOT_FOUND"));
        as(Caller.BRANCH_SECRETARY, branch.id()).get("/api/v1/members/" + member + "/participation?year=2025").then()
                .statusCode(200);
    }

    @Test
    void aMemberWhoLeftThePlatformKeepsTheirHistoryWithTheirLastBranch() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), SINCE);
        held(branch.id(), "THEMED_PARTY_DAY", at("2025-03-10T09:00"), line(member, "PRESENT"));
        awaitProcessed("activity-service.roster", transferredOut(member, branch.id(), LocalDate.of(2025, 6, 1), 2));

        as(Caller.BRANCH_SECRETARY, branch.id()).get("/api/v1/members/" + member + "/participation?year=2025").then()
                .statusCode(200).body("orgId", nullValue()).body("present", equalTo(1));
        as(Caller.BRANCH_SECRETARY, child(root(), "BRANCH").id())
                .get("/api/v1/members/" + member + "/participation?year=2025").then()
                .statusCode(404).body("code", equalTo("MEMBER_NOT_FOUND"));
    }

    @Test
    void theReceivingBranchCountsTheFormerBranchsActivitiesWithoutSeeingThem() {
        Org former = child(child(root(), "COMMITTEE"), "BRANCH");
        Org receiving = child(child(root(), "COMMITTEE"), "BRANCH");
        UUID member = fullMember(former.id(), SINCE);
        held(former.id(), "THEMED_PARTY_DAY", at("2025-03-10T09:00"), line(member, "LEAVE"));
        awaitProcessed("activity-service.roster", transferred(member, former.id(), receiving.id(), LocalDate.of(2025, 6, 1), 2));
        held(receiving.id(), "THEMED_PARTY_DAY", at("2025-07-10T09:00"), line(member, "PRESENT"));

        as(Caller.BRANCH_SECRETARY, receiving.id()).get("/api/v1/members/" + member + "/participation?year=2025").then()
                .statusCode(200)
                .body("expected", equalTo(2)).body("present", equalTo(1)).body("leave", equalTo(1))
                .body("activities.heldElsewhere", contains(true, false))
                .body("activities[0].orgId", nullValue()).body("activities[0].activityId", nullValue())
                .body("activities[0].topic", nullValue()).body("activities[0].leaveReason", nullValue())
                .body("activities[0].heldOn", equalTo("2025-03-10")).body("activities[0].attendance", equalTo("LEAVE"))
                .body("activities[1].orgId", equalTo(receiving.id().toString()))
                .body(not(containsString(former.id().toString())));
    }

    @Test
    void aMemberSeesEveryActivityOfTheirYearWhereverItWasHeld() {
        Org former = child(child(root(), "COMMITTEE"), "BRANCH");
        Org receiving = child(child(root(), "COMMITTEE"), "BRANCH");
        UUID member = fullMember(former.id(), SINCE);
        held(former.id(), "THEMED_PARTY_DAY", at("2025-03-10T09:00"), line(member, "PRESENT"));
        awaitProcessed("activity-service.roster", transferred(member, former.id(), receiving.id(), LocalDate.of(2025, 6, 1), 2));

        asMember(receiving.id(), member).get("/api/v1/members/" + member + "/participation?year=2025").then()
                .statusCode(200)
                .body("activities.heldElsewhere", contains(false))
                .body("activities[0].orgId", equalTo(former.id().toString()));
    }
}
