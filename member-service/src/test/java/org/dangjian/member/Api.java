package org.dangjian.member;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.localstack.Tokens;

import java.time.LocalDate;
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

    public static RequestSpecification asMember(UUID memberId) {
        return given().auth().oauth2(Tokens.issue(Caller.MEMBER, null, memberId)).contentType(ContentType.JSON);
    }

    public static RequestSpecification asPlatformAdmin() {
        return as(Caller.PLATFORM_ADMIN, null);
    }

    /** A full member born in 1980 with a fresh ID and phone. */
    public static Map<String, Object> fullMember(UUID branch) {
        return fullMember(branch, TestIds.nationalId(), TestIds.phone());
    }

    public static Map<String, Object> fullMember(UUID branch, String nationalId, String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "林志强");
        body.put("gender", "MALE");
        body.put("ethnicity", "01");
        body.put("nationalId", nationalId);
        body.put("phone", phone);
        body.put("education", "BACHELOR");
        body.put("category", "EMPLOYED");
        body.put("workUnit", "厦门某科技有限公司");
        body.put("orgId", branch.toString());
        body.put("stage", "FULL");
        body.put("appliedOn", "2005-03-01");
        body.put("activistOn", "2005-09-01");
        body.put("candidateOn", "2006-10-01");
        body.put("admittedOn", "2007-01-10");
        body.put("fullOn", "2008-01-10");
        return body;
    }

    /** An applicant who applied on {@code appliedOn}. */
    public static Map<String, Object> applicant(UUID branch, String nationalId, LocalDate appliedOn) {
        Map<String, Object> body = fullMember(branch, nationalId, TestIds.phone());
        body.put("stage", "APPLICANT");
        body.put("appliedOn", appliedOn.toString());
        body.remove("activistOn");
        body.remove("candidateOn");
        body.remove("admittedOn");
        body.remove("fullOn");
        return body;
    }

    public static ValidatableResponse register(RequestSpecification as, Map<String, Object> body) {
        return as.body(body).when().post("/api/v1/members").then();
    }

    public static UUID registered(UUID branch) {
        return registered(fullMember(branch));
    }

    public static UUID registered(Map<String, Object> body) {
        return UUID.fromString(register(asPlatformAdmin(), body).statusCode(201).extract().path("id"));
    }

    public static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return copy;
    }
}
