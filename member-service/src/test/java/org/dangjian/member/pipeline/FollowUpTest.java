package org.dangjian.member.pipeline;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.dangjian.member.Api;
import org.dangjian.member.TestTree;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.dangjian.member.Api.as;
import static org.dangjian.member.Api.asPlatformAdmin;
import static org.dangjian.member.pipeline.PipelineTest.at;
import static org.dangjian.member.pipeline.PipelineTest.change;
import static org.dangjian.member.pipeline.PipelineTest.contacts;
import static org.dangjian.member.pipeline.PipelineTest.step;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The talk with an applicant (谈话, within a month) and the review of an activist (考察, every six months), at their boundaries. */
@QuarkusTest
class FollowUpTest {

    @Inject
    BusinessClock clock;

    LocalDate today() {
        return clock.today();
    }

    static ValidatableResponse talk(UUID member, LocalDate on) {
        return asPlatformAdmin().body(Map.of("heldOn", on.toString(), "talkedBy", "支部书记 王明", "summary", "了解入党动机"))
                .post("/api/v1/members/" + member + "/development-records/talks").then();
    }

    static ValidatableResponse review(UUID member, LocalDate on) {
        return asPlatformAdmin().body(Map.of("reviewedOn", on.toString(), "reviewedBy", "支委会", "outcome", "SATISFACTORY"))
                .post("/api/v1/members/" + member + "/development-records/reviews").then();
    }

    static ValidatableResponse due(UUID committee, String kind, LocalDate until) {
        var request = as(Caller.ORG_ADMIN, committee).queryParam("kind", kind);
        if (until != null) {
            request.queryParam("until", until.toString());
        }
        return request.get("/api/v1/development-follow-ups").then().statusCode(200);
    }

    UUID activistWithContacts(UUID branch, LocalDate since) {
        UUID member = at(branch, "ACTIVIST", since);
        asPlatformAdmin().body(Map.of("contactMemberIds", contacts(branch))).put("/api/v1/members/" + member + "/contacts")
                .then().statusCode(200);
        return member;
    }

    @Test
    void talkWithinAMonthOfTheApplicationIsOnTimeAndALaterOneIsRecordedLate() {
        UUID branch = TestTree.branch(TestTree.committee()).id();
        LocalDate applied = today().minusDays(90);
        LocalDate due = applied.plusMonths(1);
        talk(at(branch, "APPLICANT", applied), due.minusDays(1)).statusCode(201)
                .body("kind", equalTo("TALK")).body("dueOn", equalTo(due.toString())).body("late", equalTo(false));
        talk(at(branch, "APPLICANT", applied), due).statusCode(201).body("late", equalTo(false));
        UUID late = at(branch, "APPLICANT", applied);
        talk(late, due.plusDays(1)).statusCode(201).body("late", equalTo(true));
        asPlatformAdmin().get("/api/v1/members/" + late + "/development-records").then().statusCode(200)
                .body("items.kind", contains("TALK")).body("items[0].conductedBy", equalTo("支部书记 王明"));
    }

    @Test
    void applicantBecomesActivistOnlyAfterTheBranchTalkedWithThem() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        UUID applicant = at(branch.id(), "APPLICANT", today().minusDays(90));
        Map<String, Object> body = new HashMap<>(step("ACTIVIST", today().minusDays(10)));
        body.put("contactMemberIds", contacts(branch.id()));
        change(applicant, body).statusCode(422).body("code", equalTo("MEMBER_TALK_REQUIRED"));
        // A talk after the decision's date does not count for it.
        talk(applicant, today().minusDays(5)).statusCode(201);
        change(applicant, body).statusCode(422).body("code", equalTo("MEMBER_TALK_REQUIRED"));
        body.put("effectiveOn", today().minusDays(5).toString());
        change(applicant, body).statusCode(201);
    }

    @Test
    void talkIsHeldWithAnApplicantAndNotBeforeTheApplication() {
        UUID branch = TestTree.branch(TestTree.committee()).id();
        LocalDate applied = today().minusDays(30);
        UUID applicant = at(branch, "APPLICANT", applied);
        talk(applicant, applied.minusDays(1)).statusCode(422).body("code", equalTo("MEMBER_TALK_BEFORE_APPLICATION"));
        talk(applicant, applied).statusCode(201);
        talk(Api.registered(branch), today()).statusCode(422).body("code", equalTo("MEMBER_NOT_APPLICANT"));
        talk(applicant, today().plusDays(1)).statusCode(400);
    }

    @Test
    void reviewWithinSixMonthsOfTheActivistDateIsOnTimeAndALaterOneIsLate() {
        UUID branch = TestTree.branch(TestTree.committee()).id();
        LocalDate since = today().minusDays(300);
        LocalDate due = since.plusMonths(6);
        review(at(branch, "ACTIVIST", since), due.minusDays(1)).statusCode(201)
                .body("kind", equalTo("REVIEW")).body("dueOn", equalTo(due.toString())).body("late", equalTo(false))
                .body("outcome", equalTo("SATISFACTORY"));
        review(at(branch, "ACTIVIST", since), due).statusCode(201).body("late", equalTo(false));
        review(at(branch, "ACTIVIST", since), due.plusDays(1)).statusCode(201).body("late", equalTo(true));
        review(at(branch, "ACTIVIST", since), since.minusDays(1)).statusCode(422)
                .body("code", equalTo("MEMBER_REVIEW_BEFORE_ACTIVIST"));
        review(at(branch, "APPLICANT", since), today()).statusCode(422).body("code", equalTo("MEMBER_NOT_ACTIVIST"));
    }

    @Test
    void nextReviewIsDueSixMonthsAfterThePreviousOne() {
        UUID branch = TestTree.branch(TestTree.committee()).id();
        LocalDate since = today().minusDays(500);
        UUID member = at(branch, "ACTIVIST", since);
        LocalDate first = since.plusMonths(5);
        review(member, first).statusCode(201).body("late", equalTo(false));
        review(member, first.plusMonths(6).plusDays(1)).statusCode(201)
                .body("dueOn", equalTo(first.plusMonths(6).toString())).body("late", equalTo(true));
    }

    @Test
    void candidacyNeedsAReviewNoOlderThanSixMonthsOnTheDayOfTheDecision() {
        UUID branch = TestTree.branch(TestTree.committee()).id();
        LocalDate since = today().minusDays(500);
        LocalDate reviewed = today().minusDays(300);
        LocalDate due = reviewed.plusMonths(6);

        UUID dayBefore = activistWithContacts(branch, since);
        review(dayBefore, reviewed).statusCode(201);
        change(dayBefore, step("CANDIDATE", due.minusDays(1))).statusCode(201);

        UUID dayOf = activistWithContacts(branch, since);
        review(dayOf, reviewed).statusCode(201);
        change(dayOf, step("CANDIDATE", due)).statusCode(201);

        UUID dayAfter = activistWithContacts(branch, since);
        review(dayAfter, reviewed).statusCode(201);
        change(dayAfter, step("CANDIDATE", due.plusDays(1))).statusCode(422)
                .body("code", equalTo("MEMBER_ACTIVIST_REVIEW_OVERDUE"));

        UUID neverReviewed = activistWithContacts(branch, since);
        change(neverReviewed, step("CANDIDATE", today())).statusCode(422).body("code", equalTo("MEMBER_ACTIVIST_REVIEW_OVERDUE"));
    }

    @Test
    void followUpListShowsTalksDueUpToTheGivenDayOldestFirst() {
        TestTree.Node committee = TestTree.committee();
        UUID branch = TestTree.branch(committee).id();
        LocalDate applied = today().minusDays(90);
        LocalDate due = applied.plusMonths(1);
        UUID waiting = at(branch, "APPLICANT", applied);
        UUID talkedTo = at(branch, "APPLICANT", applied);
        talk(talkedTo, applied.plusDays(3)).statusCode(201);
        UUID recent = at(branch, "APPLICANT", today().minusDays(2));

        due(committee.id(), "TALK", due.minusDays(1)).body("items", hasSize(0));
        due(committee.id(), "TALK", due).body("items.memberId", contains(waiting.toString()))
                .body("items[0].dueOn", equalTo(due.toString())).body("items[0].overdue", equalTo(true));
        due(committee.id(), "TALK", null).body("items.memberId", contains(waiting.toString()));
        LocalDate recentDue = today().minusDays(2).plusMonths(1);
        due(committee.id(), "TALK", recentDue).body("items.memberId", contains(waiting.toString(), recent.toString()))
                .body("items[1].overdue", equalTo(false));
    }

    @Test
    void followUpListOfOneBranchByOrgIdPagesByCursorOldestDueFirst() {
        TestTree.Node committee = TestTree.committee();
        UUID branch = TestTree.branch(committee).id();
        UUID otherBranch = TestTree.branch(committee).id();
        List<UUID> waiting = new java.util.ArrayList<>();
        for (int days = 100; days >= 40; days -= 20) {
            waiting.add(at(branch, "APPLICANT", today().minusDays(days)));
        }
        at(otherBranch, "APPLICANT", today().minusDays(90));

        List<String> walked = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = as(Caller.ORG_ADMIN, committee.id()).queryParam("kind", "TALK").queryParam("orgId", branch)
                    .queryParam("size", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/development-follow-ups").then().statusCode(200).extract();
            walked.addAll(page.path("items.memberId"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(waiting.stream().map(UUID::toString).toList(), walked);
        as(Caller.ORG_ADMIN, TestTree.committee().id()).queryParam("kind", "TALK").queryParam("orgId", branch)
                .get("/api/v1/development-follow-ups").then().statusCode(404).body("code", equalTo("ORGANIZATION_NOT_FOUND"));
    }

    @Test
    void followUpListShowsActivistsWhoseReviewIsDue() {
        TestTree.Node committee = TestTree.committee();
        UUID branch = TestTree.branch(committee).id();
        LocalDate since = today().minusDays(300);
        UUID unreviewed = at(branch, "ACTIVIST", since);
        UUID reviewed = at(branch, "ACTIVIST", since);
        review(reviewed, today().minusDays(1)).statusCode(201);

        due(committee.id(), "REVIEW", since.plusMonths(6).minusDays(1)).body("items", hasSize(0));
        due(committee.id(), "REVIEW", null).body("items.memberId", contains(unreviewed.toString()))
                .body("items[0].dueOn", equalTo(since.plusMonths(6).toString())).body("items[0].overdue", equalTo(true));
        due(committee.id(), "REVIEW", today().minusDays(1).plusMonths(6))
                .body("items.memberId", contains(unreviewed.toString(), reviewed.toString()));
    }

    @Test
    void followUpEndpointsNeedATokenAWriteRoleAndTheMembersSubtree() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        UUID applicant = at(branch.id(), "APPLICANT", today().minusDays(10));
        Map<String, Object> body = Map.of("heldOn", today().toString(), "talkedBy", "书记");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/members/" + applicant + "/development-records/talks").then().statusCode(401);
        given().get("/api/v1/development-follow-ups?kind=TALK").then().statusCode(401);
        Api.asMember(applicant).body(body).post("/api/v1/members/" + applicant + "/development-records/talks").then().statusCode(403);
        Api.asMember(applicant).get("/api/v1/development-follow-ups?kind=TALK").then().statusCode(403);
        as(Caller.BRANCH_SECRETARY, TestTree.committee().id()).body(body).post("/api/v1/members/" + applicant + "/development-records/talks").then()
                .statusCode(404).body("code", equalTo("MEMBER_NOT_FOUND"));
        as(Caller.AUDITOR, TestTree.committee().id()).get("/api/v1/members/" + applicant + "/development-records").then()
                .statusCode(404);
        Api.asMember(applicant).get("/api/v1/members/" + applicant + "/development-records").then().statusCode(200);
        as(Caller.ORG_ADMIN, TestTree.committee().id()).get("/api/v1/development-follow-ups").then().statusCode(400);
    }
}
