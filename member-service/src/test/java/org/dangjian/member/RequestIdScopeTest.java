package org.dangjian.member;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.dangjian.member.Api.as;
import static org.dangjian.member.Api.asPlatformAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every id a request carries besides its subject (body fields, second path and query parameters) is checked against
 * the caller's data scope: an id from another subtree answers exactly like a random one (same status, same code),
 * changes nothing, and the answer holds nothing of the foreign record. The caller is an org-admin of one committee;
 * "foreign" records belong to another committee's subtree.
 */
@QuarkusTest
class RequestIdScopeTest {

    /** My subtree: a committee with a branch and a full member in it. */
    record Mine(TestTree.Node committee, TestTree.Node branch, UUID member) {
        RequestSpecification admin() {
            return as(Caller.ORG_ADMIN, committee.id());
        }
    }

    /** Another subtree: its branch, a group of that branch, and a full member with a name found nowhere else. */
    record Foreign(TestTree.Node committee, TestTree.Node branch, TestTree.Node group, UUID member, String name, String number) {
        String branchName() {
            return "测试BRANCH" + branch.id().toString().substring(0, 4);
        }

        String committeeName() {
            return "测试COMMITTEE" + committee.id().toString().substring(0, 4);
        }
    }

    static Mine mine() {
        TestTree.Node committee = TestTree.committee();
        TestTree.Node branch = TestTree.branch(committee);
        return new Mine(committee, branch, Api.registered(branch.id()));
    }

    static Foreign foreign() {
        TestTree.Node committee = TestTree.committee();
        TestTree.Node branch = TestTree.branch(committee);
        TestTree.Node group = TestTree.child(branch, "GROUP");
        String name = "外人" + UUID.randomUUID().toString().substring(0, 6);
        UUID member = Api.registered(Api.with(Api.fullMember(branch.id()), "name", name));
        String number = asPlatformAdmin().get("/api/v1/members/" + member).then().extract().path("memberNumber");
        return new Foreign(committee, branch, group, member, name, number);
    }

    /**
     * The request with the foreign id and with a random one: the same status and code, the expected ones, and none
     * of the given foreign data in the foreign answer.
     */
    static void alike(Function<UUID, ValidatableResponse> request, UUID foreignId, int status, String code, String... foreignData) {
        ExtractableResponse<Response> foreign = request.apply(foreignId).extract();
        ExtractableResponse<Response> random = request.apply(UUID.randomUUID()).extract();
        assertEquals(status, foreign.statusCode(), foreign.asString());
        assertEquals(status, random.statusCode(), random.asString());
        assertEquals(code, foreign.path("code"));
        assertEquals(code, random.path("code"));
        String body = foreign.asString();
        for (String data : foreignData) {
            assertFalse(body.contains(data), "foreign " + data + " in " + body);
        }
    }

    static void stillAt(UUID member, String stage, int version) {
        asPlatformAdmin().get("/api/v1/members/" + member).then().statusCode(200)
                .body("stage", equalTo(stage)).body("version", equalTo(version));
    }

    static int version(UUID member) {
        return asPlatformAdmin().get("/api/v1/members/" + member).then().extract().path("version");
    }

    static void nobodyIn(UUID branch, int expected) {
        asPlatformAdmin().queryParam("orgId", branch).get("/api/v1/members").then().body("items", hasSize(expected));
    }

    @Test
    void registeringIntoABranchOfAnotherSubtree() {
        Mine me = mine();
        Foreign them = foreign();
        alike(id -> me.admin().body(Api.fullMember(id)).post("/api/v1/members").then(), them.branch().id(), 422,
                "MEMBER_BRANCH_NOT_FOUND", them.branchName());
        nobodyIn(them.branch().id(), 1);
    }

    @Test
    void registeringIntoAGroupOfAnotherSubtree() {
        Mine me = mine();
        Foreign them = foreign();
        alike(id -> me.admin().body(Api.with(Api.fullMember(me.branch().id()), "groupId", id.toString())).post("/api/v1/members")
                .then(), them.group().id(), 422, "MEMBER_GROUP_NOT_IN_BRANCH", "测试GROUP");
        nobodyIn(me.branch().id(), 1);
    }

    @Test
    void correctingTheGroupToOneOfAnotherSubtree() {
        Mine me = mine();
        Foreign them = foreign();
        int version = version(me.member());
        alike(id -> me.admin().body(Map.of("groupId", id.toString())).patch("/api/v1/members/" + me.member()).then(),
                them.group().id(), 422, "MEMBER_GROUP_NOT_IN_BRANCH", "测试GROUP");
        stillAt(me.member(), "FULL", version);
    }

    @Test
    void searchingTheMembersOfAnotherSubtree() {
        Mine me = mine();
        Foreign them = foreign();
        alike(id -> me.admin().queryParam("orgId", id).get("/api/v1/members").then(), them.branch().id(), 404,
                "ORGANIZATION_NOT_FOUND", them.name(), them.number());
    }

    static Map<String, Object> toActivist(List<UUID> contacts) {
        Map<String, Object> body = new HashMap<>();
        body.put("toStage", "ACTIVIST");
        body.put("effectiveOn", LocalDate.now().minusDays(1).toString());
        body.put("decisionRef", "支委会〔2026〕1号");
        body.put("contactMemberIds", contacts.stream().map(UUID::toString).toList());
        return body;
    }

    @Test
    void namingAContactOfAnotherSubtreeOnAStageChange() {
        Mine me = mine();
        Foreign them = foreign();
        UUID applicant = Api.registered(Api.applicant(me.branch().id(), TestIds.nationalId(), LocalDate.now().minusMonths(3)));
        int version = version(applicant);
        alike(id -> me.admin().body(toActivist(List.of(me.member(), id))).post("/api/v1/members/" + applicant + "/stage-changes")
                .then(), them.member(), 422, "MEMBER_CONTACT_NOT_FULL_MEMBER_OF_BRANCH", them.name(), them.number());
        stillAt(applicant, "APPLICANT", version);
    }

    @Test
    void assigningAContactOfAnotherSubtree() {
        Mine me = mine();
        Foreign them = foreign();
        Map<String, Object> activist = Api.with(Api.applicant(me.branch().id(), TestIds.nationalId(), LocalDate.now().minusMonths(6)),
                "stage", "ACTIVIST");
        activist.put("activistOn", LocalDate.now().minusMonths(1).toString());
        UUID member = Api.registered(activist);
        alike(id -> me.admin().body(Map.of("contactMemberIds", List.of(me.member().toString(), id.toString())))
                .put("/api/v1/members/" + member + "/contacts").then(), them.member(), 422,
                "MEMBER_CONTACT_NOT_FULL_MEMBER_OF_BRANCH", them.name(), them.number());
    }

    static Map<String, Object> reassignment(List<UUID> members, UUID to) {
        return Map.of("memberIds", members.stream().map(UUID::toString).toList(), "toOrgId", to.toString(),
                "reason", "原党支部撤销，党员转入邻村党支部");
    }

    @Test
    void reassigningIntoABranchOfAnotherSubtree() {
        Mine me = mine();
        Foreign them = foreign();
        alike(id -> me.admin().body(reassignment(List.of(me.member()), id)).post("/api/v1/members/reassignments").then(),
                them.branch().id(), 422, "TRANSFER_TARGET_NOT_FOUND", them.branchName());
        nobodyIn(them.branch().id(), 1);
    }

    @Test
    void reassigningAMemberOfAnotherSubtree() {
        Mine me = mine();
        Foreign them = foreign();
        UUID target = TestTree.branch(me.committee()).id();
        alike(id -> me.admin().body(reassignment(List.of(id), target)).post("/api/v1/members/reassignments").then()
                .body("errors[0].code", equalTo("MEMBER_NOT_FOUND")), them.member(), 422, "MEMBER_REASSIGNMENT_REFUSED",
                them.name(), them.number());
        asPlatformAdmin().get("/api/v1/members/" + them.member()).then().body("orgId", equalTo(them.branch().id().toString()));
    }

    static Map<String, Object> away(UUID host, UUID contact) {
        Map<String, Object> body = new HashMap<>();
        body.put("location", "福建省厦门市思明区");
        body.put("since", LocalDate.now().minusDays(1).toString());
        body.put("fixedPlace", false);
        if (host != null) {
            body.put("hostOrgId", host.toString());
        }
        if (contact != null) {
            body.put("contactMemberId", contact.toString());
        }
        return body;
    }

    static void notMobile(UUID member) {
        asPlatformAdmin().get("/api/v1/members/" + member + "/mobility").then().statusCode(404)
                .body("code", equalTo("MOBILE_NOT_REGISTERED"));
    }

    @Test
    void aMobileMembersContactFromAnotherSubtreeAnswersLikeAnUnknownOne() {
        Mine me = mine();
        Foreign them = foreign();
        alike(id -> me.admin().body(away(null, id)).post("/api/v1/members/" + me.member() + "/mobility").then(),
                them.member(), 422, "MOBILE_CONTACT_NOT_FOUND", them.name(), them.number());
        notMobile(me.member());
    }

    @Test
    void aHostOfAnotherSubtreeThatIsNoActiveBranchAnswersLikeAnUnknownOne() {
        Mine me = mine();
        Foreign them = foreign();
        TestTree.Node dissolved = TestTree.child(them.committee(), "BRANCH", "DISSOLVED");
        for (TestTree.Node host : List.of(them.committee(), dissolved)) {
            alike(id -> me.admin().body(away(id, null)).post("/api/v1/members/" + me.member() + "/mobility").then(),
                    host.id(), 422, "MOBILE_HOST_NOT_FOUND", them.committeeName(), "测试BRANCH", "COMMITTEE", "DISSOLVED");
        }
        notMobile(me.member());
        // An active branch of another county is where a mobile member may well attend: named, never described.
        String body = me.admin().body(away(them.branch().id(), null)).post("/api/v1/members/" + me.member() + "/mobility").then()
                .statusCode(201).body("hostOrgId", equalTo(them.branch().id().toString())).extract().asString();
        assertFalse(body.contains(them.branchName()));
    }

    @Test
    void listingTheMobileMembersOfABranchOfAnotherSubtree() {
        Mine me = mine();
        Foreign them = foreign();
        alike(id -> me.admin().queryParam("hostOrgId", id).get("/api/v1/mobile-members").then(), them.branch().id(), 404,
                "ORGANIZATION_NOT_FOUND", them.name());
        alike(id -> me.admin().queryParam("homeOrgId", id).get("/api/v1/mobile-members").then(), them.branch().id(), 404,
                "ORGANIZATION_NOT_FOUND", them.name());
    }

    static Map<String, Object> letter(UUID member, UUID to) {
        return Map.of("memberId", member.toString(), "toOrgId", to.toString());
    }

    @Test
    void issuingATransferForAMemberOfAnotherSubtree() {
        Mine me = mine();
        Foreign them = foreign();
        UUID to = TestTree.branch(me.committee()).id();
        alike(id -> me.admin().body(letter(id, to)).post("/api/v1/transfers").then(), them.member(), 404, "MEMBER_NOT_FOUND",
                them.name(), them.number());
        me.admin().queryParam("branchId", to).queryParam("direction", "INCOMING").get("/api/v1/transfers").then()
                .body("items", hasSize(0));
    }

    @Test
    void aTransferTargetOfAnotherSubtreeThatIsNoActiveBranchAnswersLikeAnUnknownOne() {
        Mine me = mine();
        Foreign them = foreign();
        TestTree.Node dissolved = TestTree.child(them.committee(), "BRANCH", "DISSOLVED");
        for (TestTree.Node target : List.of(them.committee(), dissolved)) {
            alike(id -> me.admin().body(letter(me.member(), id)).post("/api/v1/transfers").then(), target.id(), 422,
                    "TRANSFER_TARGET_NOT_FOUND", them.committeeName(), "测试BRANCH", "COMMITTEE", "DISSOLVED");
        }
        me.admin().queryParam("branchId", me.branch().id()).queryParam("direction", "OUTGOING").get("/api/v1/transfers").then()
                .body("items", hasSize(0));
    }

    @Test
    void receivingAMemberFromOutsideIntoABranchOfAnotherSubtree() {
        Mine me = mine();
        Foreign them = foreign();
        alike(id -> me.admin().body(Map.of("letterNumber", "ZJ2026-" + UUID.randomUUID().toString().substring(0, 6),
                "fromOutsideOrganization", "中共福州市某区某社区委员会", "issuedOn", LocalDate.now().minusDays(3).toString(),
                "member", Api.fullMember(id))).post("/api/v1/transfers/incoming").then(), them.branch().id(), 422,
                "MEMBER_BRANCH_NOT_FOUND", them.branchName());
        nobodyIn(them.branch().id(), 1);
    }

    @Test
    void listingTheTransfersOfABranchOfAnotherSubtree() {
        Mine me = mine();
        Foreign them = foreign();
        alike(id -> me.admin().queryParam("branchId", id).get("/api/v1/transfers").then(), them.branch().id(), 404,
                "ORGANIZATION_NOT_FOUND", them.name());
    }

    @Test
    void listingTheDuesArrearsOfABranchOfAnotherSubtree() {
        Mine me = mine();
        Foreign them = foreign();
        alike(id -> me.admin().queryParam("branchId", id).get("/api/v1/dues/arrears").then(), them.branch().id(), 404,
                "ORGANIZATION_NOT_FOUND", them.name(), them.number());
    }

    @Test
    void importingRowsIntoABranchOfAnotherSubtree() {
        Mine me = mine();
        Foreign them = foreign();
        Function<UUID, ValidatableResponse> upload = id -> me.admin().contentType("text/csv; charset=UTF-8")
                .body("name,gender,ethnicity,nationalId,category,orgId,stage,appliedOn,admittedOn,fullOn\n王建国,MALE,01,"
                        + TestIds.nationalId() + ",EMPLOYED," + id + ",FULL,2005-03-01,2007-01-10,2008-01-10\n")
                .queryParam("mode", "SKIP_BAD_ROWS").post("/api/v1/member-imports").then().statusCode(200);
        String foreign = upload.apply(them.branch().id()).extract().path("rows[0].code");
        String random = upload.apply(UUID.randomUUID()).extract().path("rows[0].code");
        assertEquals("MEMBER_BRANCH_NOT_FOUND", foreign);
        assertEquals(random, foreign);
        nobodyIn(them.branch().id(), 1);
    }
}
