package org.dangjian.member.importing;

import io.quarkus.test.junit.QuarkusTest;
import org.dangjian.member.Api;
import org.dangjian.member.TestIds;
import org.dangjian.member.TestTree;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.localstack.Tokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class MemberExportTest {

    @Test
    void exportStreamsTheCallersSubtreeWithPersonalDataMasked() {
        TestTree.Node committee = TestTree.committee();
        String nationalId = TestIds.nationalId();
        UUID mine = Api.registered(Api.with(Api.fullMember(TestTree.branch(committee).id(), nationalId, "13600001111"),
                "workUnit", "某公司, 某部门"));
        UUID theirs = Api.registered(TestTree.branch(TestTree.committee()).id());

        given().auth().oauth2(Tokens.issue(Caller.ORG_ADMIN, committee.id())).accept("text/csv").get("/api/v1/member-exports")
                .then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .body(startsWith("id,memberNumber,name"))
                .body(containsString(mine.toString()))
                .body(containsString(nationalId.substring(0, 4) + "**********" + nationalId.substring(14)))
                .body(containsString("136****1111"))
                .body(containsString("\"某公司, 某部门\""))
                .body(not(containsString(nationalId)))
                .body(not(containsString(theirs.toString())));
    }

    @Test
    void exportNeedsATokenAndAnExportingRole() {
        given().accept("text/csv").get("/api/v1/member-exports").then().statusCode(401);
        given().auth().oauth2(Tokens.issue(Caller.MEMBER, null)).accept("text/csv").get("/api/v1/member-exports")
                .then().statusCode(403);
    }
}
