package org.dangjian.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The four services together on one real stack, started by the same code as the run command. */
class SystemEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalSystem system;
    private static String token;

    @BeforeAll
    static void startTheSystem() {
        system = LocalSystem.start(LocalSystem.root(), Path.of("target", "e2e"), LocalSystem.PortPlan.free(), false);
        token = system.adminToken();
        System.out.printf("[e2e] stack started in %d ms, services ready %d ms later%n", system.stackMillis(), system.servicesMillis());
    }

    @AfterAll
    static void stoppingLeavesNoChildProcessRunning() {
        system.close();
        List<String> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
        assertEquals(List.of(), left);
    }

    @Test
    void everyServiceIsReady() throws Exception {
        for (DangjianService service : DangjianService.values()) {
            HttpResponse<String> ready = get(system.baseUrl(service) + "/q/health/ready", false);
            assertEquals(200, ready.statusCode(), service + " " + ready.body());
            assertEquals("UP", JSON.readTree(ready.body()).get("status").asText());
        }
    }

    @Test
    void anEstablishedOrganizationReachesTheTreeCopyOfEveryOtherService() throws Exception {
        for (int round = 1; round <= 3; round++) {
            establishAndAwaitCopies(round);
        }
    }

    private void establishAndAwaitCopies(int round) throws Exception {
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(
                        URI.create(system.baseUrl(DangjianService.ORGANIZATION) + "/api/v1/organizations"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"端到端测试党委\",\"type\":\"COMMITTEE\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        UUID id = UUID.fromString(JSON.readTree(created.body()).get("id").asText());
        long begin = System.nanoTime();

        for (DangjianService consumer : List.of(DangjianService.MEMBER, DangjianService.ACTIVITY, DangjianService.ASSISTANCE)) {
            JsonNode copy = awaitCopy(consumer, id);
            assertEquals("端到端测试党委", copy.get("name").asText());
            assertEquals("/" + id + "/", copy.get("path").asText());
            System.out.printf("[e2e] round %d: %s had the copy %d ms after the 201%n", round, consumer.module(),
                    Duration.ofNanos(System.nanoTime() - begin).toMillis());
        }
    }

    private static JsonNode awaitCopy(DangjianService service, UUID id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get(system.baseUrl(service) + "/api/v1/organization-tree/" + id, true);
            if (response.statusCode() == 200) {
                return JSON.readTree(response.body());
            }
            assertTrue(response.statusCode() == 404, response.body());
            Thread.sleep(50);
        }
        throw new AssertionError(service + " never received organization " + id);
    }

    private static HttpResponse<String> get(String url, boolean authenticated) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
        if (authenticated) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
