package org.dangjian.organization;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.localstack.Tokens;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Test fixtures speaking to the API the way a client does, with real tokens. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String role, UUID orgId) {
        return given().auth().oauth2(Tokens.issue(role, orgId)).contentType(ContentType.JSON);
    }

    public static RequestSpecification asPlatformAdmin() {
        return as(Caller.PLATFORM_ADMIN, null);
    }

    public static Map<String, Object> organization(String name, String type, UUID parentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("type", type);
        body.put("parentId", parentId == null ? null : parentId.toString());
        return body;
    }

    public static ValidatableResponse establish(RequestSpecification as, Map<String, Object> body) {
        return as.body(body).when().post("/api/v1/organizations").then();
    }

    /** A fresh root committee, so each test owns its subtree. */
    public static UUID newCommittee(String name) {
        return UUID.fromString(establish(asPlatformAdmin(), organization(name, "COMMITTEE", null))
                .statusCode(201).extract().path("id"));
    }

    public static UUID newChild(UUID parent, String name, String type) {
        return UUID.fromString(establish(asPlatformAdmin(), organization(name, type, parent))
                .statusCode(201).extract().path("id"));
    }
}
