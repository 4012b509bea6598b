package org.dangjian.organization;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.dangjian.organization.Api.as;
import static org.dangjian.organization.Api.asPlatformAdmin;
import static org.dangjian.organization.Api.body;
import static org.dangjian.organization.Api.newChild;
import static org.dangjian.organization.Api.newCommittee;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class StructureComplianceTest {

    @Inject
    EntityManager em;

    @Test
    void memberEventsKeepTheCountsOncePerEventAndIgnoreStaleOnes() throws Exception {
        UUID root = newCommittee("计数党委");
        UUID branch = newChild(root, "计数一支部", "BRANCH");
        UUID other = newChild(root, "计数二支部", "BRANCH");
        UUID full = UUID.randomUUID();
        UUID probationary = UUID.randomUUID();
        UUID applicant = UUID.randomUUID();
        UUID registeredFull = UUID.randomUUID();
        Members.send(registeredFull, "member.registered", full, Map.of("orgId", branch, "stage", "FULL", "name", "甲", "version", 1));
        Members.send(UUID.randomUUID(), "member.registered", probationary, Map.of("orgId", branch, "stage", "PROBATIONARY", "name", "乙", "version", 1));
        Members.send(UUID.randomUUID(), "member.registered", applicant, Map.of("orgId", branch, "stage", "APPLICANT", "name", "丙", "version", 1));
        Members.awaitCount(branch, 1, 2);
        // the same event again (at-least-once delivery): nothing changes
        Members.send(registeredFull, "member.registered", full, Map.of("orgId", branch, "stage", "FULL", "name", "甲", "version", 1));
        Members.send(UUID.randomUUID(), "member.stage-changed", probationary,
                Map.of("orgId", branch, "fromStage", "PROBATIONARY", "toStage", "FULL", "effectiveOn", "2026-11-01", "version", 2));
        Members.awaitCount(branch, 2, 2);
        Members.send(UUID.randomUUID(), "member.transferred", full,
                Map.of("fromOrgId", branch, "toOrgId", other, "transferredOn", "2026-11-02", "version", 2));
        Members.awaitCount(other, 1, 1);
        Members.awaitCount(branch, 1, 1);
        Members.send(UUID.randomUUID(), "member.ended", probationary,
                Map.of("orgId", branch, "endType", "DECEASED", "endedOn", "2026-11-03", "version", 3));
        Members.awaitCount(branch, 0, 0);
        // an older state of the member arriving late changes nothing
        Members.send(UUID.randomUUID(), "member.stage-changed", probationary,
                Map.of("orgId", branch, "fromStage", "CANDIDATE", "toStage", "PROBATIONARY", "effectiveOn", "2025-11-01", "version", 1));
        Members.send(UUID.randomUUID(), "member.registered", UUID.randomUUID(), Map.of("orgId", other, "stage", "FULL", "name", "丁", "version", 1));
        Members.awaitCount(other, 2, 2);
        Members.count(branch).body("fullMembers", equalTo(0)).body("members", equalTo(0));
        Members.count(other).body("fullMembers", equalTo(2));
    }

    @Test
    void aBranchNeedsThreeFullMembers() {
        UUID root = newCommittee("三人党委");
        UUID two = branchWithCounts(root, "二人支部", 2, 2);
        UUID three = branchWithCounts(root, "三人支部", 3, 3);
        assertTrue(rules(root, two).contains("BRANCH_TOO_FEW_FULL_MEMBERS"));
        assertFalse(rules(root, three).contains("BRANCH_TOO_FEW_FULL_MEMBERS"));
        assertEquals(2, (int) asPlatformAdmin().get(compliancePath(root)).then()
                .extract().path("items.find { it.organizationId == '" + two + "' }.findings.find { it.rule == 'BRANCH_TOO_FEW_FULL_MEMBERS' }.actual"));
    }

    @Test
    void aBranchOfMoreThanFiftyMembersIsFlagged() {
        UUID root = newCommittee("五十人党委");
        UUID fortyNine = branchWithCounts(root, "四十九人支部", 3, 49);
        UUID fifty = branchWithCounts(root, "五十人支部", 3, 50);
        UUID fiftyOne = branchWithCounts(root, "五十一人支部", 3, 51);
        assertFalse(rules(root, fortyNine).contains("BRANCH_TOO_MANY_MEMBERS"));
        assertFalse(rules(root, fifty).contains("BRANCH_TOO_MANY_MEMBERS"));
        assertTrue(rules(root, fiftyOne).contains("BRANCH_TOO_MANY_MEMBERS"));
    }

    @Test
    void sevenFullMembersNeedABranchCommittee() {
        UUID root = newCommittee("支委会党委");
        UUID six = branchWithCounts(root, "六人支部", 6, 6);
        UUID seven = branchWithCounts(root, "七人支部", 7, 7);
        UUID sevenWithCommittee = branchWithCounts(root, "七人有支委支部", 7, 7, false);
        List<UUID> committee = Members.in(sevenWithCommittee, 3);
        setCounts(sevenWithCommittee, 7, 7);
        asPlatformAdmin().body(body("electedOn", "2025-01-01", "seats", List.of(
                        body("seat", "SECRETARY", "memberId", committee.get(0), "memberName", "书记"),
                        body("seat", "ORGANIZATION", "memberId", committee.get(1), "memberName", "组织委员"),
                        body("seat", "PUBLICITY", "memberId", committee.get(2), "memberName", "宣传委员"))))
                .post("/api/v1/organizations/" + sevenWithCommittee + "/leadership/elections").then().statusCode(200);
        assertFalse(rules(root, six).contains("BRANCH_COMMITTEE_MISSING"));
        assertTrue(rules(root, seven).contains("BRANCH_COMMITTEE_MISSING"));
        assertEquals(List.of(), rules(root, sevenWithCommittee));
    }

    @Test
    void aVacantSecretaryAndAnExpiredTermAreFlagged() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        UUID root = newCommittee("届满党委");
        UUID expired = branchWithCounts(root, "届满支部", 3, 3, false);
        UUID lastDay = branchWithCounts(root, "末日支部", 3, 3, false);
        elect(expired, today.minusYears(3), true);
        elect(lastDay, today.plusDays(1).minusYears(3), false);
        assertEquals(List.of("TERM_EXPIRED"), rules(root, expired));
        assertEquals(List.of("SECRETARY_VACANT"), rules(root, lastDay));
        UUID group = newChild(lastDay, "无书记小组", "GROUP");
        assertEquals(List.of(), rules(root, group));
    }

    @Test
    void complianceAndCountsNeedATokenAReadingRoleAndScope() {
        UUID mine = newCommittee("合规权限党委");
        UUID sibling = newCommittee("合规兄弟党委");
        for (String path : List.of("/structure/compliance", "/structure/member-count")) {
            given().get("/api/v1/organizations/" + mine + path).then().statusCode(401);
            as(Caller.MEMBER, mine).get("/api/v1/organizations/" + mine + path).then().statusCode(403);
            as(Caller.ORG_ADMIN, mine).get("/api/v1/organizations/" + sibling + path).then().statusCode(404)
                    .body("code", equalTo("ORGANIZATION_NOT_FOUND"));
        }
    }

    private static void elect(UUID branch, LocalDate on, boolean withSecretary) {
        List<Map<String, Object>> seats = withSecretary
                ? List.of(body("seat", "SECRETARY", "memberId", Members.in(branch), "memberName", "书记")) : List.of();
        asPlatformAdmin().body(body("electedOn", on, "seats", seats))
                .post("/api/v1/organizations/" + branch + "/leadership/elections").then().statusCode(200);
    }

    /** A branch with the given counts, set directly (the event path is tested above). */
    private UUID branchWithCounts(UUID root, String name, int full, int members) {
        return branchWithCounts(root, name, full, members, true);
    }

    private UUID branchWithCounts(UUID root, String name, int full, int members, boolean withSecretary) {
        UUID branch = newChild(root, name, "BRANCH");
        if (withSecretary) {
            asPlatformAdmin().body(body("seat", "SECRETARY", "memberId", Members.in(branch), "memberName", "书记", "reason", "r"))
                    .post("/api/v1/organizations/" + branch + "/leadership/seats").then().statusCode(200);
        }
        setCounts(branch, full, members);
        return branch;
    }

    /** Counts set directly, over those of the members seated (the event path is tested above). */
    private void setCounts(UUID branch, int full, int members) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into member_count (organization_id, full_members, members) values (?1, ?2, ?3)
                        on conflict (organization_id) do update set full_members = excluded.full_members,
                            members = excluded.members""")
                .setParameter(1, branch).setParameter(2, full).setParameter(3, members).executeUpdate());
    }

    private static List<String> rules(UUID root, UUID organization) {
        List<String> rules = asPlatformAdmin().get(compliancePath(root)).then().statusCode(200)
                .extract().path("items.find { it.organizationId == '" + organization + "' }.findings.rule");
        return rules == null ? List.of() : rules;
    }

    private static String compliancePath(UUID root) {
        return "/api/v1/organizations/" + root + "/structure/compliance";
    }

}
