package org.dangjian.assistance.tasks;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.dangjian.assistance.OrgTreeFixture;
import org.dangjian.assistance.assistancecase.CaseFlow;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.dangjian.assistance.Api.as;
import static org.dangjian.assistance.assistancecase.CaseFlow.secretary;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /tasks: the caller's assistance work, each kind exactly what its list shows to the same caller. */
@QuarkusTest
class TasksTest {

    @Inject
    OrgTreeFixture orgs;

    @Test
    void aBranchSecretarysQueueHoldsWhatTheirListsShow() {
        var s = work();
        Supplier<RequestSpecification> secretary = () -> as(Caller.BRANCH_SECRETARY, s.branch());
        Map<String, List<String>> queue = walk(secretary, 200);

        assertKind(queue, "CASE_TO_VERIFY", list(secretary, "/api/v1/cases?status=APPLIED"));
        assertKind(queue, "CASE_TO_REVIEW", list(secretary, "/api/v1/cases?status=VERIFIED"));
        assertKind(queue, "CASE_TO_APPROVE", list(secretary, "/api/v1/cases?status=BRANCH_REVIEWED&requiredLevel=BRANCH_SECRETARY"));
        assertKind(queue, "FOLLOW_UP_VISIT_DUE", list(secretary, "/api/v1/visits/overdue-follow-ups?asOf=" + today().plusDays(1)));
        assertKind(queue, "REASSESSMENT_DUE", list(secretary, "/api/v1/reports/reassessments-due", "beneficiaryId"));
        assertEquals(1, queue.get("CASE_TO_VERIFY").size());
        assertEquals(1, queue.get("CASE_TO_APPROVE").size());
        assertEquals(1, queue.get("FOLLOW_UP_VISIT_DUE").size());
        assertFalse(queue.containsKey("CASE_REASSIGNMENT_DUE"), "a branch secretary does not reassign cases");

        JsonPath first = JsonPath.from(secretary.get().get("/api/v1/tasks").then().statusCode(200).extract().asString());
        assertEquals(1, first.getInt("counts.CASE_TO_APPROVE"));
        assertEquals(1, first.getInt("counts.CASE_TO_REVIEW"));
        assertEquals("FOLLOW_UP_VISIT_DUE", first.getString("items[0].kind"), "the only dated task comes first");
        assertTrue(first.getBoolean("items[0].overdue"));
        assertEquals("2025-03-10", first.getString("items[0].dueDate"));
    }

    @Test
    void anOrgAdminApprovesWhatNeedsTheirLevelAndReassignsCases() {
        var s = work();
        Supplier<RequestSpecification> admin = () -> as(Caller.ORG_ADMIN, s.tree().committee());
        Map<String, List<String>> queue = walk(admin, 200);

        assertKind(queue, "CASE_TO_APPROVE", list(admin, "/api/v1/cases?status=BRANCH_REVIEWED&requiredLevel=ORG_ADMIN"));
        assertEquals(1, queue.get("CASE_TO_APPROVE").size());
        assertKind(queue, "CASE_REASSIGNMENT_DUE", list(admin, "/api/v1/cases/reassignments-due"));
        admin.get().get("/api/v1/tasks").then().statusCode(200).body("counts.CASE_REASSIGNMENT_DUE", equalTo(0));
    }

    @Test
    void aCursorWalkReturnsEveryTaskOnce() {
        var s = work();
        Supplier<RequestSpecification> secretary = () -> as(Caller.BRANCH_SECRETARY, s.branch());
        Map<String, List<String>> whole = walk(secretary, 200);
        Map<String, List<String>> byOne = walk(secretary, 1);
        assertEquals(whole, byOne);
        int total = whole.values().stream().mapToInt(List::size).sum();
        assertEquals(4, total);
    }

    @Test
    void aMemberHasNoAssistanceTasks() {
        var s = work();
        as(Caller.MEMBER, s.branch(), UUID.randomUUID()).get("/api/v1/tasks").then().statusCode(200)
                .body("items", empty()).body("counts", anEmptyMap()).body("nextCursor", equalTo(null));
    }

    /** One case at each step waiting for someone, and a follow-up visit promised for 10 March 2025. */
    private CaseFlow.Setup work() {
        var s = CaseFlow.setup(orgs, "50000.00");
        CaseFlow.apply(s, "500.00");
        String verified = CaseFlow.apply(s, "700.00");
        secretary(s, verified, "verification", Map.of("visitedOn", "2025-03-02", "findings", "家中确有困难")).statusCode(200);
        CaseFlow.reviewed(s, "1500.00");
        CaseFlow.reviewed(s, "5000.00");
        Map<String, Object> visit = new HashMap<>();
        visit.put("beneficiaryId", s.beneficiary());
        visit.put("visitedOn", "2025-03-01");
        visit.put("findings", "需要复查");
        visit.put("followUpDue", "2025-03-10");
        as(Caller.BRANCH_SECRETARY, s.branch()).body(visit).post("/api/v1/visits").then().statusCode(201);
        return s;
    }

    /** Every task of the queue, page by page, as kind → subject ids in queue order; fails on a task seen twice. */
    private static Map<String, List<String>> walk(Supplier<RequestSpecification> as, int size) {
        Map<String, List<String>> byKind = new HashMap<>();
        Set<String> seen = new HashSet<>();
        String cursor = null;
        do {
            RequestSpecification request = as.get().queryParam("size", size);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = JsonPath.from(request.get("/api/v1/tasks").then().statusCode(200).extract().asString());
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                String kind = (String) item.get("kind");
                @SuppressWarnings("unchecked")
                String id = (String) ((Map<String, Object>) item.get("subject")).get("id");
                assertTrue(seen.add(kind + id), "seen twice: " + kind + " " + id);
                byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(id);
            }
            for (String kind : page.getMap("counts", String.class, Integer.class).keySet()) {
                byKind.computeIfAbsent(kind, k -> new ArrayList<>());
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return byKind;
    }

    private static void assertKind(Map<String, List<String>> queue, String kind, List<String> listed) {
        assertTrue(queue.containsKey(kind), kind + " applies");
        assertEquals(new HashSet<>(listed), new HashSet<>(queue.get(kind)), kind);
        assertEquals(listed.size(), queue.get(kind).size(), kind);
    }

    private static List<String> list(Supplier<RequestSpecification> as, String path) {
        return list(as, path, "id");
    }

    private static List<String> list(Supplier<RequestSpecification> as, String path, String idField) {
        return as.get().queryParam("size", 200).get(path).then().statusCode(200).extract().path("items." + idField);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }
}
