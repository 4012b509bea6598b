package org.dangjian.organization;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.dangjian.organization.Api.as;
import static org.dangjian.organization.Api.asPlatformAdmin;
import static org.dangjian.organization.Api.body;
import static org.dangjian.organization.Api.newChild;
import static org.dangjian.organization.Api.newCommittee;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** GET /tasks (待办): each kind is what its list shows the same caller, oldest due first, undated last. */
@QuarkusTest
class TasksTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    void anOrgAdminsQueueHoldsWhatTheOverdueDueAndReviewListsShowThem() {
        LocalDate today = LocalDate.now(ZONE);
        UUID root = newCommittee("待办党委");
        UUID overdue = branchWithTermEnding(root, "待办逾期支部", today.minusDays(1));
        UUID due = branchWithTermEnding(root, "待办换届支部", today.plusDays(10));
        branchWithTermEnding(root, "待办未到期支部", today.plusDays(200));
        String assessment = selfAssessed(root, newChild(root, "待办考核支部", "BRANCH"));

        ExtractableResponse<Response> queue = as(Caller.ORG_ADMIN, root).get("/api/v1/tasks").then().statusCode(200)
                .body("items.kind", contains("TERM_OVERDUE", "RE_ELECTION_DUE", "ASSESSMENT_TO_REVIEW"))
                .body("items[0].dueDate", equalTo(today.minusDays(1).toString()))
                .body("items[0].overdue", equalTo(true))
                .body("items[0].link", equalTo("/api/v1/organizations/" + overdue + "/leadership"))
                .body("items[1].overdue", equalTo(false))
                .body("items[2].dueDate", org.hamcrest.Matchers.nullValue())
                .body("items[2].orgId", equalTo(root.toString()))
                .body("counts.TERM_OVERDUE", equalTo(1)).body("counts.RE_ELECTION_DUE", equalTo(1))
                .body("counts.ASSESSMENT_TO_REVIEW", equalTo(1))
                .body("nextCursor", org.hamcrest.Matchers.nullValue()).extract();

        assertEquals(idsOf(as(Caller.ORG_ADMIN, root).get("/api/v1/leadership-terms/overdue").then().statusCode(200)
                .extract(), "organizationId"), subjects(queue, "TERM_OVERDUE"));
        assertEquals(idsOf(as(Caller.ORG_ADMIN, root).get("/api/v1/leadership-terms/re-election-due").then()
                .statusCode(200).extract(), "organizationId"), subjects(queue, "RE_ELECTION_DUE"));
        assertEquals(List.of(due.toString()), subjects(queue, "RE_ELECTION_DUE"));
        assertEquals(idsOf(as(Caller.ORG_ADMIN, root).get("/api/v1/assessment-sets/assessments/awaiting-review").then()
                .statusCode(200).extract(), "id"), subjects(queue, "ASSESSMENT_TO_REVIEW"));
        assertEquals(List.of(assessment), subjects(queue, "ASSESSMENT_TO_REVIEW"));
    }

    @Test
    void aCursorWalkReturnsEveryTaskOnceInQueueOrder() {
        LocalDate today = LocalDate.now(ZONE);
        UUID root = newCommittee("待办翻页党委");
        List<String> expected = new ArrayList<>();
        for (int days : new int[] {-20, -5, 0, 3, 3, 40}) {
            expected.add(branchWithTermEnding(root, "待办翻页支部" + days, today.plusDays(days)).toString());
        }
        expected.add(selfAssessed(root, newChild(root, "待办翻页考核支部", "BRANCH")));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as(Caller.ORG_ADMIN, root).queryParam("size", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/tasks").then().statusCode(200).extract();
            seen.addAll(page.path("items.subject.id"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(expected.size(), seen.size(), "every task once: " + seen);
        assertEquals(expected.subList(0, 3), seen.subList(0, 3), "oldest due first");
        assertEquals(expected.get(expected.size() - 1), seen.get(seen.size() - 1), "undated last");
        assertEquals(new java.util.HashSet<>(expected), new java.util.HashSet<>(seen));
    }

    @Test
    void theQueueKeepsToTheCallersSubtree() {
        LocalDate today = LocalDate.now(ZONE);
        UUID mine = newCommittee("待办本级党委");
        UUID other = newCommittee("待办他级党委");
        branchWithTermEnding(other, "他级逾期支部", today.minusDays(2));
        as(Caller.ORG_ADMIN, mine).get("/api/v1/tasks").then().statusCode(200).body("items", empty())
                .body("counts.TERM_OVERDUE", equalTo(0));
    }

    @Test
    void aMemberHasNoTasksHereAndAnonymousCallersNone() {
        UUID branch = newChild(newCommittee("待办党员党委"), "待办党员支部", "BRANCH");
        as(Caller.MEMBER, branch).get("/api/v1/tasks").then().statusCode(200).body("items", empty())
                .body("counts", anEmptyMap());
        as(Caller.ORG_ADMIN, branch).queryParam("size", 0).get("/api/v1/tasks").then().statusCode(400)
                .body("code", equalTo("INVALID_PARAMETER"));
        given().get("/api/v1/tasks").then().statusCode(401);
    }

    private static List<String> subjects(ExtractableResponse<Response> queue, String kind) {
        List<Map<String, Object>> items = queue.path("items");
        return items.stream().filter(i -> kind.equals(i.get("kind")))
                .map(i -> (String) ((Map<?, ?>) i.get("subject")).get("id")).toList();
    }

    private static List<String> idsOf(ExtractableResponse<Response> list, String field) {
        return list.path("items." + field);
    }

    private static UUID branchWithTermEnding(UUID root, String name, LocalDate lastDay) {
        UUID branch = newChild(root, name, "BRANCH");
        asPlatformAdmin().body(body("electedOn", lastDay.plusDays(1).minusYears(3).toString(), "seats", List.of()))
                .post("/api/v1/organizations/" + branch + "/leadership/elections").then().statusCode(200)
                .body("termEndsOn", equalTo(lastDay.toString()));
        return branch;
    }

    private static String selfAssessed(UUID root, UUID branch) {
        String set = asPlatformAdmin().body(body("organizationId", root, "year", 2026, "name", "五个好",
                        "criteria", List.of(body("code", "ALL", "name", "总体", "weight", 100))))
                .post("/api/v1/assessment-sets").then().statusCode(201).extract().path("id");
        return as(Caller.BRANCH_SECRETARY, branch).body(body("organizationId", branch, "scores", Map.of("ALL", 90)))
                .post("/api/v1/assessment-sets/" + set + "/assessments").then().statusCode(201).extract().path("id");
    }
}
