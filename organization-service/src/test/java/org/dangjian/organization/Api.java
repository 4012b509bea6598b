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

    /** A root committee established on a past day, so the tree has a history to read as of. */
    public static UUID newCommitteeSince(String name, java.time.LocalDate establishedOn) {
        Map<String, Object> body = organization(name, "COMMITTEE", null);
        body.put("establishedOn", establishedOn.toString());
        return UUID.fromString(establish(asPlatformAdmin(), body).statusCode(201).extract().path("id"));
    }

    public static UUID newChildSince(UUID parent, String name, String type, java.time.LocalDate establishedOn) {
        Map<String, Object> body = organization(name, type, parent);
        body.put("establishedOn", establishedOn.toString());
        return UUID.fromString(establish(asPlatformAdmin(), body).statusCode(201).extract().path("id"));
    }

    /** POST /organizations/{id}/{command} (rename, move, dissolve, merge, split). */
    public static ValidatableResponse command(RequestSpecification as, UUID id, String command, Map<String, Object> body) {
        return as.body(body).when().post("/api/v1/organizations/" + id + "/" + command).then();
    }

    public static ValidatableResponse command(UUID id, String command, Map<String, Object> body) {
        return command(asPlatformAdmin(), id, command, body);
    }

    public static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            body.put((String) keyValues[i], value instanceof UUID || value instanceof java.time.LocalDate ? value.toString() : value);
        }
        return body;
    }

    public static ValidatableResponse read(UUID id) {
        return asPlatformAdmin().get("/api/v1/organizations/" + id).then().statusCode(200);
    }

    public static UUID newChild(UUID parent, String name, String type) {
        return UUID.fromString(establish(asPlatformAdmin(), organization(name, type, parent))
                .statusCode(201).extract().path("id"));
    }
}
