package org.dangjian.organization;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.localstack.LocalStack;
import org.dangjian.platform.localstack.Tokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.dangjian.organization.Api.asPlatformAdmin;
import static org.dangjian.organization.Api.organization;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Request hardening shared by every service (platform/api-support), proven here once. */
@QuarkusTest
class HardeningTest {

    /** Has an allowance of 3 writes a minute in this service's test configuration. */
    private static final String THROTTLED_CLIENT = "test-rate-limited";

    @Inject
    EntityManager em;

    @Test
    void apiResponsesCarryTheSecurityHeaders() {
        asPlatformAdmin().get("/api/v1/organizations?q=安全").then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Strict-Transport-Security", startsWith("max-age="))
                .header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'"))
                .header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void crossOriginRequestsGetNoCorsPermission() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/organizations").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void writesBeyondTheCallersAllowanceAreRefusedWith429AndChangeNothing() {
        String token = Tokens.issue(LocalStack.shared().oidc(), THROTTLED_CLIENT, Caller.PLATFORM_ADMIN, null, null);
        String prefix = "限流党委-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(organization(prefix + "-" + i, "COMMITTEE", null))
                    .post("/api/v1/organizations").then().statusCode(201)
                    .header("RateLimit-Policy", equalTo("\"writes\";q=3;w=60"))
                    .header("RateLimit", org.hamcrest.Matchers.matchesPattern("\"writes\";r=" + (2 - i) + ";t=\\d+"));
        }
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(organization(prefix + "-over", "COMMITTEE", null))
                .post("/api/v1/organizations").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", Integer::parseInt, org.hamcrest.Matchers.greaterThan(0))
                .header("RateLimit", org.hamcrest.Matchers.matchesPattern("\"writes\";r=0;t=[1-9]\\d*"))
                .body("code", equalTo("RATE_LIMITED"))
                .body("title", equalTo("Too many requests"));
        assertEquals(0L, organizationsNamed(prefix + "-over"));

        // Reads are not limited, and other callers keep their own allowance.
        given().auth().oauth2(token).get("/api/v1/organizations?q=" + prefix).then().statusCode(200);
        Api.newCommittee(prefix + "-other-caller");
    }

    @Test
    void integrationServiceAccountsMakeNoSingleWritesEvenWhereAnEndpointAdmitsThem() {
        String integration = Tokens.issue(Caller.INTEGRATION, null);
        given().auth().oauth2(integration).post("/api/v1/test-probes/single-write").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(integration).post("/api/v1/test-probes/bulk-write").then().statusCode(200);
        given().auth().oauth2(Tokens.issue(Caller.PLATFORM_ADMIN, null)).post("/api/v1/test-probes/single-write")
                .then().statusCode(200);
    }

    private long organizationsNamed(String name) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from organization where name = ?1").setParameter(1, name).getSingleResult()).longValue());
    }
}
