package org.dangjian.member.member;

import io.quarkus.test.junit.QuarkusTest;
import org.dangjian.member.Api;
import org.dangjian.member.TestIds;
import org.dangjian.member.TestTree;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.dangjian.member.Api.asPlatformAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** A member on a mobile front-end (DOMAIN.md §6): their own record, dues and applications, nobody else's. */
@QuarkusTest
class SelfServiceTest {

    @Test
    void memberCorrectsTheirOwnPhoneEducationAndWorkUnit() {
        UUID me = Api.registered(TestTree.branch(TestTree.committee()).id());
        String phone = TestIds.phone();
        Api.asMember(me).body(Map.of("phone", phone, "education", "MASTER", "workUnit", "厦门某研究院"))
                .patch("/api/v1/members/" + me).then().statusCode(200)
                .body("education", equalTo("MASTER")).body("workUnit", equalTo("厦门某研究院"));
        Api.asMember(me).get("/api/v1/members/" + me).then().statusCode(200)
                .body("phone", equalTo(phone)).body("masked", equalTo(false));
    }

    @Test
    void memberCannotChangeIdentityCategoryOrAssignmentOnTheirOwnRecord() {
        UUID me = Api.registered(TestTree.branch(TestTree.committee()).id());
        String before = asPlatformAdmin().get("/api/v1/members/" + me).then().extract().path("phone");
        for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of("name", "自己改"), Map.of("category", "RETIRED"),
                Map.of("grid", "第一网格"), Map.of("nationalId", TestIds.nationalId()))) {
            Api.asMember(me).body(body).patch("/api/v1/members/" + me).then().statusCode(422)
                    .body("code", equalTo("MEMBER_FIELD_NOT_SELF_EDITABLE"))
                    .body("errors.field", contains(body.keySet().iterator().next()));
        }
        // Refused whole: the allowed field given with a refused one does not change either.
        Api.asMember(me).body(Map.of("phone", TestIds.phone(), "name", "自己改")).patch("/api/v1/members/" + me).then()
                .statusCode(422);
        asPlatformAdmin().get("/api/v1/members/" + me).then().body("phone", equalTo(before)).body("name", equalTo("林志强"));
    }

    @Test
    void memberMovingThemselfToAnotherBranchOrStageIsRefusedNamingTheFieldsNotIgnored() {
        UUID branch = TestTree.branch(TestTree.committee()).id();
        UUID me = Api.registered(branch);
        UUID elsewhere = TestTree.branch(TestTree.committee()).id();
        String phone = asPlatformAdmin().get("/api/v1/members/" + me).then().extract().path("phone");
        int version = asPlatformAdmin().get("/api/v1/members/" + me).then().extract().path("version");
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("phone", TestIds.phone());
        body.put("orgId", elsewhere.toString());
        body.put("stage", "FULL");
        body.put("memberNumber", "X1");

        Api.asMember(me).body(body).patch("/api/v1/members/" + me).then().statusCode(422)
                .body("code", equalTo("MEMBER_FIELD_NOT_SELF_EDITABLE"))
                .body("errors.field", contains("memberNumber", "orgId", "stage"));

        asPlatformAdmin().get("/api/v1/members/" + me).then().statusCode(200)
                .body("orgId", equalTo(branch.toString())).body("phone", equalTo(phone)).body("version", equalTo(version));
    }

    @Test
    void staffCorrectingAFieldTheRecordHasNoPlaceForIsRefusedNotIgnored() {
        UUID branch = TestTree.branch(TestTree.committee()).id();
        UUID member = Api.registered(branch);
        int version = asPlatformAdmin().get("/api/v1/members/" + member).then().extract().path("version");
        asPlatformAdmin().body(Map.of("workUnit", "某单位", "orgId", TestTree.branch(TestTree.committee()).id().toString(),
                "stage", "APPLICANT")).patch("/api/v1/members/" + member).then().statusCode(422)
                .body("code", equalTo("MEMBER_FIELD_NOT_CORRECTABLE"))
                .body("errors.field", contains("orgId", "stage"));
        asPlatformAdmin().get("/api/v1/members/" + member).then()
                .body("orgId", equalTo(branch.toString())).body("stage", equalTo("FULL")).body("version", equalTo(version));
        // Fields it has still correct.
        asPlatformAdmin().body(Map.of("workUnit", "某单位")).patch("/api/v1/members/" + member).then().statusCode(200)
                .body("workUnit", equalTo("某单位"));
    }

    @Test
    void anotherMembersRecordDuesAndApplicationsDoNotExistForAMember() {
        UUID branch = TestTree.branch(TestTree.committee()).id();
        UUID me = Api.registered(branch);
        UUID colleague = Api.registered(branch);
        for (String path : List.of("", "/dues?asOf=2026-02", "/stage-changes", "/development-records", "/conduct")) {
            Api.asMember(me).get("/api/v1/members/" + me + path).then().statusCode(200);
            Api.asMember(me).get("/api/v1/members/" + colleague + path).then().statusCode(404)
                    .body("code", equalTo("MEMBER_NOT_FOUND"));
        }
        Api.asMember(me).body(Map.of("phone", TestIds.phone())).patch("/api/v1/members/" + colleague).then().statusCode(404)
                .body("code", equalTo("MEMBER_NOT_FOUND"));
    }
}
