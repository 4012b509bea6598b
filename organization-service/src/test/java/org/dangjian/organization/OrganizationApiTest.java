package org.dangjian.organization;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.dangjian.organization.Api.as;
import static org.dangjian.organization.Api.asPlatformAdmin;
import static org.dangjian.organization.Api.establish;
import static org.dangjian.organization.Api.organization;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class OrganizationApiTest {

    @Inject
    EntityManager em;

    @Test
    void platformAdminEstablishesARootCommittee() {
        var created = establish(asPlatformAdmin(), organization("厦门市委组织部直属党委", "COMMITTEE", null))
                .statusCode(201);
        String id = created.extract().path("id");
        created.header("Location", endsWith("/api/v1/organizations/" + id))
                .body("name", equalTo("厦门市委组织部直属党委"))
                .body("type", equalTo("COMMITTEE"))
                .body("status", equalTo("ACTIVE"))
                .body("code", startsWith("D"));
        asPlatformAdmin().get("/api/v1/organizations/" + id).then().statusCode(200)
                .body("path", equalTo("/" + id + "/"));
    }

    @Test
    void orgAdminEstablishesABranchInsideTheirSubtree() {
        UUID committee = Api.newCommittee("西城镇党委");
        String id = establish(as(Caller.ORG_ADMIN, committee), organization("西城镇第一村党支部", "BRANCH", committee))
                .statusCode(201)
                .body("parentId", equalTo(committee.toString()))
                .extract().path("id");
        asPlatformAdmin().get("/api/v1/organizations/" + id).then().statusCode(200)
                .body("path", equalTo("/" + committee + "/" + id + "/"));
    }

    @Test
    void requestWithoutTokenIsRefusedWith401Problem() {
        given().contentType(ContentType.JSON).body(organization("无令牌", "COMMITTEE", null))
                .when().post("/api/v1/organizations")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("code", equalTo("UNAUTHENTICATED"))
                .body("status", equalTo(401));
    }

    @Test
    void forgedTokenIsRefusedWith401Problem() {
        given().auth().oauth2("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.").contentType(ContentType.JSON)
                .get("/api/v1/organizations/" + UUID.randomUUID())
                .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void memberRoleCannotEstablishOrganizations() {
        UUID committee = Api.newCommittee("角色测试党委");
        establish(as(Caller.MEMBER, committee), organization("越权支部", "BRANCH", committee))
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void invalidBodyIsRefusedWithFieldErrorsInChineseByDefault() {
        establish(asPlatformAdmin(), Map.of("name", " "))
                .statusCode(400)
                .contentType("application/problem+json")
                .header("Content-Language", "zh-CN")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("title", equalTo("请求参数校验失败"))
                .body("type", equalTo("urn:dangjian:problem:VALIDATION_FAILED"))
                .body("instance", equalTo("/api/v1/organizations"))
                .body("errors.field", containsInAnyOrder("name", "type"))
                .body("errors.code", containsInAnyOrder("NOT_BLANK", "NOT_NULL"));
    }

    @Test
    void invalidBodyIsRefusedInEnglishWhenAsked() {
        asPlatformAdmin().header("Accept-Language", "en-US,en;q=0.9")
                .body(Map.of("name", "x".repeat(101), "type", "COMMITTEE"))
                .post("/api/v1/organizations")
                .then().statusCode(400)
                .header("Content-Language", "en")
                .body("title", equalTo("Request validation failed"))
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].code", equalTo("SIZE"));
    }

    @Test
    void unknownOrganizationTypeIsAMalformedBody() {
        establish(asPlatformAdmin(), Map.of("name", "某组织", "type", "CLUB"))
                .statusCode(400)
                .body("code", equalTo("MALFORMED_REQUEST_BODY"))
                .body("errors.field", hasItem("type"));
    }

    @Test
    void aBranchCannotHoldACommittee() {
        UUID committee = Api.newCommittee("上级党委");
        UUID branch = Api.newChild(committee, "某支部", "BRANCH");
        establish(asPlatformAdmin(), organization("错位党委", "COMMITTEE", branch))
                .statusCode(422)
                .body("code", equalTo("ORGANIZATION_PARENT_TYPE_NOT_ALLOWED"))
                .body("detail", equalTo("COMMITTEE 类型的党组织不能设在 BRANCH 类型的党组织之下。"));
    }

    @Test
    void orgAdminCannotEstablishARoot() {
        UUID committee = Api.newCommittee("管理范围党委");
        establish(as(Caller.ORG_ADMIN, committee), organization("自立党委", "COMMITTEE", null))
                .statusCode(422)
                .body("code", equalTo("ORGANIZATION_ROOT_NOT_ALLOWED"));
    }

    @Test
    void organizationOutsideTheCallersSubtreeDoesNotExistForThem() {
        UUID mine = Api.newCommittee("甲街道党工委");
        UUID sibling = Api.newCommittee("乙街道党工委");
        as(Caller.ORG_ADMIN, mine).get("/api/v1/organizations/" + sibling)
                .then().statusCode(404).body("code", equalTo("ORGANIZATION_NOT_FOUND"));
        establish(as(Caller.ORG_ADMIN, mine), organization("越界支部", "BRANCH", sibling))
                .statusCode(422).body("code", equalTo("ORGANIZATION_PARENT_NOT_FOUND"));
    }

    @Test
    void refusedRequestsChangeNothing() {
        UUID committee = Api.newCommittee("计数党委");
        long organizations = count("organization");
        long events = count("outbox_event");
        establish(asPlatformAdmin(), Map.of("name", "", "type", "BRANCH")).statusCode(400);
        Map<String, Object> duplicateCode = organization("另一个", "BRANCH", committee);
        duplicateCode.put("code", "DUP-" + committee.toString().substring(0, 8));
        establish(asPlatformAdmin(), duplicateCode).statusCode(201);
        establish(asPlatformAdmin(), duplicateCode).statusCode(409).body("code", equalTo("ORGANIZATION_CODE_TAKEN"));
        assertEquals(organizations + 1, count("organization"));
        assertEquals(events + 1, count("outbox_event"));
    }

    private long count(String table) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue());
    }
}
