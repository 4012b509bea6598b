package org.dangjian.assistance;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.localstack.Tokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Test fixtures speaking to the API the way a client does, with real tokens; amounts read as BigDecimal. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification anonymous() {
        return given().config(RestAssured.config().jsonConfig(
                        JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification as(String role, UUID orgId) {
        return withToken(Tokens.issue(role, orgId));
    }

    public static RequestSpecification as(String role, UUID orgId, UUID memberId) {
        return withToken(Tokens.issue(role, orgId, memberId));
    }

    public static RequestSpecification withToken(String token) {
        return anonymous().auth().oauth2(token);
    }

    public static RequestSpecification asPlatformAdmin() {
        return as(Caller.PLATFORM_ADMIN, null);
    }
}
