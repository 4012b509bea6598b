package org.dangjian.organization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.dangjian.organization.Api.as;
import static org.dangjian.organization.Api.asPlatformAdmin;
import static org.dangjian.organization.Api.body;
import static org.dangjian.organization.Api.command;
import static org.dangjian.organization.Api.newChild;
import static org.dangjian.organization.Api.newCommittee;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every write of this service leaves an audit entry (issue 9) in its own transaction; the log is append-only. */
@QuarkusTest
class AuditLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @Test
    void aTreeChangeIsAuditedWithActorActionTargetAndBeforeAndAfter() throws Exception {
        UUID committee = newCommittee("审计党委");
        UUID branch = newChild(committee, "审计旧名支部", "BRANCH");
        command(as(Caller.ORG_ADMIN, committee), branch, "rename", body("name", "审计新名支部", "reason", "村改社区"))
                .statusCode(200);
        List<Object[]> rows = audit("organization", branch);
        assertEquals(List.of("ORGANIZATION_ESTABLISHED", "ORGANIZATION_RENAMED"), rows.stream().map(r -> r[0]).toList());
        Object[] renamed = rows.get(1);
        assertEquals("test-org-admin", renamed[1]);
        JsonNode details = JSON.readTree((String) renamed[2]);
        assertEquals("审计旧名支部", details.at("/before/name").asText());
        assertEquals("审计新名支部", details.at("/after/name").asText());
    }

    @Test
    void leadershipChangesAreAuditedOnTheOrganization() {
        UUID committee = newCommittee("审计班子党委");
        UUID branch = newChild(committee, "审计班子支部", "BRANCH");
        String seat = asPlatformAdmin().body(body("seat", "SECRETARY", "memberId", Members.in(branch), "memberName", "林书记",
                        "reason", "增补")).post("/api/v1/organizations/" + branch + "/leadership/seats")
                .then().statusCode(200).extract().path("seats[0].id");
        asPlatformAdmin().body(body("reason", "调离")).post("/api/v1/organizations/" + branch + "/leadership/seats/" + seat + "/end")
                .then().statusCode(200);
        assertEquals(List.of("ORGANIZATION_ESTABLISHED", "LEADERSHIP_SEAT_TAKEN", "LEADERSHIP_SEAT_ENDED"), actions("organization", branch));
    }

    @Test
    void unitsPairingsGridsAndAssessmentsAreAuditedOnEveryWrite() {
        UUID committee = newCommittee("审计业务党委");
        UUID first = newChild(committee, "审计一支部", "BRANCH");
        UUID second = newChild(committee, "审计二支部", "BRANCH");

        UUID unit = id(asPlatformAdmin().body(body("organizationId", committee, "name", "审计科技有限公司",
                "creditCode", UnitCoverageTest.creditCode("350203"), "kind", "NON_PUBLIC_ENTERPRISE", "employees", 20,
                "partyMembers", 1)).post("/api/v1/units").then().statusCode(201).extract().path("id"));
        asPlatformAdmin().body(body("coverage", "INSTRUCTOR", "instructorName", "王指导员"))
                .post("/api/v1/units/" + unit + "/coverage").then().statusCode(200);
        assertEquals(List.of("UNIT_REGISTERED", "UNIT_COVERAGE_CHANGED"), actions("unit", unit));

        UUID pairing = id(asPlatformAdmin().body(body("organizationId", first, "partnerId", second, "startsOn", "2026-01-01",
                "endsOn", "2026-12-31", "content", "共建")).post("/api/v1/pairings").then().statusCode(201).extract().path("id"));
        asPlatformAdmin().body(body("reason", "调整", "endedOn", "2026-02-01")).post("/api/v1/pairings/" + pairing + "/end")
                .then().statusCode(200);
        assertEquals(List.of("PAIRING_CREATED", "PAIRING_ENDED"), actions("pairing", pairing));

        UUID grid = id(asPlatformAdmin().body(body("organizationId", committee, "name", "审计网格", "leaderName", "林格长",
                "area", "东门路", "households", 10)).post("/api/v1/grids").then().statusCode(201).extract().path("id"));
        UUID member = Members.in(first);
        asPlatformAdmin().body(body("memberId", member, "memberName", "陈党员")).post("/api/v1/grids/" + grid + "/members")
                .then().statusCode(200);
        asPlatformAdmin().body(body("reason", "搬离")).post("/api/v1/grids/" + grid + "/members/" + member + "/leave")
                .then().statusCode(200);
        asPlatformAdmin().body(body("leaderName", "王格长", "reason", "换人")).post("/api/v1/grids/" + grid + "/leader")
                .then().statusCode(200);
        assertEquals(List.of("GRID_CREATED", "GRID_MEMBER_JOINED", "GRID_MEMBER_LEFT", "GRID_LEADER_CHANGED"),
                actions("grid", grid));

        UUID set = id(asPlatformAdmin().body(body("organizationId", committee, "year", 2026, "name", "审计考核",
                        "criteria", List.of(body("code", "ALL", "name", "全部", "weight", 100))))
                .post("/api/v1/assessment-sets").then().statusCode(201).extract().path("id"));
        UUID assessment = id(asPlatformAdmin().body(body("organizationId", first, "scores", Map.of("ALL", 80)))
                .post("/api/v1/assessment-sets/" + set + "/assessments").then().statusCode(201).extract().path("id"));
        asPlatformAdmin().body(body("scores", Map.of("ALL", 70)))
                .post("/api/v1/assessment-sets/assessments/" + assessment + "/review").then().statusCode(200);
        assertEquals(List.of("ASSESSMENT_SET_DEFINED"), actions("assessment-set", set));
        assertEquals(List.of("ASSESSMENT_SELF_ASSESSED", "ASSESSMENT_REVIEWED"), actions("assessment", assessment));
    }

    @Test
    void theAuditLogRefusesUpdatesAndDeletes() {
        UUID committee = newCommittee("审计只增党委");
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("update audit_entry set actor = 'x' where target_id = ?1")
                        .setParameter(1, committee).executeUpdate()));
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("delete from audit_entry where target_id = ?1")
                        .setParameter(1, committee).executeUpdate()));
        assertEquals(List.of("ORGANIZATION_ESTABLISHED"), actions("organization", committee));
        assertEquals("test-platform-admin", audit("organization", committee).get(0)[1]);
    }

    @Test
    void anAuditorReadsTheLogOfTheirSubtreeOnlyNewestFirst() {
        UUID mine = newCommittee("审计查询党委");
        UUID branch = newChild(mine, "审计查询支部", "BRANCH");
        UUID other = newCommittee("审计查询他级党委");
        command(branch, "rename", body("name", "审计查询支部（新）", "reason", "r")).statusCode(200);
        String grid = asPlatformAdmin().body(body("organizationId", branch, "name", "审计查询网格", "leaderName", "林格长",
                "area", "东门路", "households", 10)).post("/api/v1/grids").then().statusCode(201).extract().path("id");
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String yesterday = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1).toString();

        as(Caller.AUDITOR, mine).queryParam("targetId", branch).get("/api/v1/audit-entries").then().statusCode(200)
                .body("items.action", contains("ORGANIZATION_RENAMED", "ORGANIZATION_ESTABLISHED"))
                .body("items[0].actor", equalTo("test-platform-admin"))
                .body("items[0].targetType", equalTo("organization"))
                .body("items[0].details.before.name", equalTo("审计查询支部"))
                .body("items[0].details.after.name", equalTo("审计查询支部（新）"));
        as(Caller.AUDITOR, mine).queryParam("targetType", "grid").get("/api/v1/audit-entries").then()
                .body("items.targetId", contains(grid)).body("items.action", contains("GRID_CREATED"));
        as(Caller.AUDITOR, mine).queryParam("targetId", other).get("/api/v1/audit-entries").then()
                .body("items", empty());
        as(Caller.AUDITOR, other).queryParam("targetId", branch).get("/api/v1/audit-entries").then()
                .body("items", empty());

        String cursor = as(Caller.AUDITOR, mine).queryParam("targetId", branch).queryParam("size", 1)
                .get("/api/v1/audit-entries").then().body("items.action", contains("ORGANIZATION_RENAMED"))
                .extract().path("nextCursor");
        as(Caller.AUDITOR, mine).queryParam("targetId", branch).queryParam("size", 1).queryParam("cursor", cursor)
                .get("/api/v1/audit-entries").then().body("items.action", contains("ORGANIZATION_ESTABLISHED"));
        as(Caller.AUDITOR, mine).queryParam("targetId", branch).queryParam("from", today).queryParam("to", today)
                .get("/api/v1/audit-entries").then().body("items", hasSize(2));
        as(Caller.AUDITOR, mine).queryParam("targetId", branch).queryParam("to", yesterday)
                .get("/api/v1/audit-entries").then().body("items", empty());

        as(Caller.AUDITOR, mine).queryParam("cursor", "forged").get("/api/v1/audit-entries").then().statusCode(400)
                .body("code", equalTo("INVALID_PARAMETER"));
        as(Caller.AUDITOR, mine).queryParam("size", 201).get("/api/v1/audit-entries").then().statusCode(400);
        given().get("/api/v1/audit-entries").then().statusCode(401);
        as(Caller.ORG_ADMIN, mine).get("/api/v1/audit-entries").then().statusCode(403);
    }

    /** Entries whose snapshot names no organization (a grid membership, a leadership seat) are still the subtree's. */
    @Test
    void anAuditorSeesTheGridMembershipsAndSeatsOfTheirSubtree() {
        UUID mine = newCommittee("审计网格党委");
        UUID branch = newChild(mine, "审计网格支部", "BRANCH");
        String grid = asPlatformAdmin().body(body("organizationId", branch, "name", "审计成员网格", "leaderName", "林格长",
                "area", "东门路", "households", 10)).post("/api/v1/grids").then().statusCode(201).extract().path("id");
        UUID member = Members.in(branch);
        asPlatformAdmin().body(body("memberId", member, "memberName", "陈党员")).post("/api/v1/grids/" + grid + "/members")
                .then().statusCode(200);
        asPlatformAdmin().body(body("seat", "SECRETARY", "memberId", member, "memberName", "陈党员", "reason", "增补"))
                .post("/api/v1/organizations/" + branch + "/leadership/seats").then().statusCode(200);

        as(Caller.AUDITOR, mine).queryParam("targetId", grid).get("/api/v1/audit-entries").then().statusCode(200)
                .body("items.action", contains("GRID_MEMBER_JOINED", "GRID_CREATED"));
        as(Caller.AUDITOR, branch).queryParam("targetId", branch).queryParam("action", "LEADERSHIP_SEAT_TAKEN")
                .get("/api/v1/audit-entries").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void anAuditorExportsTheLogOfTheirSubtreeAsCsv() {
        UUID mine = newCommittee("审计导出党委");
        UUID branch = newChild(mine, "审计导出支部", "BRANCH");
        UUID other = newCommittee("审计导出他级党委");
        command(branch, "rename", body("name", "审计导出支部（新）", "reason", "r")).statusCode(200);

        String csv = as(Caller.AUDITOR, mine).queryParam("targetId", branch).get("/api/v1/audit-entries/export")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("id,occurredAt,actor,action,targetType,targetId,details", lines[0]);
        assertEquals(3, lines.length, csv);
        assertEquals(true, lines[1].contains("ORGANIZATION_RENAMED") && lines[2].contains("ORGANIZATION_ESTABLISHED"), csv);

        String outside = as(Caller.AUDITOR, other).queryParam("targetId", branch).get("/api/v1/audit-entries/export")
                .then().statusCode(200).extract().asString();
        assertEquals(1, outside.split("\r\n").length, "only the header outside the auditor's subtree");
    }

    private List<Object> actions(String targetType, UUID target) {
        return audit(targetType, target).stream().map(r -> r[0]).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> audit(String targetType, UUID target) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select action, actor, cast(details as text) from audit_entry
                        where target_type = ?1 and target_id = ?2 order by occurred_at, id""")
                .setParameter(1, targetType).setParameter(2, target).getResultList());
    }

    private static UUID id(String id) {
        return UUID.fromString(id);
    }
}
