package org.dangjian.organization;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.dangjian.organization.Api.as;
import static org.dangjian.organization.Api.asPlatformAdmin;
import static org.dangjian.organization.Api.body;
import static org.dangjian.organization.Api.newChild;
import static org.dangjian.organization.Api.newCommittee;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every id a request carries besides the first path id — organizations, grids, seats, sets and members in bodies,
 * second path parameters, query filters — is resolved within the caller's scope. An org-admin of subtree A naming a
 * record of the sibling subtree B gets exactly the answer an id nobody ever used gets, nothing changes in either
 * subtree, and nothing of B's records shows in the answer.
 */
@QuarkusTest
class ForeignReferencesTest {

    private static final String SECRET = "乙方秘密";

    /** A root committee over two sibling committees A (the caller's) and B, each with a branch. */
    private record Scene(UUID root, UUID a, UUID aBranch, UUID b, UUID bBranch) {

        static Scene create() {
            UUID root = newCommittee("引用上级党委");
            UUID a = newChild(root, "甲方党委", "COMMITTEE");
            UUID b = newChild(root, SECRET + "党委", "COMMITTEE");
            return new Scene(root, a, newChild(a, "甲方支部", "BRANCH"), b, newChild(b, SECRET + "支部", "BRANCH"));
        }

        RequestSpecification admin() {
            return as(Caller.ORG_ADMIN, a);
        }

        /** What B's records must never show in an answer to A, besides the id sent. */
        List<Object> secrets(Object... more) {
            List<Object> secrets = new java.util.ArrayList<>(List.of(SECRET, b, bBranch));
            secrets.addAll(List.of(more));
            return secrets;
        }

        /** Sends the request with {@code foreign} and with a random id: refused alike, nothing changed. */
        void refusedAlike(int status, String code, UUID foreign, Function<UUID, ExtractableResponse<Response>> request,
                Object... secrets) {
            String before = Refusals.state(root);
            Refusals.alike(status, code, request, List.of(foreign, UUID.randomUUID()), secrets(secrets));
            assertEquals(before, Refusals.state(root), "a refused request changed nothing");
        }
    }

    @Test
    void aParentFromAnotherSubtreeIsRefusedLikeAnUnknownParent() {
        Scene s = Scene.create();
        s.refusedAlike(422, "ORGANIZATION_PARENT_NOT_FOUND", s.b(), parent -> s.admin()
                .body(body("name", "新支部", "type", "BRANCH", "parentId", parent)).post("/api/v1/organizations").then().extract());
        // a move INTO a foreign subtree
        s.refusedAlike(422, "ORGANIZATION_PARENT_NOT_FOUND", s.b(), parent -> s.admin()
                .body(body("parentId", parent, "reason", "调整")).post("/api/v1/organizations/" + s.aBranch() + "/move")
                .then().extract());
    }

    @Test
    void aBranchOfAnotherSubtreeIsNeitherMergedNorMergedInto() {
        Scene s = Scene.create();
        UUID second = newChild(s.a(), "甲方二支部", "BRANCH");
        s.refusedAlike(422, "ORGANIZATION_MERGE_SOURCE_NOT_FOUND", s.bBranch(), absorbed -> s.admin()
                .body(body("absorbedId", absorbed, "reason", "合并")).post("/api/v1/organizations/" + s.aBranch() + "/merge")
                .then().extract());
        // merging one's own branch INTO a foreign one: the survivor is the path's id, unknown to the caller
        s.refusedAlike(404, "ORGANIZATION_NOT_FOUND", s.bBranch(), survivor -> s.admin()
                .body(body("absorbedId", second, "reason", "合并")).post("/api/v1/organizations/" + survivor + "/merge")
                .then().extract());
    }

    @Test
    void aSplitNamingAChildOrAMemberOfAnotherSubtreeIsRefusedLikeAnUnknownOne() {
        Scene s = Scene.create();
        UUID general = newChild(s.a(), "甲方总支", "GENERAL_BRANCH");
        newChild(general, "甲方总支一支部", "BRANCH");
        UUID foreignMember = Members.in(s.bBranch());
        s.refusedAlike(422, "ORGANIZATION_SPLIT_CHILD_NOT_FOUND", s.bBranch(), child -> s.admin()
                .body(body("parts", List.of(body("name", "拆分新总支", "childIds", List.of(child.toString()))), "reason", "拆分"))
                .post("/api/v1/organizations/" + general + "/split").then().extract());
        s.refusedAlike(422, "ORGANIZATION_SPLIT_MEMBER_NOT_IN_ORIGINAL", foreignMember, member -> s.admin()
                .body(body("parts", List.of(body("name", "拆分新支部", "memberIds", List.of(member.toString()))), "reason", "拆分"))
                .post("/api/v1/organizations/" + s.aBranch() + "/split").then().extract());
    }

    @Test
    void aPairingPartnerFromAnotherSubtreeIsRefusedLikeAnUnknownOrganization() {
        Scene s = Scene.create();
        UUID bSecond = newChild(s.b(), SECRET + "二支部", "BRANCH");
        asPlatformAdmin().body(body("organizationId", s.bBranch(), "partnerId", bSecond, "startsOn", "2026-01-01",
                "endsOn", "2026-12-31", "content", SECRET + "共建")).post("/api/v1/pairings").then().statusCode(201);
        s.refusedAlike(422, "PAIRING_PARTNER_NOT_FOUND", s.bBranch(), partner -> s.admin()
                .body(pairing(s.aBranch(), partner)).post("/api/v1/pairings").then().extract(), bSecond);
        s.refusedAlike(404, "ORGANIZATION_NOT_FOUND", s.bBranch(), organization -> s.admin()
                .body(pairing(organization, s.aBranch())).post("/api/v1/pairings").then().extract(), bSecond);
        s.refusedAlike(404, "ORGANIZATION_NOT_FOUND", s.bBranch(), organization -> s.admin()
                .queryParam("orgId", organization).get("/api/v1/pairings").then().extract(), bSecond);
    }

    @Test
    void aUnitIsNeitherRegisteredWithNorCoveredByAnOrganizationOfAnotherSubtree() {
        Scene s = Scene.create();
        s.refusedAlike(422, "ORGANIZATION_PARENT_NOT_FOUND", s.b(), register -> s.admin()
                .body(unit(register)).post("/api/v1/units").then().extract());
        String unit = s.admin().body(unit(s.a())).post("/api/v1/units").then().statusCode(201).extract().path("id");
        s.refusedAlike(422, "ORGANIZATION_PARENT_NOT_FOUND", s.bBranch(), covering -> s.admin()
                .body(body("coverage", "OWN_BRANCH", "organizationId", covering, "reason", "建立支部"))
                .post("/api/v1/units/" + unit + "/coverage").then().extract());
    }

    @Test
    void aGridIsNeitherRunByNorNestedInAGridOfAnotherSubtree() {
        Scene s = Scene.create();
        String foreignGrid = asPlatformAdmin().body(grid(s.bBranch(), null)).post("/api/v1/grids").then().statusCode(201)
                .extract().path("id");
        s.refusedAlike(422, "ORGANIZATION_PARENT_NOT_FOUND", s.bBranch(), organization -> s.admin()
                .body(grid(organization, null)).post("/api/v1/grids").then().extract());
        s.refusedAlike(422, "GRID_PARENT_NOT_FOUND", UUID.fromString(foreignGrid), parent -> s.admin()
                .body(grid(s.aBranch(), parent)).post("/api/v1/grids").then().extract());
    }

    @Test
    void anAssessmentOfAnotherSubtreeIsRefusedLikeAnUnknownOrganizationOrSet() {
        Scene s = Scene.create();
        List<Map<String, Object>> criteria = List.of(body("code", "TEAM", "name", "领导班子好", "weight", 100));
        String mine = s.admin().body(body("organizationId", s.a(), "year", 2026, "name", "甲方考核", "criteria", criteria))
                .post("/api/v1/assessment-sets").then().statusCode(201).extract().path("id");
        String theirs = asPlatformAdmin().body(body("organizationId", s.b(), "year", 2026, "name", SECRET + "考核",
                "criteria", criteria)).post("/api/v1/assessment-sets").then().statusCode(201).extract().path("id");
        s.refusedAlike(404, "ORGANIZATION_NOT_FOUND", s.b(), owner -> s.admin()
                .body(body("organizationId", owner, "year", 2027, "name", "考核", "criteria", criteria))
                .post("/api/v1/assessment-sets").then().extract());
        s.refusedAlike(404, "ORGANIZATION_NOT_FOUND", s.bBranch(), assessed -> s.admin()
                .body(body("organizationId", assessed, "scores", Map.of("TEAM", 90)))
                .post("/api/v1/assessment-sets/" + mine + "/assessments").then().extract());
        s.refusedAlike(404, "ASSESSMENT_SET_NOT_FOUND", UUID.fromString(theirs), set -> s.admin()
                .body(body("organizationId", s.aBranch(), "scores", Map.of("TEAM", 90)))
                .post("/api/v1/assessment-sets/" + set + "/assessments").then().extract());
    }

    @Test
    void aSeatGridMembershipOrRosterEntryOfAnotherSubtreeIsNotFoundLikeAnUnknownOne() {
        Scene s = Scene.create();
        UUID foreignMember = Members.in(s.bBranch());
        String foreignSeat = asPlatformAdmin().body(body("seat", "SECRETARY", "memberId", foreignMember,
                        "memberName", SECRET + "书记", "reason", "增补"))
                .post("/api/v1/organizations/" + s.bBranch() + "/leadership/seats").then().statusCode(200)
                .extract().path("seats[0].id");
        String foreignGrid = asPlatformAdmin().body(grid(s.bBranch(), null)).post("/api/v1/grids").then().statusCode(201)
                .extract().path("id");
        asPlatformAdmin().body(body("memberId", foreignMember, "memberName", SECRET + "党员"))
                .post("/api/v1/grids/" + foreignGrid + "/members").then().statusCode(200);
        String grid = s.admin().body(grid(s.aBranch(), null)).post("/api/v1/grids").then().statusCode(201).extract().path("id");

        s.refusedAlike(404, "LEADERSHIP_SEAT_NOT_FOUND", UUID.fromString(foreignSeat), seat -> s.admin()
                .body(body("reason", "免职")).post("/api/v1/organizations/" + s.aBranch() + "/leadership/seats/" + seat + "/end")
                .then().extract(), foreignMember);
        s.refusedAlike(404, "GRID_MEMBER_NOT_FOUND", foreignMember, member -> s.admin()
                .body(body("reason", "搬离")).post("/api/v1/grids/" + grid + "/members/" + member + "/leave").then().extract());
        s.refusedAlike(404, "MEMBER_NOT_FOUND", foreignMember, member -> s.admin()
                .get("/api/v1/organizations/" + s.a() + "/members/" + member).then().extract());
    }

    @Test
    void aSecretaryGridLeaderOrGridMemberFromAnotherSubtreeIsRefusedLikeAnUnknownMember() {
        Scene s = Scene.create();
        UUID foreignMember = Members.in(s.bBranch());
        String grid = s.admin().body(grid(s.aBranch(), null)).post("/api/v1/grids").then().statusCode(201).extract().path("id");
        String code = "MEMBER_NOT_FOUND_IN_ORGANIZATION";
        s.refusedAlike(422, code, foreignMember, member -> s.admin()
                .body(body("seat", "SECRETARY", "memberId", member, "memberName", "某人", "reason", "增补"))
                .post("/api/v1/organizations/" + s.aBranch() + "/leadership/seats").then().extract());
        s.refusedAlike(422, code, foreignMember, member -> s.admin()
                .body(body("electedOn", "2025-01-01", "seats", List.of(body("seat", "SECRETARY", "memberId", member,
                        "memberName", "某人")))).post("/api/v1/organizations/" + s.aBranch() + "/leadership/elections")
                .then().extract());
        s.refusedAlike(422, code, foreignMember, member -> s.admin()
                .body(body("organizationId", s.aBranch(), "name", "新网格", "leaderMemberId", member, "leaderName", "某人",
                        "area", "东门路", "households", 1)).post("/api/v1/grids").then().extract());
        s.refusedAlike(422, code, foreignMember, member -> s.admin()
                .body(body("leaderMemberId", member, "leaderName", "某人", "reason", "换人"))
                .post("/api/v1/grids/" + grid + "/leader").then().extract());
        s.refusedAlike(422, code, foreignMember, member -> s.admin()
                .body(body("memberId", member, "memberName", "某人")).post("/api/v1/grids/" + grid + "/members").then().extract());
    }

    private static Map<String, Object> pairing(UUID organization, UUID partner) {
        return body("organizationId", organization, "partnerId", partner, "startsOn", "2026-01-01", "endsOn", "2026-12-31",
                "content", "联合开展主题党日");
    }

    private static Map<String, Object> unit(UUID organization) {
        return body("organizationId", organization, "name", "某某科技有限公司", "creditCode", UnitCoverageTest.creditCode("350203"),
                "kind", "NON_PUBLIC_ENTERPRISE", "employees", 120, "partyMembers", 2);
    }

    private static Map<String, Object> grid(UUID organization, UUID parent) {
        Map<String, Object> grid = body("organizationId", organization, "name", "东门网格", "leaderName", "林格长",
                "area", "东门路1-99号", "households", 10);
        if (parent != null) {
            grid.put("parentId", parent.toString());
        }
        return grid;
    }
}
