package org.dangjian.member.importing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.dangjian.member.TestIds;
import org.dangjian.member.TestTree;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.Messages;
import org.dangjian.platform.localstack.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.dangjian.member.Api.asPlatformAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class MemberImportTest {

    static final String HEADER = "name,gender,ethnicity,nationalId,phone,category,workUnit,orgId,stage,appliedOn,admittedOn,fullOn\n";

    static String row(String name, String gender, String nationalId, String workUnit, UUID orgId) {
        return String.join(",", name, gender, "01", nationalId, TestIds.phone(), "EMPLOYED", workUnit, orgId.toString(), "FULL",
                "2005-03-01", "2007-01-10", "2008-01-10") + "\n";
    }

    static ValidatableResponse upload(String role, UUID orgId, String csv, String mode) {
        return given().auth().oauth2(Tokens.issue(role, orgId)).contentType("text/csv; charset=UTF-8").body(csv)
                .queryParam("mode", mode).post("/api/v1/member-imports").then();
    }

    static void findable(String nationalId, int count) {
        asPlatformAdmin().queryParam("nationalId", nationalId).get("/api/v1/members").then().statusCode(200)
                .body("items", hasSize(count));
    }

    @Test
    void goodRowsAreRegisteredAndBadRowsReportedEachWithItsReason() {
        TestTree.Node committee = TestTree.committee();
        UUID branch = TestTree.branch(committee).id();
        String first = TestIds.nationalId();
        String second = TestIds.nationalId();
        String csv = HEADER
                + row("王建国", "MALE", first, "厦门某公司", branch)
                + row("李秀英", "FEMALE", TestIds.withWrongCheck(TestIds.nationalId()), "某单位", branch)
                + row("张伟", "MALE", TestIds.nationalId(), "某单位", committee.id())
                + row("陈静", "FEMALE", second, "\"厦门某科技有限公司, 研发部\"", branch)
                + row("王建国", "MALE", first, "重复", branch)
                + row("赵磊", "UNKNOWN", TestIds.nationalId(), "某单位", branch);

        upload(Caller.ORG_ADMIN, committee.id(), csv, "SKIP_BAD_ROWS").statusCode(200)
                .body("total", equalTo(6))
                .body("created", equalTo(2))
                .body("rejected", equalTo(4))
                .body("committed", equalTo(true))
                .body("rows.status", contains("CREATED", "REJECTED", "REJECTED", "CREATED", "REJECTED", "REJECTED"))
                .body("rows[0].memberId", notNullValue())
                .body("rows[1].code", equalTo("VALIDATION_FAILED"))
                .body("rows[1].errors.field", contains("nationalId"))
                .body("rows[2].code", equalTo("MEMBER_BRANCH_NOT_A_BRANCH"))
                .body("rows[4].code", equalTo("MEMBER_NATIONAL_ID_TAKEN"))
                .body("rows[5].errors.field", contains("gender"))
                .body("rows[5].errors.code", contains("INVALID_VALUE"));

        findable(first, 1);
        String id = asPlatformAdmin().queryParam("nationalId", second).get("/api/v1/members").then().extract().path("items[0].id");
        asPlatformAdmin().get("/api/v1/members/" + id).then().body("workUnit", equalTo("厦门某科技有限公司, 研发部"));
    }

    @Test
    void allOrNothingImportWithABadRowRegistersNobody() {
        UUID branch = TestTree.branch(TestTree.committee()).id();
        String good = TestIds.nationalId();
        String csv = HEADER + row("王建国", "MALE", good, "某单位", branch)
                + row("李秀英", "FEMALE", TestIds.withWrongCheck(TestIds.nationalId()), "某单位", branch);
        upload(Caller.PLATFORM_ADMIN, null, csv, "ALL_OR_NOTHING").statusCode(200)
                .body("committed", equalTo(false))
                .body("created", equalTo(0))
                .body("rows.status", contains("NOT_COMMITTED", "REJECTED"));
        findable(good, 0);
    }

    @Test
    void allOrNothingImportWithoutErrorsRegistersEveryRow() {
        TestTree.Node committee = TestTree.committee();
        UUID branch = TestTree.branch(committee).id();
        String a = TestIds.nationalId();
        String b = TestIds.nationalId();
        upload(Caller.INTEGRATION, committee.id(), HEADER + row("甲", "MALE", a, "某单位", branch) + row("乙", "FEMALE", b, "某单位", branch),
                "ALL_OR_NOTHING").statusCode(200).body("committed", equalTo(true)).body("created", equalTo(2));
        findable(a, 1);
        findable(b, 1);
    }

    @Test
    void unknownOrMissingColumnsRefuseTheFile() {
        upload(Caller.PLATFORM_ADMIN, null, "name,gender,colour\n", "ALL_OR_NOTHING").statusCode(400)
                .body("code", equalTo("IMPORT_HEADER_INVALID"));
        upload(Caller.PLATFORM_ADMIN, null, "name,gender\n", "ALL_OR_NOTHING").statusCode(400)
                .body("code", equalTo("IMPORT_HEADER_INVALID"));
    }

    @Test
    void importNeedsATokenAndAnImportingRole() {
        given().contentType("text/csv").body(HEADER).post("/api/v1/member-imports").then().statusCode(401);
        upload(Caller.MEMBER, null, HEADER, "ALL_OR_NOTHING").statusCode(403);
        upload(Caller.AUDITOR, null, HEADER, "ALL_OR_NOTHING").statusCode(403);
    }

    @Test
    void refusedRowsAreExplainedInTheCallersLanguageWhereverInALargeFileTheyAre() {
        // Large enough to be parsed on more than one thread: the first and last row land on different ones.
        UUID branch = TestTree.branch(TestTree.committee()).id();
        StringBuilder csv = new StringBuilder(HEADER).append(row("", "MALE", TestIds.nationalId(), "某单位", branch));
        for (int i = 0; i < 598; i++) {
            csv.append(row("王建国", "MALE", TestIds.nationalId(), "某单位", branch));
        }
        csv.append(row("", "FEMALE", TestIds.nationalId(), "某单位", branch));

        var english = given().auth().oauth2(Tokens.issue(Caller.PLATFORM_ADMIN, null)).header("Accept-Language", "en")
                .contentType("text/csv; charset=UTF-8").body(csv.toString()).queryParam("mode", "ALL_OR_NOTHING")
                .post("/api/v1/member-imports").then().statusCode(200).body("committed", equalTo(false))
                .body("rows[0].message", equalTo(Messages.get(Locale.ENGLISH, "VALIDATION_FAILED.detail")))
                .body("rows[599].message", equalTo(Messages.get(Locale.ENGLISH, "VALIDATION_FAILED.detail")))
                .extract().jsonPath();
        var chinese = upload(Caller.PLATFORM_ADMIN, null, csv.toString(), "ALL_OR_NOTHING").statusCode(200)
                .body("rows[599].message", equalTo(Messages.get(Messages.CHINESE, "VALIDATION_FAILED.detail")))
                .extract().jsonPath();

        assertEquals(english.getString("rows[0].errors[0].message"), english.getString("rows[599].errors[0].message"));
        assertEquals(chinese.getString("rows[0].errors[0].message"), chinese.getString("rows[599].errors[0].message"));
        assertNotEquals(english.getString("rows[599].errors[0].message"), chinese.getString("rows[599].errors[0].message"));
    }
}
