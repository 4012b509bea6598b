package org.dangjian.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/** A small JSON-over-HTTP client for the end-to-end tests, speaking to a service as an API caller does. */
final class Client {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final LocalSystem system;
    private final String token;

    Client(LocalSystem system, String token) {
        this.system = system;
        this.token = token;
    }

    JsonNode post(DangjianService service, String path, String body, int expectedStatus) {
        return send(service, HttpRequest.newBuilder(uri(service, path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), expectedStatus);
    }

    JsonNode put(DangjianService service, String path, String body, int expectedStatus) {
        return send(service, HttpRequest.newBuilder(uri(service, path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)), expectedStatus);
    }

    /**
     * A POST that names a record of another service, retried while this service has not yet heard of it (a 422
     * that turns into the expected answer once the events have arrived): read-your-writes across services.
     */
    JsonNode postWhenAccepted(DangjianService service, String path, String body, int expectedStatus) {
        return Awaitility.await(service.module() + path + " accepted").atMost(Duration.ofSeconds(30))
                .ignoreExceptionsMatching(refused -> refused instanceof AssertionError
                        && String.valueOf(refused.getMessage()).contains(" 422:"))
                .until(() -> Optional.ofNullable(post(service, path, body, expectedStatus)), answer -> true)
                .orElse(null);
    }

    JsonNode get(DangjianService service, String path) {
        return send(service, HttpRequest.newBuilder(uri(service, path)).GET(), 200);
    }

    HttpResponse<String> rawPost(DangjianService service, String path, String body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(service, path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(15))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> raw(DangjianService service, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(service, path)).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls a GET until the body satisfies the condition (events take a moment to arrive). */
    JsonNode await(DangjianService service, String path, Predicate<JsonNode> condition) {
        AtomicReference<JsonNode> met = new AtomicReference<>();
        Awaitility.await(service.module() + path).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> response = raw(service, path);
            if (response.statusCode() != 200) {
                throw new AssertionError("answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode answer = read(response.body());
            if (!condition.test(answer)) {
                throw new AssertionError("condition not met; last answer: " + answer);
            }
            met.set(answer);
        });
        return met.get();
    }

    private JsonNode send(DangjianService service, HttpRequest.Builder request, int expectedStatus) {
        try {
            HttpResponse<String> response = HTTP.send(request.header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new AssertionError(service.module() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? null : read(response.body());
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private URI uri(DangjianService service, String path) {
        return URI.create(system.baseUrl(service) + path);
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
