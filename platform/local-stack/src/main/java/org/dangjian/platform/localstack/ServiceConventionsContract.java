package org.dangjian.platform.localstack;

import io.restassured.http.ContentType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.CDI;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * What every service promises operations staff and callers alike (ARCHITECTURE.md §4–6). A
 * service's test extends it as a {@code @QuarkusTest} and names one of its protected endpoints.
 */
public abstract class ServiceConventionsContract {

    /** A GET endpoint of this service that requires a token, e.g. {@code /api/v1/organization-tree/{id}}. */
    protected abstract String protectedPath();

    @Test
    void readinessIsUpWithDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Database connections health check"))
                .body(containsString("SmallRye Reactive Messaging"));
    }

    /**
     * A phone retrying after a timeout must be able to send any write again with its Idempotency-Key: every
     * resource method that changes state is intercepted by the platform's idempotency (annotation
     * {@code org.dangjian.platform.api.idempotency.Idempotent} on the method or its class).
     */
    @Test
    void everyStateChangingOperationHonoursAnIdempotencyKey() {
        List<String> unprotected = new ArrayList<>();
        for (Bean<?> bean : CDI.current().getBeanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> resource = bean.getBeanClass();
            if (!hasAnnotation(resource.getAnnotations(), "jakarta.ws.rs.Path")
                    || !resource.getName().startsWith("org.dangjian.")) {
                continue;
            }
            boolean classIsIdempotent = hasAnnotation(resource.getAnnotations(), IDEMPOTENT);
            for (Method method : resource.getDeclaredMethods()) {
                boolean writes = STATE_CHANGING.stream().anyMatch(verb -> hasAnnotation(method.getAnnotations(), verb));
                if (writes && !classIsIdempotent && !hasAnnotation(method.getAnnotations(), IDEMPOTENT)) {
                    unprotected.add(resource.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertEquals(List.of(), unprotected, "writes that ignore Idempotency-Key");
    }

    private static final String IDEMPOTENT = "org.dangjian.platform.api.idempotency.Idempotent";
    private static final List<String> STATE_CHANGING = List.of("jakarta.ws.rs.POST", "jakarta.ws.rs.PUT",
            "jakarta.ws.rs.PATCH", "jakarta.ws.rs.DELETE");

    private static boolean hasAnnotation(Annotation[] annotations, String type) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getName().equals(type)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void livenessIsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiDocumentDescribesTheApi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/"));
    }

    @Test
    void prometheusMetricsAreExposedWithoutAToken() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void apiRefusesAnExpiredTokenWith401Problem() {
        given().auth().oauth2(Tokens.expired(LocalStack.shared().oidc())).accept(ContentType.JSON).get(protectedPath())
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void aTokenAcceptedBeforeIsRefusedOnceItsSignatureIsAltered() {
        String token = Tokens.issue("platform-admin", null);
        given().auth().oauth2(token).accept(ContentType.JSON).get(protectedPath()).then().statusCode(not(401));
        given().auth().oauth2(token).accept(ContentType.JSON).get(protectedPath()).then().statusCode(not(401));

        // Verified tokens are remembered (VerifiedBearerTokens): an altered copy must not match them.
        int inSignature = token.lastIndexOf('.') + 10;
        char altered = token.charAt(inSignature) == 'A' ? 'B' : 'A';
        String forged = token.substring(0, inSignature) + altered + token.substring(inSignature + 1);
        given().auth().oauth2(forged).accept(ContentType.JSON).get(protectedPath())
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void apiRefusesARequestWithoutATokenWith401Problem() {
        given().accept(ContentType.JSON).get(protectedPath()).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("code", equalTo("UNAUTHENTICATED"));
    }
}
