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
            Api.asMember(me).body(body).patch("/api/v1/members/" + me).then().statusCode(403)
                    .body("code", equalTo("MEMBER_FIELD_NOT_SELF_EDITABLE"));
        }
        // Refused whole: the allowed field given with a refused one does not change either.
        Api.asMember(me).body(Map.of("phone", TestIds.phone(), "name", "自己改")).patch("/api/v1/members/" + me).then()
                .statusCode(403);
        asPlatformAdmin().get("/api/v1/members/" + me).then().body("phone", equalTo(before)).body("name", equalTo("林志强"));
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
