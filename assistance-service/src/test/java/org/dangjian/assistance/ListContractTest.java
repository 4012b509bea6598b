package org.dangjian.assistance;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.dangjian.assistance.assistancecase.CaseFlow;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.dangjian.assistance.Api.as;
import static org.dangjian.assistance.assistancecase.CaseFlow.secretary;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every list of the service: {items, nextCursor}, a cursor walk that returns each item once, orgId/from/to filters. */
@QuarkusTest
class ListContractTest {

    @Inject
    OrgTreeFixture orgs;

    @Inject
    MemberFixture members;

    @Test
    void casesFilterByTheOrganizationsSubtreeAndTheApplicationDates() {
        var s = CaseFlow.setup(orgs, "5000.00");
        String march1 = apply(s.branch(), s.beneficiary(), "2025-03-01");
        String march5 = apply(s.branch(), s.beneficiary(), "2025-03-05");
        UUID elsewhere = CaseFlow.beneficiary(() -> as(Caller.BRANCH_SECRETARY, s.tree().otherBranch()),
                People.resident(s.tree().otherBranch(), People.nationalId()));
        String other = apply(s.tree().otherBranch(), elsewhere, "2025-03-03");
        Supplier<RequestSpecification> admin = () -> as(Caller.ORG_ADMIN, s.tree().committee());

        admin.get().get("/api/v1/cases").then().statusCode(200).body("items.id", equalTo(List.of(march1, other, march5)));
        admin.get().queryParam("orgId", s.branch()).get("/api/v1/cases").then().statusCode(200)
                .body("items.id", equalTo(List.of(march1, march5)));
        admin.get().queryParam("from", "2025-03-02").queryParam("to", "2025-03-05").get("/api/v1/cases").then().statusCode(200)
                .body("items.id", equalTo(List.of(other, march5)));
        admin.get().queryParam("sort", "-appliedOn").get("/api/v1/cases").then().statusCode(200)
                .body("items.id", equalTo(List.of(march5, other, march1)));
        assertEquals(List.of(march5, other, march1), walk(admin, "/api/v1/cases?sort=-appliedOn", "id"));
    }

    @Test
    void anOrganizationOutsideYourScopeIsAnsweredLikeAnUnknownOne() {
        var tree = orgs.tree();
        for (String path : List.of("/api/v1/cases", "/api/v1/beneficiaries", "/api/v1/funds", "/api/v1/pairings",
                "/api/v1/visits/overdue-follow-ups", "/api/v1/reports/reassessments-due")) {
            for (UUID orgId : List.of(tree.sibling(), UUID.randomUUID())) {
                as(Caller.BRANCH_SECRETARY, tree.branch()).queryParam("orgId", orgId).get(path).then().statusCode(404)
                        .body("code", equalTo("ORGANIZATION_NOT_FOUND"));
            }
        }
    }

    @Test
    void everyListWalksPageByPageToWhatOnePageHolds() {
        var s = CaseFlow.setup(orgs, "5000.00");
        String caseId = CaseFlow.disbursed(s, "800.00");
        CaseFlow.apply(s, "100.00");
        secretary(s, caseId, "follow-ups", Map.of("visitedOn", "2025-04-01", "findings", "恢复良好")).statusCode(200);
        CaseFlow.beneficiary(() -> as(Caller.BRANCH_SECRETARY, s.branch()), People.resident(s.branch(), People.nationalId()));
        CaseFlow.fund(() -> as(Caller.ORG_ADMIN, s.tree().committee()), s.branch(), "SPECIAL", "支部专项", "100.00");
        UUID member = members.registered(s.branch());
        UUID otherMember = members.registered(s.branch());
        for (UUID m : List.of(member, otherMember)) {
            as(Caller.BRANCH_SECRETARY, s.branch()).body(Map.of("beneficiaryId", s.beneficiary(), "memberId", m))
                    .post("/api/v1/pairings").then().statusCode(201);
        }
        for (String due : List.of("2025-03-10", "2025-03-11")) {
            Map<String, Object> visit = new HashMap<>();
            visit.put("beneficiaryId", s.beneficiary());
            visit.put("visitedOn", "2025-03-01");
            visit.put("findings", "需要复查");
            visit.put("followUpDue", due);
            as(Caller.BRANCH_SECRETARY, s.branch()).body(visit).post("/api/v1/visits").then().statusCode(201);
        }
        Supplier<RequestSpecification> admin = () -> as(Caller.ORG_ADMIN, s.tree().committee());

        Map<String, String> lists = Map.of(
                "/api/v1/beneficiaries?orgId=" + s.branch(), "id",
                "/api/v1/funds?orgId=" + s.tree().committee(), "id",
                "/api/v1/funds/" + s.fund() + "/ledger", "id",
                "/api/v1/pairings?beneficiaryId=" + s.beneficiary(), "id",
                "/api/v1/visits/overdue-follow-ups?orgId=" + s.branch(), "id",
                "/api/v1/cases/" + caseId + "/visits", "id",
                "/api/v1/cases?orgId=" + s.branch(), "id");
        lists.forEach((path, idField) -> {
            List<String> whole = admin.get().queryParam("size", 200).get(path).then().statusCode(200)
                    .body("nextCursor", equalTo(null)).extract().path("items." + idField);
            assertTrue(whole.size() >= 2, path + " " + whole);
            assertEquals(whole, walk(admin, path, idField), path);
            admin.get().queryParam("size", 201).get(path).then().statusCode(400).body("code", equalTo("INVALID_PARAMETER"));
            admin.get().queryParam("sort", "nothing").get(path).then().statusCode(400).body("code", equalTo("INVALID_PARAMETER"));
        });
    }

    private static String apply(UUID branch, UUID beneficiary, String on) {
        Map<String, Object> body = new HashMap<>();
        body.put("beneficiaryId", beneficiary);
        body.put("category", "ILLNESS");
        body.put("requestedAmount", "100.00");
        body.put("appliedOn", on);
        return as(Caller.BRANCH_SECRETARY, branch).body(body).post("/api/v1/cases").then().statusCode(201).extract().path("id");
    }

    /** The whole list read one item per page, following nextCursor. */
    private static List<String> walk(Supplier<RequestSpecification> as, String path, String idField) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = as.get().queryParam("size", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = JsonPath.from(request.get(path).then().statusCode(200).extract().asString());
            List<String> items = page.getList("items." + idField);
            assertTrue(items.size() <= 1, path);
            ids.addAll(items);
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }
}
