package org.dangjian.organization;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class PlatformEndpointsTest {

    @Test
    void readinessIsUpWithDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Database connections health check"))
                .body(containsString("SmallRye Reactive Messaging"));
    }

    @Test
    void openApiDocumentDescribesTheOrganizationsApi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/organizations"));
    }

    @Test
    void prometheusMetricsAreExposedWithoutAToken() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server"));
    }
}
