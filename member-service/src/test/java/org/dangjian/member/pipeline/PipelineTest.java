package org.dangjian.member.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.dangjian.member.Api;
import org.dangjian.member.EventContracts;
import org.dangjian.member.TestIds;
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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each rule of the development pipeline (DOMAIN.md §2) at its boundary: the day before, of and after. */
@QuarkusTest
class PipelineTest {

    @Inject
    BusinessClock clock;

    LocalDate today() {
        return clock.today();
    }

    /** A person registered at {@code stage}, each earlier stage reached 60 days before the next. */
    static UUID at(UUID branch, String stage, LocalDate reachedOn) {
        Map<String, Object> body = Api.fullMember(branch);
        List<String> order = List.of("appliedOn", "activistOn", "candidateOn", "admittedOn", "fullOn");
        int index = List.of("APPLICANT", "ACTIVIST", "CANDIDATE", "PROBATIONARY", "FULL").indexOf(stage);
        for (int i = 0; i < order.size(); i++) {
            if (i > index) {
                body.remove(order.get(i));
            } else {
                body.put(order.get(i), reachedOn.minusDays(60L * (index - i)).toString());
            }
        }
        body.put("stage", stage);
        return Api.registered(body);
    }

    static ValidatableResponse change(UUID member, Map<String, Object> body) {
        return asPlatformAdmin().body(body).post("/api/v1/members/" + member + "/stage-changes").then();
    }

    static Map<String, Object> step(String toStage, LocalDate on) {
        Map<String, Object> body = new HashMap<>();
        body.put("toStage", toStage);
        body.put("effectiveOn", on.toString());
        body.put("decisionRef", "支委会〔2026〕" + UUID.randomUUID().toString().substring(0, 4) + "号");
        return body;
    }

    static Map<String, Object> admission(LocalDate vote, LocalDate approvedOn, int hours) {
        Map<String, Object> body = step("PROBATIONARY", vote);
        body.put("trainingHours", hours);
        body.put("politicalReviewPassed", true);
        body.put("approvedOn", approvedOn.toString());
        body.put("approver", "中共西城镇委员会");
        return body;
    }

    static List<String> contacts(UUID branch) {
        return List.of(Api.registered(branch).toString(), Api.registered(branch).toString());
    }

    /** An activist since {@code since}, with two contacts assigned and reviewed (考察) on {@code reviewedOn}. */
    static UUID activist(UUID branch, LocalDate since, LocalDate reviewedOn) {
        UUID member = at(branch, "ACTIVIST", since);
        asPlatformAdmin().body(Map.of("contactMemberIds", contacts(branch))).put("/api/v1/members/" + member + "/contacts")
                .then().statusCode(200);
        FollowUpTest.review(member, reviewedOn).statusCode(201);
        return member;
    }

    @Test
    void applicantBecomesActivistWithTwoFullMemberContactsAndStageChangedIsPublished() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        UUID applicant = at(branch.id(), "APPLICANT", today().minusDays(90));
        FollowUpTest.talk(applicant, today().minusDays(80)).statusCode(201);
        Map<String, Object> body = step("ACTIVIST", today().minusDays(30));
        body.put("contactMemberIds", contacts(branch.id()));
        change(applicant, body).statusCode(201).body("fromStage", equalTo("APPLICANT")).body("toStage", equalTo("ACTIVIST"))
                .body("details.contactMemberIds", hasSize(2));
        asPlatformAdmin().get("/api/v1/members/" + applicant).then().body("stage", equalTo("ACTIVIST"))
                .body("activistOn", equalTo(today().minusDays(30).toString()));

        JsonNode event = EventContracts.await("member.stage-changed", applicant);
        assertEquals("APPLICANT", event.get("fromStage").asText());
        assertEquals("ACTIVIST", event.get("toStage").asText());
        assertEquals(branch.id().toString(), event.get("orgId").asText());
    }

    @Test
    void activistNeedsTwoFullMembersOfTheBranchAsContacts() {
        TestTree.Node committee = TestTree.committee();
        TestTree.Node branch = TestTree.branch(committee);
        UUID applicant = at(branch.id(), "APPLICANT", today().minusDays(90));
        Map<String, Object> one = step("ACTIVIST", today());
        one.put("contactMemberIds", List.of(Api.registered(branch.id()).toString()));
        change(applicant, one).statusCode(422).body("code", equalTo("MEMBER_CONTACTS_REQUIRED"));

        Map<String, Object> otherBranch = step("ACTIVIST", today());
        otherBranch.put("contactMemberIds", List.of(Api.registered(branch.id()).toString(),
                Api.registered(TestTree.branch(committee).id()).toString()));
        change(applicant, otherBranch).statusCode(422).body("code", equalTo("MEMBER_CONTACT_NOT_FULL_MEMBER_OF_BRANCH"));

        Map<String, Object> notFull = step("ACTIVIST", today());
        notFull.put("contactMemberIds", List.of(Api.registered(branch.id()).toString(),
                at(branch.id(), "PROBATIONARY", today().minusDays(10)).toString()));
        change(applicant, notFull).statusCode(422).body("code", equalTo("MEMBER_CONTACT_NOT_FULL_MEMBER_OF_BRANCH"));
    }

    @Test
    void aContactOutsideTheCallersScopeIsRefusedExactlyLikeAnUnknownOne() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        UUID applicant = at(branch.id(), "APPLICANT", today().minusDays(90));
        UUID colleague = Api.registered(branch.id());
        UUID foreign = Api.registered(TestTree.branch(TestTree.committee()).id());
        UUID unknown = UUID.randomUUID();

        String foreignDetail = contactRefused(branch, applicant, colleague, foreign);
        String unknownDetail = contactRefused(branch, applicant, colleague, unknown);

        assertEquals(unknownDetail.replace(unknown.toString(), "?"), foreignDetail.replace(foreign.toString(), "?"));
    }

    private String contactRefused(TestTree.Node branch, UUID applicant, UUID colleague, UUID contact) {
        Map<String, Object> body = step("ACTIVIST", today());
        body.put("contactMemberIds", List.of(colleague.toString(), contact.toString()));
        return as(Caller.BRANCH_SECRETARY, branch.id()).header("Accept-Language", "en").body(body)
                .post("/api/v1/members/" + applicant + "/stage-changes").then().statusCode(422)
                .body("code", equalTo("MEMBER_CONTACT_NOT_FULL_MEMBER_OF_BRANCH")).extract().path("detail");
    }

    @Test
    void everyStepNeedsItsDecision() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        UUID applicant = at(branch.id(), "APPLICANT", today().minusDays(90));
        Map<String, Object> body = step("ACTIVIST", today());
        body.put("contactMemberIds", contacts(branch.id()));
        body.remove("decisionRef");
        change(applicant, body).statusCode(422).body("code", equalTo("MEMBER_DECISION_REQUIRED"));
    }

    @Test
    void activistBecomesCandidateAfterOneYearOfCultivationNotBefore() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        LocalDate since = today().minusDays(400);
        LocalDate oneYear = since.plusYears(1);
        LocalDate reviewed = oneYear.minusMonths(2);
        UUID member = activist(branch.id(), since, reviewed);
        change(member, step("CANDIDATE", oneYear.minusDays(1))).statusCode(422)
                .body("code", equalTo("MEMBER_ACTIVIST_PERIOD_TOO_SHORT"));
        change(member, step("CANDIDATE", oneYear)).statusCode(201);
        change(activist(branch.id(), since, reviewed), step("CANDIDATE", oneYear.plusDays(1))).statusCode(201);
    }

    @Test
    void activistWithoutContactsCannotBecomeCandidate() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        UUID member = at(branch.id(), "ACTIVIST", today().minusDays(400));
        change(member, step("CANDIDATE", today())).statusCode(422).body("code", equalTo("MEMBER_CONTACTS_REQUIRED"));
    }

    @Test
    void candidateNeeds24HoursOfTraining() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        LocalDate vote = today().minusDays(10);
        change(at(branch.id(), "CANDIDATE", today().minusDays(100)), admission(vote, vote, 23)).statusCode(422)
                .body("code", equalTo("MEMBER_TRAINING_HOURS_INSUFFICIENT"));
        change(at(branch.id(), "CANDIDATE", today().minusDays(100)), admission(vote, vote, 24)).statusCode(201)
                .body("details.trainingHours", equalTo(24));
        change(at(branch.id(), "CANDIDATE", today().minusDays(100)), admission(vote, vote, 25)).statusCode(201);
    }

    @Test
    void candidateNeedsAPassedPoliticalReview() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        Map<String, Object> body = admission(today().minusDays(5), today(), 30);
        body.put("politicalReviewPassed", false);
        change(at(branch.id(), "CANDIDATE", today().minusDays(100)), body).statusCode(422)
                .body("code", equalTo("MEMBER_POLITICAL_REVIEW_MISSING"));
    }

    @Test
    void higherCommitteeApprovesWithinThreeMonthsOfTheVote() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        LocalDate vote = today().minusDays(200);
        LocalDate last = vote.plusMonths(3);
        change(at(branch.id(), "CANDIDATE", today().minusDays(300)), admission(vote, last.minusDays(1), 24)).statusCode(201);
        change(at(branch.id(), "CANDIDATE", today().minusDays(300)), admission(vote, last, 24)).statusCode(201);
        change(at(branch.id(), "CANDIDATE", today().minusDays(300)), admission(vote, last.plusDays(1), 24)).statusCode(422)
                .body("code", equalTo("MEMBER_APPROVAL_TOO_LATE"));
        change(at(branch.id(), "CANDIDATE", today().minusDays(300)), admission(vote, vote.minusDays(1), 24)).statusCode(422)
                .body("code", equalTo("MEMBER_APPROVAL_BEFORE_VOTE"));
        Map<String, Object> unapproved = admission(vote, vote, 24);
        unapproved.remove("approvedOn");
        change(at(branch.id(), "CANDIDATE", today().minusDays(300)), unapproved).statusCode(422)
                .body("code", equalTo("MEMBER_APPROVAL_REQUIRED"));
    }

    @Test
    void probationaryMemberConvertsOneYearAfterTheVoteNotBefore() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        LocalDate vote = today().minusDays(400);
        LocalDate oneYear = vote.plusYears(1);
        UUID member = at(branch.id(), "PROBATIONARY", vote);
        change(member, step("FULL", oneYear.minusDays(1))).statusCode(422).body("code", equalTo("MEMBER_PROBATION_NOT_OVER"));
        change(member, step("FULL", oneYear)).statusCode(201);
        change(at(branch.id(), "PROBATIONARY", vote), step("FULL", oneYear.plusDays(1))).statusCode(201);

        JsonNode event = EventContracts.await("member.stage-changed", member);
        assertEquals("FULL", event.get("toStage").asText());
        assertEquals(oneYear.toString(), event.get("effectiveOn").asText());
    }

    @Test
    void probationIsExtendedOnceBySixToTwelveMonthsAndConversionWaitsForIt() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        LocalDate vote = today().minusDays(600);
        UUID member = at(branch.id(), "PROBATIONARY", vote);
        String path = "/api/v1/members/" + member + "/probation-extensions";
        Map<String, Object> body = new HashMap<>(Map.of("effectiveOn", vote.plusYears(1).toString(), "decisionRef", "党员大会〔2026〕3号"));
        body.put("months", 5);
        asPlatformAdmin().body(body).post(path).then().statusCode(422).body("code", equalTo("MEMBER_EXTENSION_OUT_OF_RANGE"));
        body.put("months", 13);
        asPlatformAdmin().body(body).post(path).then().statusCode(422).body("code", equalTo("MEMBER_EXTENSION_OUT_OF_RANGE"));
        body.put("months", 6);
        asPlatformAdmin().body(body).post(path).then().statusCode(201).body("details.extensionMonths", equalTo(6));
        body.put("months", 12);
        asPlatformAdmin().body(body).post(path).then().statusCode(422).body("code", equalTo("MEMBER_PROBATION_ALREADY_EXTENDED"));

        LocalDate ends = vote.plusYears(1).plusMonths(6);
        change(member, step("FULL", ends.minusDays(1))).statusCode(422).body("code", equalTo("MEMBER_PROBATION_NOT_OVER"));
        change(member, step("FULL", ends)).statusCode(201);

        UUID twelve = at(branch.id(), "PROBATIONARY", vote);
        body.put("months", 12);
        asPlatformAdmin().body(body).post("/api/v1/members/" + twelve + "/probation-extensions").then().statusCode(201);
        asPlatformAdmin().body(body).post("/api/v1/members/" + Api.registered(branch.id()) + "/probation-extensions").then()
                .statusCode(422).body("code", equalTo("MEMBER_NOT_ON_PROBATION"));
    }

    @Test
    void stagesCannotBeSkippedNorGoBackward() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        change(at(branch.id(), "APPLICANT", today().minusDays(10)), step("CANDIDATE", today())).statusCode(409)
                .body("code", equalTo("MEMBER_STAGE_TRANSITION_NOT_ALLOWED"));
        change(Api.registered(branch.id()), step("ACTIVIST", today())).statusCode(409)
                .body("code", equalTo("MEMBER_STAGE_TRANSITION_NOT_ALLOWED"));
    }

    @Test
    void stepCannotPredateTheCurrentStage() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        UUID member = at(branch.id(), "PROBATIONARY", today().minusDays(400));
        change(member, step("FULL", today().minusDays(401))).statusCode(422).body("code", equalTo("MEMBER_STAGE_DATE_BEFORE_CURRENT"));
    }

    @Test
    void deathEndsMembershipWithMemberEndedAndNothingChangesAfterwards() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        UUID member = Api.registered(branch.id());
        Map<String, Object> body = step("DECEASED", today().minusDays(2));
        body.put("reason", "病故");
        change(member, body).statusCode(201).body("toStage", equalTo("DECEASED"));
        asPlatformAdmin().get("/api/v1/members/" + member).then().body("stage", equalTo("DECEASED"))
                .body("endedOn", equalTo(today().minusDays(2).toString())).body("endReason", equalTo("病故"));

        JsonNode event = EventContracts.await("member.ended", member);
        assertEquals("DECEASED", event.get("endType").asText());
        assertEquals(branch.id().toString(), event.get("orgId").asText());
        body.put("toStage", "WITHDRAWN");
        change(member, body).statusCode(409).body("code", equalTo("MEMBER_STAGE_TRANSITION_NOT_ALLOWED"));
    }

    @Test
    void endNeedsAReasonAndExpulsionOnlyAppliesToPartyMembers() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        change(Api.registered(branch.id()), step("REMOVED", today())).statusCode(422).body("code", equalTo("MEMBER_END_REASON_REQUIRED"));
        Map<String, Object> expel = step("EXPELLED", today());
        expel.put("reason", "严重违纪");
        change(at(branch.id(), "APPLICANT", today().minusDays(10)), expel).statusCode(422)
                .body("code", equalTo("MEMBER_END_NOT_APPLICABLE"));
        change(Api.registered(branch.id()), expel).statusCode(201);
    }

    @Test
    void historyListsEachStepWithItsDecision() {
        TestTree.Node committee = TestTree.committee();
        TestTree.Node branch = TestTree.branch(committee);
        UUID member = at(branch.id(), "PROBATIONARY", today().minusDays(400));
        change(member, step("FULL", today())).statusCode(201);
        as(Caller.BRANCH_SECRETARY, branch.id()).get("/api/v1/members/" + member + "/stage-changes").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].toStage", equalTo("FULL")).body("items[0].recordedBy", equalTo("test-platform-admin"));
        Api.asMember(member).get("/api/v1/members/" + member + "/stage-changes").then().statusCode(200);
    }

    @Test
    void pipelineEndpointsNeedATokenAWriteRoleAndTheMembersSubtree() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        UUID member = at(branch.id(), "PROBATIONARY", today().minusDays(400));
        given().contentType(ContentType.JSON).body(step("FULL", today())).post("/api/v1/members/" + member + "/stage-changes")
                .then().statusCode(401);
        given().get("/api/v1/members/" + member + "/stage-changes").then().statusCode(401);
        Api.asMember(member).body(step("FULL", today())).post("/api/v1/members/" + member + "/stage-changes").then().statusCode(403);
        as(Caller.ORG_ADMIN, TestTree.committee().id()).body(step("FULL", today()))
                .post("/api/v1/members/" + member + "/stage-changes").then().statusCode(404).body("code", equalTo("MEMBER_NOT_FOUND"));
        as(Caller.BRANCH_SECRETARY, TestTree.committee().id()).get("/api/v1/members/" + member + "/stage-changes").then().statusCode(404);
    }
}
