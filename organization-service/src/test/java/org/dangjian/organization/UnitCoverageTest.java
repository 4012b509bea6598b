package org.dangjian.organization;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.dangjian.organization.coverage.CreditCode;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.dangjian.organization.Api.as;
import static org.dangjian.organization.Api.asPlatformAdmin;
import static org.dangjian.organization.Api.body;
import static org.dangjian.organization.Api.newChild;
import static org.dangjian.organization.Api.newCommittee;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class UnitCoverageTest {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    @Test
    void aRegisteredUnitStartsUncoveredInTheRegionOfItsCreditCode() {
        UUID committee = newCommittee("登记党委");
        String code = creditCode("350203");
        register(as(Caller.ORG_ADMIN, committee), committee, code, null).statusCode(201)
                .body("creditCode", equalTo(code))
                .body("regionCode", equalTo("350203"))
                .body("coverage", equalTo("NONE"));
    }

    @Test
    void aCreditCodeWithAWrongCheckCharacterIsRefused() {
        UUID committee = newCommittee("校验码党委");
        String valid = creditCode("350203");
        char wrong = ALPHABET.charAt((ALPHABET.indexOf(valid.charAt(17)) + 1) % 31);
        register(asPlatformAdmin(), committee, valid.substring(0, 17) + wrong, null).statusCode(422)
                .body("code", equalTo("UNIT_CREDIT_CODE_INVALID"));
        register(asPlatformAdmin(), committee, "9111000080210043IB", null).statusCode(422)
                .body("code", equalTo("UNIT_CREDIT_CODE_INVALID"));
        register(asPlatformAdmin(), committee, "91110000802100433b", null).statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("creditCode"));
    }

    @Test
    void aUnitIsRegisteredOnce() {
        UUID committee = newCommittee("重复登记党委");
        String code = creditCode("350203");
        register(asPlatformAdmin(), committee, code, null).statusCode(201);
        register(asPlatformAdmin(), committee, code, null).statusCode(409).body("code", equalTo("UNIT_CREDIT_CODE_TAKEN"));
    }

    @Test
    void coverageByOwnBranchJointBranchOrInstructorEachNeedsItsCoverer() {
        UUID committee = newCommittee("覆盖党委");
        UUID branch = newChild(committee, "企业党支部", "BRANCH");
        UUID joint = newChild(committee, "园区联合党支部", "JOINT_BRANCH");
        String unit = register(asPlatformAdmin(), committee, creditCode("350203"), null).statusCode(201).extract().path("id");
        cover(unit, body("coverage", "OWN_BRANCH", "organizationId", branch)).statusCode(200)
                .body("coverage", equalTo("OWN_BRANCH")).body("coveringOrganizationId", equalTo(branch.toString()));
        cover(unit, body("coverage", "JOINT_BRANCH", "organizationId", branch)).statusCode(422)
                .body("code", equalTo("UNIT_COVERAGE_ORGANIZATION_TYPE"));
        cover(unit, body("coverage", "JOINT_BRANCH", "organizationId", joint)).statusCode(200);
        cover(unit, body("coverage", "OWN_BRANCH")).statusCode(422).body("code", equalTo("UNIT_COVERING_ORGANIZATION_REQUIRED"));
        cover(unit, body("coverage", "INSTRUCTOR")).statusCode(422).body("code", equalTo("UNIT_INSTRUCTOR_REQUIRED"));
        cover(unit, body("coverage", "INSTRUCTOR", "instructorName", "张指导员")).statusCode(200)
                .body("instructorName", equalTo("张指导员")).body("coveringOrganizationId", equalTo(null));
    }

    @Test
    void coverageRatesByRegionAndTheGapList() {
        UUID committee = newCommittee("覆盖率党委");
        UUID branch = newChild(committee, "覆盖率支部", "BRANCH");
        String covered = register(asPlatformAdmin(), committee, creditCode("350203"), null).extract().path("id");
        String gap = register(asPlatformAdmin(), committee, creditCode("350203"), null).extract().path("id");
        register(asPlatformAdmin(), committee, creditCode("350205"), null).statusCode(201);
        cover(covered, body("coverage", "OWN_BRANCH", "organizationId", branch)).statusCode(200);
        as(Caller.ORG_ADMIN, committee).get("/api/v1/units/coverage-rates").then().statusCode(200)
                .body("items.regionCode", contains("350203", "350205"))
                .body("items.units", contains(2, 1))
                .body("items.covered", contains(1, 0))
                .body("items.rate", contains(0.5f, 0.0f));
        as(Caller.ORG_ADMIN, committee).queryParam("digits", 4).get("/api/v1/units/coverage-rates").then()
                .body("items.regionCode", contains("3502")).body("items.rate", contains(0.3333f));
        as(Caller.ORG_ADMIN, committee).queryParam("region", "350203").get("/api/v1/units/gaps").then().statusCode(200)
                .body("items.id", contains(gap));
    }

    @Test
    void unitsNeedATokenARoleAndScope() {
        UUID mine = newCommittee("单位权限党委");
        UUID sibling = newCommittee("单位兄弟党委");
        String theirs = register(asPlatformAdmin(), sibling, creditCode("350203"), null).extract().path("id");
        given().get("/api/v1/units/" + theirs).then().statusCode(401);
        as(Caller.MEMBER, mine).get("/api/v1/units/gaps").then().statusCode(403);
        as(Caller.ORG_ADMIN, mine).get("/api/v1/units/" + theirs).then().statusCode(404).body("code", equalTo("UNIT_NOT_FOUND"));
        as(Caller.ORG_ADMIN, mine).body(body("coverage", "NONE")).post("/api/v1/units/" + theirs + "/coverage")
                .then().statusCode(404);
        register(as(Caller.ORG_ADMIN, mine), sibling, creditCode("350203"), null).statusCode(422)
                .body("code", equalTo("ORGANIZATION_PARENT_NOT_FOUND"));
        as(Caller.ORG_ADMIN, mine).get("/api/v1/units/gaps").then().statusCode(200).body("items", equalTo(List.of()));
    }

    @Test
    void aUnitsCoverageHistoryShowsEachChangeWithWhoAndWhy() {
        UUID committee = newCommittee("覆盖历史党委");
        UUID branch = newChild(committee, "覆盖历史支部", "BRANCH");
        String unit = register(as(Caller.ORG_ADMIN, committee), committee, creditCode("350203"), null).statusCode(201)
                .extract().path("id");
        cover(unit, body("coverage", "INSTRUCTOR", "instructorName", "王指导员", "reason", "选派党建指导员")).statusCode(200);
        cover(unit, body("coverage", "OWN_BRANCH", "organizationId", branch, "reason", "企业单独建立党支部")).statusCode(200);
        as(Caller.AUDITOR, committee).get("/api/v1/units/" + unit + "/history").then().statusCode(200)
                .body("items.action", contains("UNIT_REGISTERED", "UNIT_COVERAGE_CHANGED", "UNIT_COVERAGE_CHANGED"))
                .body("items[0].actor", equalTo("test-org-admin"))
                .body("items[0].after.coverage", equalTo("NONE"))
                .body("items[1].after.coverage", equalTo("INSTRUCTOR"))
                .body("items[1].after.instructorName", equalTo("王指导员"))
                .body("items[2].before.coverage", equalTo("INSTRUCTOR"))
                .body("items[2].after.coverage", equalTo("OWN_BRANCH"))
                .body("items[2].after.coveringOrganizationId", equalTo(branch.toString()))
                .body("items[2].after.reason", equalTo("企业单独建立党支部"))
                .body("items[2].actor", equalTo("test-platform-admin"));
        UUID other = newCommittee("覆盖历史他级党委");
        as(Caller.ORG_ADMIN, other).get("/api/v1/units/" + unit + "/history").then().statusCode(404)
                .body("code", equalTo("UNIT_NOT_FOUND"));
        as(Caller.INTEGRATION, committee).get("/api/v1/units/" + unit + "/history").then().statusCode(403);
        given().get("/api/v1/units/" + unit + "/history").then().statusCode(401);
    }

    private static ValidatableResponse register(io.restassured.specification.RequestSpecification as, UUID organization,
            String code, String region) {
        Map<String, Object> body = body("organizationId", organization, "name", "某某科技有限公司" + code.substring(10),
                "creditCode", code, "kind", "NON_PUBLIC_ENTERPRISE", "employees", 120, "partyMembers", 2);
        if (region != null) {
            body.put("regionCode", region);
        }
        return as.body(body).post("/api/v1/units").then();
    }

    private static ValidatableResponse cover(String unit, Map<String, Object> body) {
        return asPlatformAdmin().body(body).post("/api/v1/units/" + unit + "/coverage").then();
    }

    /** A fictitious but valid code registered in {@code region}. */
    static String creditCode(String region) {
        StringBuilder code = new StringBuilder("91").append(region);
        for (int i = 0; i < 9; i++) {
            code.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(31)));
        }
        for (char check : ALPHABET.toCharArray()) {
            if (CreditCode.isValid(code.toString() + check)) {
                return code.toString() + check;
            }
        }
        throw new IllegalStateException("no check character for " + code);
    }
}
