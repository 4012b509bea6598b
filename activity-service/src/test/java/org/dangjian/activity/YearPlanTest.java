package org.dangjian.activity;

import io.quarkus.test.junit.QuarkusTest;
import org.dangjian.activity.Fixtures.Org;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.dangjian.activity.Fixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class YearPlanTest {

    private static final int NEXT_YEAR = LocalDate.now().getYear() + 1;

    private static String generate(Org org) {
        return "/api/v1/organizations/" + org.id() + "/year-plans";
    }

    @Test
    void smallBranchWithoutGroupsGetsEveryRequiredOccurrenceOfTheYear() {
        Org branch = child(root(), "BRANCH");
        var plan = admin().body(Map.of("year", NEXT_YEAR)).post(generate(branch)).then().statusCode(201)
                .body("count", equalTo(22)) // 4 general meetings, 4 lectures, 12 themed days, 1 life meeting, 1 evaluation
                .extract().jsonPath();
        List<String> types = plan.getList("activities.type", String.class);
        assertEquals(12, types.stream().filter("THEMED_PARTY_DAY"::equals).count());
        assertEquals(4, types.stream().filter("BRANCH_GENERAL_MEETING"::equals).count());
        assertEquals(0, types.stream().filter("BRANCH_COMMITTEE_MEETING"::equals).count());
        admin().get("/api/v1/activities?orgId=" + branch.id() + "&status=PLANNED&type=PARTY_LECTURE").then()
                .body("items", hasSize(4));
    }

    @Test
    void branchWithACommitteeAndGroupsAlsoGetsCommitteeMeetingsAndItsGroupsMeetings() {
        Org branch = child(root(), "BRANCH");
        Org group = child(branch, "GROUP");
        for (int i = 0; i < 7; i++) {
            fullMember(branch.id(), LocalDate.of(2024, 1, 1));
        }
        admin().body(Map.of("year", NEXT_YEAR)).post(generate(branch)).then().statusCode(201)
                .body("count", equalTo(46));
        admin().get("/api/v1/activities?orgId=" + group.id() + "&type=GROUP_MEETING").then().body("items", hasSize(12));
    }

    @Test
    void aYearPlanIsGeneratedOnlyOnce() {
        Org branch = child(root(), "BRANCH");
        int count = admin().body(Map.of("year", NEXT_YEAR)).post(generate(branch)).then().statusCode(201)
                .extract().path("count");
        admin().body(Map.of("year", NEXT_YEAR)).post(generate(branch)).then().statusCode(200)
                .body("count", equalTo(count));
        assertEquals(count, count("select count(*) from activity where org_id = ?1", branch.id()));
    }

    @Test
    void onlyBranchesGetYearPlans() {
        Org committee = root();
        admin().body(Map.of("year", NEXT_YEAR)).post(generate(committee)).then().statusCode(422)
                .body("code", equalTo("YEAR_PLAN_NOT_A_BRANCH"));
    }

    @Test
    void yearPlanNeedsATokenARoleAndScope() {
        Org branch = child(root(), "BRANCH");
        given().contentType("application/json").body(Map.of("year", NEXT_YEAR)).post(generate(branch)).then().statusCode(401);
        as(Caller.AUDITOR, branch.id()).body(Map.of("year", NEXT_YEAR)).post(generate(branch)).then().statusCode(403);
        as(Caller.BRANCH_SECRETARY, child(root(), "BRANCH").id()).body(Map.of("year", NEXT_YEAR)).post(generate(branch))
                .then().statusCode(404).body("code", equalTo("ORGANIZATION_NOT_FOUND"));
    }
}
