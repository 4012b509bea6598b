package org.dangjian.activity;

import io.quarkus.test.junit.QuarkusTest;
import org.dangjian.activity.Fixtures.Org;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.dangjian.activity.Activities.held;
import static org.dangjian.activity.ComplianceReportTest.at;
import static org.dangjian.activity.Fixtures.*;
import static org.hamcrest.Matchers.equalTo;

/** Which period an activity counts in: the civil day it was held in the business time zone (Asia/Shanghai). */
@QuarkusTest
class ReportPeriodBoundaryTest {

    private static int themedPartyDaysHeld(Org branch, String period) {
        return admin().get("/api/v1/compliance-report?orgId=" + branch.id() + "&" + period).then().statusCode(200)
                .extract().jsonPath().getInt("items[0].requirements.find { it.type == 'THEMED_PARTY_DAY' }.held");
    }

    @Test
    void lastEveningOfAQuarterCountsInThatQuarterNotTheNext() {
        Org branch = child(root(), "BRANCH");
        held(branch.id(), "THEMED_PARTY_DAY", at("2025-03-31T23:30"));
        assertHeld(branch, "year=2025&quarter=1", 1);
        assertHeld(branch, "year=2025&quarter=2", 0);
    }

    @Test
    void firstMinutesOfAQuarterCountInItEvenThoughItIsStillTheOldQuarterInUtc() {
        Org branch = child(root(), "BRANCH");
        held(branch.id(), "THEMED_PARTY_DAY", at("2025-04-01T00:10"));
        assertHeld(branch, "year=2025&quarter=1", 0);
        assertHeld(branch, "year=2025&quarter=2", 1);
    }

    @Test
    void lastDayOfAMonthCountsInThatMonthAndTheFirstInTheNext() {
        Org branch = child(root(), "BRANCH");
        held(branch.id(), "THEMED_PARTY_DAY", at("2025-04-30T23:59"));
        held(branch.id(), "THEMED_PARTY_DAY", at("2025-05-01T00:00"));
        assertHeld(branch, "year=2025&month=4", 1);
        assertHeld(branch, "year=2025&month=5", 1);
        assertHeld(branch, "year=2025&quarter=2", 2);
    }

    @Test
    void leapDayCountsInFebruaryOfALeapYear() {
        Org branch = child(root(), "BRANCH");
        held(branch.id(), "THEMED_PARTY_DAY", at("2024-02-29T10:00"));
        assertHeld(branch, "year=2024&month=2", 1);
        assertHeld(branch, "year=2024&month=3", 0);
        admin().get("/api/v1/compliance-report?orgId=" + branch.id() + "&year=2024&month=2").then()
                .body("to", equalTo("2024-02-29")).body("items[0].behind", equalTo(false));
    }

    @Test
    void quarterAndMonthTogetherAreABadRequest() {
        Org branch = child(root(), "BRANCH");
        admin().get("/api/v1/compliance-report?orgId=" + branch.id() + "&year=2025&quarter=1&month=2").then()
                .statusCode(400).body("code", equalTo("REPORT_PERIOD_AMBIGUOUS"));
        admin().get("/api/v1/compliance-report?orgId=" + branch.id() + "&year=2025&quarter=5").then()
                .statusCode(400).body("code", equalTo("REPORT_PERIOD_INVALID"));
    }

    @Test
    void reportNeedsATokenARoleAndAnOrganizationInScope() {
        Org mine = root();
        Org theirs = child(root(), "BRANCH");
        given().get("/api/v1/compliance-report?orgId=" + theirs.id() + "&year=2025").then().statusCode(401);
        asMember(mine.id(), UUID.randomUUID()).get("/api/v1/compliance-report?orgId=" + mine.id() + "&year=2025").then()
                .statusCode(403);
        as(Caller.AUDITOR, mine.id()).get("/api/v1/compliance-report?orgId=" + theirs.id() + "&year=2025").then()
                .statusCode(404).body("code", equalTo("ORGANIZATION_NOT_FOUND"));
    }

    private static void assertHeld(Org branch, String period, int expected) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, themedPartyDaysHeld(branch, period), period);
    }
}
