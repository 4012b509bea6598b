package org.dangjian.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A little demo data, loaded through the public API as any client would: a city committee with a
 * district, a township committee with village branches (seed 004's 西城镇), a street working
 * committee with community branches (seed 001), an organs' working committee (seed 002), a joint
 * branch of non-public enterprises and a branch of mobile members away from home (seed 000).
 */
final class DemoData {

    record Organization(String name, String type, UUID id) {
    }

    record Summary(List<Organization> organizations) {

        UUID idOf(String name) {
            return organizations.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow().id();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LocalSystem system;
    private final String token;
    private final List<Organization> created = new ArrayList<>();

    DemoData(LocalSystem system) {
        this.system = system;
        this.token = system.adminToken();
    }

    Summary load() {
        UUID city = establish("厦门市委", "COMMITTEE", null, null);
        UUID district = establish("思明区委", "COMMITTEE", null, city);
        UUID township = establish("西城镇党委", "COMMITTEE", "VILLAGE", district);
        for (String village : List.of("西城村党支部", "东湖村党支部", "南山村党支部")) {
            establish(village, "BRANCH", "VILLAGE", township);
        }
        UUID street = establish("中华街道党工委", "WORKING_COMMITTEE", "COMMUNITY", district);
        establish("百家村社区党支部", "BRANCH", "COMMUNITY", street);
        establish("镇海社区党支部", "BRANCH", "COMMUNITY", street);
        UUID organs = establish("区直机关工委", "WORKING_COMMITTEE", "GOVERNMENT_ORGAN", district);
        establish("区委组织部机关党支部", "BRANCH", "GOVERNMENT_ORGAN", organs);
        establish("软件园非公企业联合党支部", "JOINT_BRANCH", "NON_PUBLIC_ENTERPRISE", district);
        establish("驻厦流动党员党支部", "BRANCH", "MOBILE", city);
        awaitCopiedToMemberService(created.get(created.size() - 1).id());
        return new Summary(List.copyOf(created));
    }

    private UUID establish(String name, String type, String sector, UUID parent) {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("type", type);
        if (sector != null) {
            body.put("sector", sector);
        }
        if (parent != null) {
            body.put("parentId", parent.toString());
        }
        JsonNode response = send(HttpRequest.newBuilder(URI.create(system.baseUrl(DangjianService.ORGANIZATION) + "/api/v1/organizations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), 201);
        UUID id = UUID.fromString(response.get("id").asText());
        created.add(new Organization(name, type, id));
        return id;
    }

    private void awaitCopiedToMemberService(UUID id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                send(HttpRequest.newBuilder(URI.create(system.baseUrl(DangjianService.MEMBER) + "/api/v1/organization-tree/" + id)).GET(), 200);
                return;
            } catch (IllegalStateException notYet) {
                sleep();
            }
        }
        throw new IllegalStateException("demo organizations did not reach member-service within 60 s");
    }

    private JsonNode send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(request.header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
