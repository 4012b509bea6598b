package org.dangjian.member.member;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.dangjian.member.Api;
import org.dangjian.member.TestIds;
import org.dangjian.member.TestTree;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.dangjian.member.Api.as;
import static org.dangjian.member.Api.asPlatformAdmin;
import static org.dangjian.member.Api.fullMember;
import static org.dangjian.member.Api.register;
import static org.dangjian.member.Api.with;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class MemberRecordsTest {

    @Inject
    EntityManager em;

    @Test
    void orgAdminRegistersAMemberInABranchOfTheirSubtree() {
        TestTree.Node committee = TestTree.committee();
        TestTree.Node branch = TestTree.branch(committee);
        String nationalId = TestIds.nationalId(LocalDate.of(1985, 6, 15));

        var created = register(as(Caller.ORG_ADMIN, committee.id()), fullMember(branch.id(), nationalId, "13812345678"))
                .statusCode(201);
        String id = created.extract().path("id");
        created.header("Location", endsWith("/api/v1/members/" + id))
                .header("ETag", equalTo("\"0\""))
                .body("orgId", equalTo(branch.id().toString()))
                .body("stage", equalTo("FULL"))
                .body("birthDate", equalTo("1985-06-15"))
                .body("memberNumber", startsWith("M"))
                .body("nationalId", equalTo(nationalId.substring(0, 4) + "**********" + nationalId.substring(14)))
                .body("phone", equalTo("138****5678"))
                .body("masked", equalTo(true));
    }

    @Test
    void joinedAndTemporaryBranchesHoldMembersToo() {
        TestTree.Node committee = TestTree.committee();
        register(asPlatformAdmin(), fullMember(TestTree.child(committee, "JOINT_BRANCH").id())).statusCode(201);
        register(asPlatformAdmin(), fullMember(TestTree.child(committee, "TEMPORARY_BRANCH").id())).statusCode(201);
    }

    @Test
    void committeeCannotHoldMembers() {
        TestTree.Node committee = TestTree.committee();
        register(asPlatformAdmin(), fullMember(committee.id())).statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("MEMBER_BRANCH_NOT_A_BRANCH"));
    }

    @Test
    void dissolvedBranchCannotReceiveMembers() {
        TestTree.Node branch = TestTree.child(TestTree.committee(), "BRANCH", "DISSOLVED");
        register(asPlatformAdmin(), fullMember(branch.id())).statusCode(422).body("code", equalTo("MEMBER_BRANCH_NOT_ACTIVE"));
    }

    @Test
    void branchOutsideTheCallersSubtreeIsReportedAsNotFound() {
        TestTree.Node mine = TestTree.committee();
        TestTree.Node sibling = TestTree.branch(TestTree.committee());
        register(as(Caller.ORG_ADMIN, mine.id()), fullMember(sibling.id())).statusCode(422)
                .body("code", equalTo("MEMBER_BRANCH_NOT_FOUND"));
        register(as(Caller.ORG_ADMIN, mine.id()), fullMember(UUID.randomUUID())).statusCode(422)
                .body("code", equalTo("MEMBER_BRANCH_NOT_FOUND"));
    }

    @Test
    void groupMustBeAPartyGroupOfTheBranch() {
        TestTree.Node committee = TestTree.committee();
        TestTree.Node branch = TestTree.branch(committee);
        TestTree.Node otherBranchGroup = TestTree.child(TestTree.branch(committee), "GROUP");
        register(asPlatformAdmin(), with(fullMember(branch.id()), "groupId", otherBranchGroup.id().toString()))
                .statusCode(422).body("code", equalTo("MEMBER_GROUP_NOT_IN_BRANCH"));
        TestTree.Node ownGroup = TestTree.child(branch, "GROUP");
        register(asPlatformAdmin(), with(fullMember(branch.id()), "groupId", ownGroup.id().toString()))
                .statusCode(201).body("groupId", equalTo(ownGroup.id().toString()));
    }

    @Test
    void nationalIdWithAWrongCheckCharacterIsRefusedWith400() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        register(asPlatformAdmin(), fullMember(branch.id(), TestIds.withWrongCheck(TestIds.nationalId()), TestIds.phone()))
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("nationalId"));
    }

    @Test
    void invalidEthnicityCodeIsRefusedWith400() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        register(asPlatformAdmin(), with(fullMember(branch.id()), "ethnicity", "57")).statusCode(400)
                .body("errors.field", hasItem("ethnicity"));
    }

    @Test
    void secondRecordWithTheSameNationalIdIsRefusedWith409() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        String nationalId = TestIds.nationalId();
        register(asPlatformAdmin(), fullMember(branch.id(), nationalId, TestIds.phone())).statusCode(201);
        // Same person, lower-case check character or not, in another branch: still the same person.
        register(asPlatformAdmin(), fullMember(TestTree.branch(TestTree.committee()).id(), nationalId.toLowerCase(), TestIds.phone()))
                .statusCode(409).body("code", equalTo("MEMBER_NATIONAL_ID_TAKEN"));
    }

    @Test
    void birthDateMustAgreeWithTheNationalId() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        String nationalId = TestIds.nationalId(LocalDate.of(1990, 1, 1));
        register(asPlatformAdmin(), with(fullMember(branch.id(), nationalId, TestIds.phone()), "birthDate", "1990-01-02"))
                .statusCode(422).body("code", equalTo("MEMBER_BIRTH_DATE_MISMATCH"));
    }

    @Test
    void stageWithoutItsDateIsRefused() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        register(asPlatformAdmin(), with(fullMember(branch.id()), "fullOn", null)).statusCode(422)
                .body("code", equalTo("MEMBER_STAGE_DATE_MISSING"));
    }

    @Test
    void stageDatesOutOfPipelineOrderAreRefused() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        register(asPlatformAdmin(), with(fullMember(branch.id()), "admittedOn", "2004-01-01")).statusCode(422)
                .body("code", equalTo("MEMBER_STAGE_DATES_INCONSISTENT"));
        Map<String, Object> applicantWithLaterDate = with(Api.applicant(branch.id(), TestIds.nationalId(), LocalDate.of(2020, 1, 1)),
                "fullOn", "2021-01-01");
        register(asPlatformAdmin(), applicantWithLaterDate).statusCode(422).body("code", equalTo("MEMBER_STAGE_DATES_INCONSISTENT"));
    }

    @Test
    void endedStageCannotBeRegistered() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        register(asPlatformAdmin(), with(fullMember(branch.id()), "stage", "DECEASED")).statusCode(422)
                .body("code", equalTo("MEMBER_STAGE_NOT_REGISTRABLE"));
    }

    @Test
    void applicantMustBe18OnTheDayOfApplication() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        LocalDate born = LocalDate.of(2004, 3, 10);
        LocalDate eighteenth = born.plusYears(18);
        register(asPlatformAdmin(), Api.applicant(branch.id(), TestIds.nationalId(born), eighteenth.minusDays(1)))
                .statusCode(422).body("code", equalTo("MEMBER_APPLICANT_UNDER_AGE"));
        register(asPlatformAdmin(), Api.applicant(branch.id(), TestIds.nationalId(born), eighteenth)).statusCode(201);
        register(asPlatformAdmin(), Api.applicant(branch.id(), TestIds.nationalId(born), eighteenth.plusDays(1))).statusCode(201);
    }

    @Test
    void problemIsInEnglishOnRequest() {
        TestTree.Node committee = TestTree.committee();
        asPlatformAdmin().header("Accept-Language", "en").body(fullMember(committee.id())).post("/api/v1/members")
                .then().statusCode(422).body("title", equalTo("Not a branch"));
    }

    @Test
    void orgAdminCorrectsARecordAndTheVersionMoves() {
        TestTree.Node committee = TestTree.committee();
        UUID id = Api.registered(TestTree.branch(committee).id());
        as(Caller.ORG_ADMIN, committee.id()).header("If-Match", "\"0\"")
                .body(Map.of("name", "林志刚", "education", "MASTER", "phone", "13900001111"))
                .patch("/api/v1/members/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("name", equalTo("林志刚"))
                .body("education", equalTo("MASTER"))
                .body("phone", equalTo("139****1111"))
                .body("category", equalTo("EMPLOYED"))
                .body("version", equalTo(1));
    }

    @Test
    void correctionWithAStaleVersionIsRefusedWith412() {
        UUID id = Api.registered(TestTree.branch(TestTree.committee()).id());
        asPlatformAdmin().body(Map.of("name", "甲")).patch("/api/v1/members/" + id).then().statusCode(200);
        asPlatformAdmin().header("If-Match", "\"0\"").body(Map.of("name", "乙")).patch("/api/v1/members/" + id)
                .then().statusCode(412).body("code", equalTo("MEMBER_VERSION_STALE"));
    }

    @Test
    void correctionToANationalIdAlreadyRegisteredIsRefusedWith409() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        String taken = TestIds.nationalId();
        Api.registered(fullMember(branch.id(), taken, TestIds.phone()));
        UUID other = Api.registered(branch.id());
        asPlatformAdmin().body(Map.of("nationalId", taken)).patch("/api/v1/members/" + other)
                .then().statusCode(409).body("code", equalTo("MEMBER_NATIONAL_ID_TAKEN"));
    }

    @Test
    void everyWriteIsAuditedWithPersonalDataMasked() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        String nationalId = TestIds.nationalId();
        UUID id = Api.registered(fullMember(branch.id(), nationalId, "13811112222"));
        asPlatformAdmin().body(Map.of("workUnit", "新单位")).patch("/api/v1/members/" + id).then().statusCode(200);

        String registered = auditDetails(id, "MEMBER_REGISTERED");
        String corrected = auditDetails(id, "MEMBER_CORRECTED");
        assertEquals(true, registered.contains(nationalId.substring(0, 4) + "**********"), registered);
        assertEquals(false, registered.contains(nationalId) || registered.contains("13811112222"), registered);
        assertEquals(true, corrected.contains("新单位") && corrected.contains("\"before\""), corrected);
        assertEquals(false, corrected.contains(nationalId), corrected);
    }

    @Test
    void updateTokensWithoutAWriteRoleAreForbidden() {
        UUID id = Api.registered(TestTree.branch(TestTree.committee()).id());
        as(Caller.AUDITOR, null).body(Map.of("name", "改")).patch("/api/v1/members/" + id).then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        as(Caller.AUDITOR, null).body(fullMember(UUID.randomUUID())).post("/api/v1/members").then().statusCode(403);
    }

    @Test
    void everyMemberEndpointNeedsAToken() {
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/members").then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
        given().get("/api/v1/members/" + id).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").patch("/api/v1/members/" + id).then().statusCode(401);
        given().get("/api/v1/members").then().statusCode(401);
    }

    @Test
    void recordInASiblingSubtreeIsNotFoundForReadAndCorrection() {
        TestTree.Node mine = TestTree.committee();
        UUID theirs = Api.registered(TestTree.branch(TestTree.committee()).id());
        as(Caller.ORG_ADMIN, mine.id()).get("/api/v1/members/" + theirs).then().statusCode(404)
                .body("code", equalTo("MEMBER_NOT_FOUND"));
        as(Caller.BRANCH_SECRETARY, mine.id()).body(Map.of("name", "x")).patch("/api/v1/members/" + theirs)
                .then().statusCode(404).body("code", equalTo("MEMBER_NOT_FOUND"));
    }

    @Test
    void searchPageIsLimitedTo200() {
        asPlatformAdmin().get("/api/v1/members?size=201").then().statusCode(400).body("code", equalTo("INVALID_PARAMETER"));
    }

    @Test
    void searchListsOnlyTheCallersSubtreeInNameOrder() {
        TestTree.Node committee = TestTree.committee();
        TestTree.Node branch = TestTree.branch(committee);
        UUID mei = Api.registered(with(fullMember(branch.id()), "name", "郑晓梅"));
        UUID lan = Api.registered(with(fullMember(TestTree.branch(committee).id()), "name", "郑晓兰"));
        Api.registered(with(fullMember(TestTree.branch(TestTree.committee()).id()), "name", "郑晓"));

        String next = as(Caller.ORG_ADMIN, committee.id()).get("/api/v1/members?name=郑晓&size=1").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(lan.toString())).body("nextCursor", org.hamcrest.Matchers.notNullValue())
                .extract().path("nextCursor");
        as(Caller.ORG_ADMIN, committee.id()).queryParam("name", "郑晓").queryParam("size", 1).queryParam("cursor", next)
                .get("/api/v1/members").then().statusCode(200)
                .body("items[0].id", equalTo(mei.toString())).body("nextCursor", org.hamcrest.Matchers.nullValue());
        as(Caller.BRANCH_SECRETARY, branch.id()).get("/api/v1/members?name=郑晓").then().statusCode(200)
                .body("items", hasSize(1));
    }

    private String auditDetails(UUID target, String action) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select cast(details as text) from audit_entry where target_id = ?1 and action = ?2")
                .setParameter(1, target).setParameter(2, action).getSingleResult());
    }
}
