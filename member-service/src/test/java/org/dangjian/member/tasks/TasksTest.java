package org.dangjian.member.tasks;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.dangjian.member.Api;
import org.dangjian.member.TestIds;
import org.dangjian.member.TestTree;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.dangjian.member.Api.as;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** GET /tasks (待办): each kind lists what its underlying list shows the same caller, and a walk gives each task once. */
@QuarkusTest
class TasksTest {

    @Inject
    BusinessClock clock;

    /** A committee with two branches, members owing dues, an applicant and a letter addressed to the first branch. */
    record Setup(TestTree.Node committee, TestTree.Node first, TestTree.Node second, String letter, UUID applicant) {
    }

    Setup setup() {
        TestTree.Node committee = TestTree.committee();
        TestTree.Node first = TestTree.branch(committee);
        TestTree.Node second = TestTree.branch(committee);
        Api.registered(first.id());
        Api.registered(second.id());
        UUID applicant = Api.registered(Api.applicant(second.id(), TestIds.nationalId(), clock.today().minusMonths(3)));
        TestTree.Node elsewhere = TestTree.committee();
        TestTree.Node from = TestTree.branch(elsewhere);
        UUID mover = Api.registered(from.id());
        String letter = as(Caller.ORG_ADMIN, elsewhere.id())
                .body(Map.of("memberId", mover.toString(), "toOrgId", first.id().toString()))
                .post("/api/v1/transfers").then().statusCode(201).extract().path("id");
        return new Setup(committee, first, second, letter, applicant);
    }

    static List<String> ids(String role, UUID org, String kind) {
        return as(role, org).get("/api/v1/tasks?size=200").then().statusCode(200).extract()
                .path("items.findAll { it.kind == '" + kind + "' }.subject.id");
    }

    @Test
    void transfersToAnswerAreTheOpenLettersAddressedToTheBranchDueOnTheirLastValidDay() {
        Setup s = setup();
        List<String> listed = as(Caller.BRANCH_SECRETARY, s.first().id())
                .get("/api/v1/transfers?branchId=" + s.first().id() + "&direction=INCOMING&status=ISSUED").then()
                .statusCode(200).extract().path("items.id");
        assertEquals(List.of(s.letter()), listed);
        assertEquals(listed, ids(Caller.BRANCH_SECRETARY, s.first().id(), "TRANSFER_TO_ANSWER"));
        String validUntil = as(Caller.BRANCH_SECRETARY, s.first().id()).get("/api/v1/transfers/" + s.letter()).then()
                .extract().path("validUntil");
        as(Caller.BRANCH_SECRETARY, s.first().id()).get("/api/v1/tasks").then().statusCode(200)
                .body("items.find { it.kind == 'TRANSFER_TO_ANSWER' }.dueDate", equalTo(validUntil))
                .body("items.find { it.kind == 'TRANSFER_TO_ANSWER' }.link", equalTo("/api/v1/transfers/" + s.letter()))
                .body("items.find { it.kind == 'TRANSFER_TO_ANSWER' }.orgId", equalTo(s.first().id().toString()))
                .body("counts.TRANSFER_TO_ANSWER", equalTo(1));
        // The letter is the receiving side's work, not the other branch's.
        assertEquals(List.of(), ids(Caller.BRANCH_SECRETARY, s.second().id(), "TRANSFER_TO_ANSWER"));
    }

    @Test
    void duesArrearsAreTheMembersTheArrearsListShows() {
        Setup s = setup();
        for (TestTree.Node branch : List.of(s.first(), s.second())) {
            List<String> listed = as(Caller.BRANCH_SECRETARY, branch.id()).get("/api/v1/dues/arrears?branchId=" + branch.id())
                    .then().statusCode(200).extract().path("items.memberId");
            assertFalse(listed.isEmpty());
            assertEquals(new HashSet<>(listed), new HashSet<>(ids(Caller.BRANCH_SECRETARY, branch.id(), "DUES_ARREARS")));
        }
    }

    @Test
    void followUpsDueAreTheTalksAndReviewsTheFollowUpListShows() {
        Setup s = setup();
        Set<String> listed = new HashSet<>();
        for (String kind : List.of("TALK", "REVIEW")) {
            List<String> due = as(Caller.ORG_ADMIN, s.committee().id()).get("/api/v1/development-follow-ups?kind=" + kind)
                    .then().statusCode(200).extract().path("items.memberId");
            listed.addAll(due);
        }
        assertEquals(Set.of(s.applicant().toString()), listed);
        assertEquals(listed, new HashSet<>(ids(Caller.ORG_ADMIN, s.committee().id(), "DEVELOPMENT_FOLLOW_UP_DUE")));
    }

    @Test
    void walkingTheQueueByCursorGivesEveryTaskOnceInDueOrder() {
        Setup s = setup();
        List<String> whole = as(Caller.ORG_ADMIN, s.committee().id()).get("/api/v1/tasks?size=200").then().extract()
                .path("items.subject.id");
        Map<String, Integer> counts = as(Caller.ORG_ADMIN, s.committee().id()).get("/api/v1/tasks").then().extract().path("counts");
        assertEquals(whole.size(), counts.values().stream().mapToInt(Integer::intValue).sum());
        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            var page = as(Caller.ORG_ADMIN, s.committee().id()).queryParam("size", 2);
            if (cursor != null) {
                page.queryParam("cursor", cursor);
            }
            var response = page.get("/api/v1/tasks").then().statusCode(200).extract();
            walked.addAll(response.path("items.subject.id"));
            cursor = response.path("nextCursor");
        } while (cursor != null);
        assertEquals(whole, walked);
        List<String> dues = as(Caller.ORG_ADMIN, s.committee().id()).get("/api/v1/tasks?size=200").then().extract()
                .path("items.dueDate");
        List<String> sorted = new ArrayList<>(dues);
        sorted.sort(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
        assertEquals(sorted, dues);
    }

    @Test
    void aMemberSeesTheirOwnUnpaidDuesAndNoStaffWork() {
        UUID me = Api.registered(TestTree.branch(TestTree.committee()).id());
        LocalDate tracked = LocalDate.of(2026, 1, 1);
        Api.asMember(me).get("/api/v1/tasks").then().statusCode(200)
                .body("items.kind", contains("MY_DUES_UNPAID"))
                .body("items[0].subject.id", equalTo(me.toString()))
                .body("items[0].dueDate", equalTo(tracked.toString()))
                .body("items[0].link", equalTo("/api/v1/me/dues"))
                .body("counts", equalTo(Map.of("MY_DUES_UNPAID", 1)));
    }

    @Test
    void anAuditorHasNoTasksHere() {
        as(Caller.AUDITOR, TestTree.committee().id()).get("/api/v1/tasks").then().statusCode(200)
                .body("items", empty()).body("counts", anEmptyMap()).body("nextCursor", equalTo(null));
    }
}
