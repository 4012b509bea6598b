package org.dangjian.organization;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.dangjian.organization.Api.as;
import static org.dangjian.organization.Api.asPlatformAdmin;
import static org.dangjian.organization.Api.body;
import static org.dangjian.organization.Api.newChild;
import static org.dangjian.organization.Api.newCommittee;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every member id a request body carries names a member on the roster of that organization's subtree, in scope. */
@QuarkusTest
class MemberReferencesTest {

    @Test
    void seatsAndGridsRefuseAMemberUnknownOutOfScopeElsewhereEndedOrGoneAlike() {
        UUID mine = newCommittee("引用本级党委");
        UUID branch = newChild(mine, "引用本支部", "BRANCH");
        UUID sibling = newChild(mine, "引用兄弟支部", "BRANCH");
        UUID other = newChild(newCommittee("引用他级党委"), "引用他级支部", "BRANCH");
        UUID own = Members.in(branch);
        UUID inSibling = Members.in(sibling);
        UUID outOfScope = Members.in(other);
        List<UUID> leaving = Members.in(branch, 2);
        Members.send("member.ended", leaving.get(0), Map.of("orgId", branch, "endType", "EXPELLED", "endedOn", "2026-01-05",
                "version", 2));
        Members.transfer(leaving.get(1), branch, null, "2026-01-05", 2);
        Members.awaitVersion(leaving.get(0), 2);
        String grid = asPlatformAdmin().body(body("organizationId", branch, "name", "引用网格", "leaderName", "林格长",
                "area", "东门路", "households", 10)).post("/api/v1/grids").then().statusCode(201).extract().path("id");

        List<UUID> refused = List.of(UUID.randomUUID(), inSibling, outOfScope, leaving.get(0), leaving.get(1));
        List<Function<UUID, ExtractableResponse<Response>>> requests = List.of(
                m -> orgAdmin(mine).body(body("seat", "SECRETARY", "memberId", m, "memberName", "某人", "reason", "增补"))
                        .post("/api/v1/organizations/" + branch + "/leadership/seats").then().extract(),
                m -> orgAdmin(mine).body(body("electedOn", "2025-01-01", "seats",
                                List.of(body("seat", "SECRETARY", "memberId", m, "memberName", "某人"))))
                        .post("/api/v1/organizations/" + branch + "/leadership/elections").then().extract(),
                m -> orgAdmin(mine).body(body("organizationId", branch, "name", "引用新网格", "leaderMemberId", m,
                        "leaderName", "某人", "area", "东门路", "households", 1)).post("/api/v1/grids").then().extract(),
                m -> orgAdmin(mine).body(body("memberId", m, "memberName", "某人"))
                        .post("/api/v1/grids/" + grid + "/members").then().extract(),
                m -> orgAdmin(mine).body(body("leaderMemberId", m, "leaderName", "某人", "reason", "换人"))
                        .post("/api/v1/grids/" + grid + "/leader").then().extract());
        for (Function<UUID, ExtractableResponse<Response>> request : requests) {
            String firstDetail = null;
            for (UUID member : refused) {
                ExtractableResponse<Response> response = request.apply(member);
                assertEquals(422, response.statusCode(), response.asString());
                assertEquals("application/problem+json", response.contentType());
                assertEquals("MEMBER_NOT_FOUND_IN_ORGANIZATION", response.path("code"));
                // the same words for every refused id: nothing tells an unknown member from one elsewhere
                String detail = ((String) response.path("detail")).replace(member.toString(), "{id}");
                if (firstDetail == null) {
                    firstDetail = detail;
                }
                assertEquals(firstDetail, detail);
            }
        }
        // nothing was changed by the refusals
        asPlatformAdmin().get("/api/v1/organizations/" + branch + "/leadership").then().body("seats", hasSize(0))
                .body("termStartedOn", org.hamcrest.Matchers.nullValue());
        asPlatformAdmin().get("/api/v1/grids/" + grid).then().body("members", hasSize(0)).body("leaderName", equalTo("林格长"));

        orgAdmin(mine).body(body("seat", "SECRETARY", "memberId", own, "memberName", "本支部书记", "reason", "增补"))
                .post("/api/v1/organizations/" + branch + "/leadership/seats").then().statusCode(200);
        orgAdmin(mine).body(body("memberId", own, "memberName", "本支部党员")).post("/api/v1/grids/" + grid + "/members")
                .then().statusCode(200);
        orgAdmin(mine).body(body("leaderMemberId", own, "leaderName", "本支部党员", "reason", "换人"))
                .post("/api/v1/grids/" + grid + "/leader").then().statusCode(200);
    }

    @Test
    void aCommitteeSeatOrGridMayGoToAMemberOfAnyOrganizationBelowIt() {
        UUID committee = newCommittee("下级党员党委");
        UUID branch = newChild(newChild(committee, "下级党员党总支", "GENERAL_BRANCH"), "下级党员支部", "BRANCH");
        UUID member = Members.in(branch);
        asPlatformAdmin().body(body("electedOn", "2025-01-01", "seats",
                        List.of(body("seat", "SECRETARY", "memberId", member, "memberName", "党委书记"))))
                .post("/api/v1/organizations/" + committee + "/leadership/elections").then().statusCode(200)
                .body("seats.memberId", contains(member.toString()));
        asPlatformAdmin().body(body("organizationId", committee, "name", "党委网格", "leaderMemberId", member,
                "leaderName", "党委格长", "area", "全镇", "households", 1000)).post("/api/v1/grids").then().statusCode(201);
    }

    @Test
    void aRetriedAppointmentOrGridJoinIsRefusedWith409AndAReplayedKeyAnswersTheSame() {
        UUID root = newCommittee("重试党委");
        UUID branch = newChild(root, "重试支部", "BRANCH");
        List<UUID> members = Members.in(branch, 2);
        appoint(branch, "SECRETARY", members.get(0)).statusCode(200);
        appoint(branch, "SECRETARY", members.get(0)).statusCode(409).body("code", equalTo("LEADERSHIP_MEMBER_ALREADY_SEATED"));
        appoint(branch, "DEPUTY_SECRETARY", members.get(1)).statusCode(200);
        appoint(branch, "DEPUTY_SECRETARY", members.get(1)).statusCode(409)
                .body("code", equalTo("LEADERSHIP_MEMBER_ALREADY_SEATED"));
        asPlatformAdmin().get("/api/v1/organizations/" + branch + "/leadership").then().body("seats", hasSize(2));

        UUID key = UUID.randomUUID();
        UUID third = Members.in(branch);
        for (int i = 0; i < 2; i++) {
            asPlatformAdmin().header("Idempotency-Key", key.toString())
                    .body(body("seat", "OTHER", "memberId", third, "memberName", "委员", "reason", "增补"))
                    .post("/api/v1/organizations/" + branch + "/leadership/seats").then().statusCode(200)
                    .body("seats", hasSize(3));
        }
        asPlatformAdmin().get("/api/v1/organizations/" + branch + "/leadership").then().body("seats", hasSize(3));
    }

    /** Several requests at once for one seat or one grid membership: one wins, the others get 409, never a 500. */
    @Test
    void concurrentAppointmentsAndGridJoinsAnswer409NotA500() throws Exception {
        UUID root = newCommittee("并发党委");
        UUID branch = newChild(root, "并发支部", "BRANCH");
        List<UUID> candidates = Members.in(branch, 4);
        List<Integer> seatStatuses = concurrently(candidates.stream().map(m -> (Callable<Integer>) () ->
                appoint(branch, "SECRETARY", m).extract().statusCode()).toList());
        assertEquals(1, seatStatuses.stream().filter(s -> s == 200).count(), seatStatuses.toString());
        assertEquals(3, seatStatuses.stream().filter(s -> s == 409).count(), seatStatuses.toString());
        asPlatformAdmin().get("/api/v1/organizations/" + branch + "/leadership").then().body("seats", hasSize(1));

        String grid = asPlatformAdmin().body(body("organizationId", branch, "name", "并发网格", "leaderName", "林格长",
                "area", "东门路", "households", 10)).post("/api/v1/grids").then().statusCode(201).extract().path("id");
        List<Callable<Integer>> joins = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            joins.add(() -> asPlatformAdmin().body(body("memberId", candidates.get(0), "memberName", "陈党员"))
                    .post("/api/v1/grids/" + grid + "/members").then().extract().statusCode());
        }
        List<Integer> joinStatuses = concurrently(joins);
        assertEquals(1, joinStatuses.stream().filter(s -> s == 200).count(), joinStatuses.toString());
        assertEquals(3, joinStatuses.stream().filter(s -> s == 409).count(), joinStatuses.toString());
    }

    @Test
    void aMemberOfTheSubtreeIsReadWithATokenAReadingRoleAndScope() {
        UUID mine = newCommittee("名册本级党委");
        UUID branch = newChild(mine, "名册支部", "BRANCH");
        UUID theirs = newChild(newCommittee("名册他级党委"), "名册他级支部", "BRANCH");
        UUID member = Members.in(branch);
        UUID stranger = Members.in(theirs);
        String path = "/api/v1/organizations/" + mine + "/members/";
        given().get(path + member).then().statusCode(401);
        as(Caller.MEMBER, mine).get(path + member).then().statusCode(403);
        as(Caller.AUDITOR, mine).get(path + member).then().statusCode(200)
                .body("memberId", equalTo(member.toString())).body("organizationId", equalTo(branch.toString()))
                .body("stage", equalTo("FULL")).body("onRoster", equalTo(true)).body("ended", equalTo(false))
                .body("version", equalTo(1));
        as(Caller.BRANCH_SECRETARY, branch).get("/api/v1/organizations/" + branch + "/members/" + member).then().statusCode(200);
        as(Caller.ORG_ADMIN, mine).get(path + stranger).then().statusCode(404).body("code", equalTo("MEMBER_NOT_FOUND"));
        as(Caller.ORG_ADMIN, mine).get(path + UUID.randomUUID()).then().statusCode(404).body("code", equalTo("MEMBER_NOT_FOUND"));
        as(Caller.ORG_ADMIN, mine).get("/api/v1/organizations/" + theirs + "/members/" + stranger).then().statusCode(404)
                .body("code", equalTo("ORGANIZATION_NOT_FOUND"));
    }

    private static RequestSpecification orgAdmin(UUID organization) {
        return as(Caller.ORG_ADMIN, organization);
    }

    private static io.restassured.response.ValidatableResponse appoint(UUID organization, String seat, UUID member) {
        return asPlatformAdmin().body(body("seat", seat, "memberId", member, "memberName", "某委员", "reason", "增补"))
                .post("/api/v1/organizations/" + organization + "/leadership/seats").then();
    }

    private static List<Integer> concurrently(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<Integer>> futures = pool.invokeAll(calls);
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
