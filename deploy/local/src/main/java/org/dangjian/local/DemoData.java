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
import java.util.Random;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Demo data, loaded through the public API as any client would, deterministically (seeded random):
 * a city committee with a district, a township committee with 22 village branches (seed 004's
 * 西城镇), a street working committee with community branches (seed 001), an organs' working
 * committee (seed 002), a joint branch of non-public enterprises, a branch of mobile members away
 * from home and a returned-graduates branch (seed 000); members in every branch with fictitious
 * valid ID numbers, one transfer in flight, next month's themed Party day planned everywhere, and a
 * township fund with a budget and one hardship case applied for.
 */
final class DemoData {

    record Organization(String name, String type, UUID id) {
    }

    record Summary(List<Organization> organizations, int members) {

        UUID idOf(String name) {
            return organizations.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow().id();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Seed 004's 西城镇 has 22 villages. */
    private static final List<String> VILLAGES = List.of("西城", "东湖", "南山", "北岭", "上林", "下洋", "石门", "溪头",
            "后坑", "前埔", "林边", "新圩", "田中", "坂头", "岭下", "洪塘", "渡头", "埔尾", "竹坝", "高山", "龙门", "湖里");
    private static final String[] SURNAMES = {"林", "陈", "黄", "张", "李", "王", "吴", "刘", "蔡", "杨", "郑", "许", "洪", "曾", "苏"};
    private static final String[] GIVEN = {"志", "强", "秀", "英", "建", "国", "美", "玲", "文", "华", "明", "丽", "海", "燕",
            "春", "梅", "金", "水", "荣", "福"};

    private final LocalSystem system;
    private final String token;
    private final int membersPerBranch;
    /** Seeded: the same demo data on every run. */
    private final Random random = new Random(20261123L);
    private final List<Organization> created = new ArrayList<>();

    DemoData(LocalSystem system, int membersPerBranch) {
        this.system = system;
        this.token = system.adminToken();
        this.membersPerBranch = membersPerBranch;
    }

    Summary load() {
        UUID city = establish("厦门市委", "COMMITTEE", null, null);
        UUID district = establish("思明区委", "COMMITTEE", null, city);
        UUID township = establish("西城镇党委", "COMMITTEE", "VILLAGE", district);
        List<UUID> branches = new ArrayList<>();
        for (String village : VILLAGES) {
            branches.add(establish(village + "村党支部", "BRANCH", "VILLAGE", township));
        }
        UUID street = establish("中华街道党工委", "WORKING_COMMITTEE", "COMMUNITY", district);
        branches.add(establish("百家村社区党支部", "BRANCH", "COMMUNITY", street));
        branches.add(establish("镇海社区党支部", "BRANCH", "COMMUNITY", street));
        UUID organs = establish("区直机关工委", "WORKING_COMMITTEE", "GOVERNMENT_ORGAN", district);
        branches.add(establish("区委组织部机关党支部", "BRANCH", "GOVERNMENT_ORGAN", organs));
        branches.add(establish("软件园非公企业联合党支部", "JOINT_BRANCH", "NON_PUBLIC_ENTERPRISE", district));
        branches.add(establish("驻厦流动党员党支部", "BRANCH", "MOBILE", city));
        branches.add(establish("回乡大学生党支部", "BRANCH", "RETURNED_GRADUATES", township));
        awaitCopied(DangjianService.MEMBER, branches.get(branches.size() - 1));
        awaitCopied(DangjianService.ACTIVITY, branches.get(branches.size() - 1));
        awaitCopied(DangjianService.ASSISTANCE, branches.get(branches.size() - 1));

        List<UUID> members = new ArrayList<>();
        for (UUID branch : branches) {
            for (int i = 0; i < membersPerBranch; i++) {
                members.add(registerMember(branch));
            }
        }
        // One transfer in flight (组织关系转接): issued by 西城村, not yet answered by 东湖村.
        post(DangjianService.MEMBER, "/api/v1/transfers", JSON.createObjectNode()
                .put("memberId", members.get(0).toString()).put("toOrgId", branches.get(1).toString())
                .put("note", "工作调动"), 201);

        OffsetDateTime nextMonth = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusMonths(1).withDayOfMonth(1)
                .withHour(14).withMinute(30).withSecond(0).withNano(0);
        for (UUID branch : branches) {
            post(DangjianService.ACTIVITY, "/api/v1/activities", JSON.createObjectNode().put("orgId", branch.toString())
                    .put("type", "THEMED_PARTY_DAY").put("topic", "主题党日：学习贯彻党的创新理论")
                    .put("plannedStart", nextMonth.toString()).put("place", "党员活动室"), 201);
        }

        UUID fund = id(post(DangjianService.ASSISTANCE, "/api/v1/funds", JSON.createObjectNode()
                .put("orgId", township.toString()).put("kind", "RETAINED_DUES").put("name", "西城镇党费留存帮扶资金"), 201));
        put(DangjianService.ASSISTANCE, "/api/v1/funds/" + fund + "/budgets/" + LocalDate.now(ZoneOffset.ofHours(8)).getYear(),
                JSON.createObjectNode().put("amount", "50000.00"));
        ObjectNode beneficiary = JSON.createObjectNode().put("kind", "MEMBER").put("orgId", branches.get(2).toString())
                .put("memberId", members.get(2 * membersPerBranch).toString()).put("name", "困难党员")
                .put("householdSize", 3).put("hardshipDetails", "因病致困，需长期服药");
        beneficiary.putArray("categories").add("ILLNESS");
        UUID beneficiaryId = id(post(DangjianService.ASSISTANCE, "/api/v1/beneficiaries", beneficiary, 201));
        post(DangjianService.ASSISTANCE, "/api/v1/cases", JSON.createObjectNode().put("beneficiaryId", beneficiaryId.toString())
                .put("category", "ILLNESS").put("requestedAmount", "1500.00").put("description", "申请大病帮扶"), 201);
        return new Summary(List.copyOf(created), members.size());
    }

    private UUID registerMember(UUID branch) {
        String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
        LocalDate birth = LocalDate.of(1955 + random.nextInt(45), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String first17 = "350203" + birth.toString().replace("-", "") + "%03d".formatted(random.nextInt(1000));
        int applied = Math.max(birth.getYear() + 19, 2000) + random.nextInt(5);
        ObjectNode member = JSON.createObjectNode().put("name", name)
                .put("gender", random.nextBoolean() ? "MALE" : "FEMALE").put("ethnicity", "01")
                .put("nationalId", first17 + checkCharacter(first17))
                .put("phone", "139" + "%08d".formatted(random.nextInt(100_000_000)))
                .put("category", random.nextInt(4) == 0 ? "RETIRED" : "EMPLOYED")
                .put("orgId", branch.toString()).put("stage", "FULL")
                .put("appliedOn", applied + "-03-01").put("activistOn", applied + "-06-01")
                .put("candidateOn", (applied + 1) + "-09-01").put("admittedOn", (applied + 2) + "-07-01")
                .put("fullOn", (applied + 3) + "-07-01");
        return id(post(DangjianService.MEMBER, "/api/v1/members", member, 201));
    }

    /** GB 11643 check character (ISO 7064 MOD 11-2), so the fictitious numbers pass validation. */
    private static char checkCharacter(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    private UUID establish(String name, String type, String sector, UUID parent) {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("type", type);
        if (sector != null) {
            body.put("sector", sector);
        }
        if (parent != null) {
            body.put("parentId", parent.toString());
        }
        UUID id = id(post(DangjianService.ORGANIZATION, "/api/v1/organizations", body, 201));
        created.add(new Organization(name, type, id));
        return id;
    }

    private void awaitCopied(DangjianService service, UUID id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                send(HttpRequest.newBuilder(URI.create(system.baseUrl(service) + "/api/v1/organization-tree/" + id)).GET(), 200);
                return;
            } catch (IllegalStateException notYet) {
                sleep();
            }
        }
        throw new IllegalStateException("demo organizations did not reach " + service.module() + " within 60 s");
    }

    private JsonNode post(DangjianService service, String path, ObjectNode body, int expected) {
        return send(HttpRequest.newBuilder(URI.create(system.baseUrl(service) + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), expected);
    }

    private void put(DangjianService service, String path, ObjectNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.baseUrl(service) + path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body.toString()));
        try {
            int status = HTTP.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                throw new IllegalStateException("PUT " + path + " answered " + status);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static UUID id(JsonNode response) {
        return UUID.fromString(response.get("id").asText());
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
