package org.dangjian.member.member;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.dangjian.member.Api;
import org.dangjian.member.TestIds;
import org.dangjian.member.TestTree;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static org.dangjian.member.Api.as;
import static org.dangjian.member.Api.fullMember;
import static org.dangjian.member.Api.with;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Search by name (issue 11, B5): a prefix match in (name, id) order, paged by an opaque cursor so that a
 * prefix thousands of names share costs one page, not all of them.
 */
@QuarkusTest
class MemberNameSearchTest {

    @Test
    void matchesAreOrderedByNameThenById() {
        TestTree.Node committee = TestTree.committee();
        UUID branch = TestTree.branch(committee).id();
        UUID mei = registered(branch, "郑晓梅");
        UUID lanA = registered(branch, "郑晓兰");
        UUID lanB = registered(branch, "郑晓兰");
        UUID xiao = registered(branch, "郑晓");
        List<UUID> lans = sorted(lanA, lanB);

        JsonPath page = search(as(Caller.ORG_ADMIN, committee.id()).queryParam("name", "郑晓"));

        assertEquals(List.of(xiao, lans.get(0), lans.get(1), mei), ids(page));
        assertEquals(List.of("郑晓", "郑晓兰", "郑晓兰", "郑晓梅"), page.getList("items.name"));
    }

    @Test
    void theCursorOfAPageLeadsToTheNextWithoutOverlapOrGap() {
        TestTree.Node committee = TestTree.committee();
        UUID branch = TestTree.branch(committee).id();
        for (String name : List.of("王芳", "王芳", "王芳华", "王芳", "王芳丽", "王芳华", "王芳")) {
            registered(branch, name);
        }
        List<UUID> all = ids(search(as(Caller.ORG_ADMIN, committee.id()).queryParam("name", "王芳").queryParam("size", 200)));

        List<UUID> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = as(Caller.ORG_ADMIN, committee.id()).queryParam("name", "王芳").queryParam("size", 2);
            JsonPath page = search(cursor == null ? request : request.queryParam("cursor", cursor));
            walked.addAll(ids(page));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);

        assertEquals(7, all.size());
        assertEquals(all, walked);
        assertEquals(4, pages);
    }

    @Test
    void thePageBoundaryFallsBetweenTwoMembersOfTheSameName() {
        TestTree.Node committee = TestTree.committee();
        UUID branch = TestTree.branch(committee).id();
        List<UUID> same = sorted(registered(branch, "李静"), registered(branch, "李静"), registered(branch, "李静"));

        JsonPath first = search(as(Caller.ORG_ADMIN, committee.id()).queryParam("name", "李静").queryParam("size", 1));
        JsonPath second = search(as(Caller.ORG_ADMIN, committee.id()).queryParam("name", "李静").queryParam("size", 1)
                .queryParam("cursor", first.getString("nextCursor")));
        JsonPath third = search(as(Caller.ORG_ADMIN, committee.id()).queryParam("name", "李静").queryParam("size", 1)
                .queryParam("cursor", second.getString("nextCursor")));

        assertEquals(same, List.of(ids(first).get(0), ids(second).get(0), ids(third).get(0)));
        assertEquals(null, third.getString("nextCursor"));
    }

    @Test
    void aPrefixOfManyNamesReturnsOnlyOnePage() {
        TestTree.Node committee = TestTree.committee();
        UUID branch = TestTree.branch(committee).id();
        for (int i = 0; i < 12; i++) {
            registered(branch, "陈子" + "轩涵豪睿琪怡萱然晨宇博文".charAt(i));
        }

        as(Caller.ORG_ADMIN, committee.id()).queryParam("name", "陈子").queryParam("size", 5).get("/api/v1/members")
                .then().statusCode(200)
                .body("items", hasSize(5))
                .body("nextCursor", notNullValue());
    }

    @Test
    void aNameMatchesAsAPrefixOnly() {
        TestTree.Node committee = TestTree.committee();
        UUID branch = TestTree.branch(committee).id();
        UUID xiaoMei = registered(branch, "郑晓梅");
        registered(branch, "郑晔"); // 晔 is the code point right after 晓: the first name past the prefix
        registered(branch, "何晓梅");

        assertEquals(List.of(xiaoMei), ids(search(as(Caller.ORG_ADMIN, committee.id()).queryParam("name", "郑晓"))));
        assertEquals(List.of(), ids(search(as(Caller.ORG_ADMIN, committee.id()).queryParam("name", "晓梅"))));
    }

    @Test
    void membersOutsideTheCallersSubtreeAreOnNoPage() {
        TestTree.Node committee = TestTree.committee();
        TestTree.Node branch = TestTree.branch(committee);
        UUID mine = registered(TestTree.branch(committee).id(), "赵敏");
        UUID inBranch = registered(branch.id(), "赵敏");
        registered(TestTree.branch(TestTree.committee()).id(), "赵敏");
        registered(TestTree.branch(TestTree.committee()).id(), "赵敏");

        List<UUID> walked = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = as(Caller.ORG_ADMIN, committee.id()).queryParam("name", "赵敏").queryParam("size", 1);
            JsonPath page = search(cursor == null ? request : request.queryParam("cursor", cursor));
            walked.addAll(ids(page));
            cursor = page.getString("nextCursor");
        } while (cursor != null);

        assertEquals(sorted(mine, inBranch), walked);
        assertEquals(List.of(inBranch), ids(search(as(Caller.BRANCH_SECRETARY, branch.id()).queryParam("name", "赵敏"))));
    }

    @Test
    void aForgedCursorIsRefusedWith400() {
        as(Caller.ORG_ADMIN, TestTree.committee().id()).queryParam("name", "郑晓").queryParam("cursor", "not-a-cursor")
                .get("/api/v1/members").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_PARAMETER"));
        String noId = Base64.getUrlEncoder().encodeToString("郑晓|x".getBytes(StandardCharsets.UTF_8));
        as(Caller.ORG_ADMIN, TestTree.committee().id()).queryParam("name", "郑晓").queryParam("cursor", noId)
                .get("/api/v1/members").then().statusCode(400).body("code", equalTo("INVALID_PARAMETER"));
    }

    @Test
    void theCursorOfAnotherOrderIsRefusedWith400() {
        TestTree.Node committee = TestTree.committee();
        UUID branch = TestTree.branch(committee).id();
        registered(branch, "孙丽");
        registered(branch, "孙丽");
        String cursor = search(as(Caller.ORG_ADMIN, committee.id()).queryParam("name", "孙丽").queryParam("size", 1))
                .getString("nextCursor");

        as(Caller.ORG_ADMIN, committee.id()).queryParam("sort", "joinedOn").queryParam("cursor", cursor).get("/api/v1/members")
                .then().statusCode(400).body("code", equalTo("INVALID_PARAMETER"));
    }

    @Test
    void aSortOrSizeTheListDoesNotOfferIsRefusedWith400() {
        as(Caller.ORG_ADMIN, TestTree.committee().id()).queryParam("sort", "nationalId").get("/api/v1/members").then()
                .statusCode(400).body("code", equalTo("INVALID_PARAMETER"));
        as(Caller.ORG_ADMIN, TestTree.committee().id()).queryParam("size", 201).get("/api/v1/members").then()
                .statusCode(400).body("code", equalTo("INVALID_PARAMETER"));
    }

    @Test
    void aSearchWithoutANamePagesByCursorInNameOrder() {
        TestTree.Node committee = TestTree.committee();
        UUID branch = TestTree.branch(committee).id();
        String nationalId = TestIds.nationalId();
        UUID found = Api.registered(with(fullMember(branch, nationalId, TestIds.phone()), "name", "钱伟"));
        UUID wu = registered(branch, "吴伟");
        UUID qian = registered(branch, "钱伟");

        as(Caller.ORG_ADMIN, committee.id()).queryParam("nationalId", nationalId).get("/api/v1/members").then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(found.toString()))
                .body("nextCursor", nullValue());
        List<UUID> walked = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = as(Caller.ORG_ADMIN, committee.id()).queryParam("stage", "FULL").queryParam("size", 1);
            JsonPath page = search(cursor == null ? request : request.queryParam("cursor", cursor));
            walked.addAll(ids(page));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        // 吴 (U+5434) before 钱 (U+94B1) in byte order; the two 钱伟 by id.
        assertEquals(List.of(wu, sorted(found, qian).get(0), sorted(found, qian).get(1)), walked);
    }

    @Test
    void membersSortByTheirDateOfAdmission() {
        TestTree.Node committee = TestTree.committee();
        UUID branch = TestTree.branch(committee).id();
        UUID later = Api.registered(with(with(fullMember(branch), "admittedOn", "2010-01-10"), "fullOn", "2011-01-10"));
        UUID earlier = Api.registered(fullMember(branch));
        assertEquals(List.of(earlier, later), ids(search(as(Caller.ORG_ADMIN, committee.id()).queryParam("sort", "joinedOn"))));
        assertEquals(List.of(later, earlier), ids(search(as(Caller.ORG_ADMIN, committee.id()).queryParam("sort", "-joinedOn"))));
    }

    private static UUID registered(UUID branch, String name) {
        return Api.registered(with(fullMember(branch), "name", name));
    }

    private static JsonPath search(RequestSpecification request) {
        return request.get("/api/v1/members").then().statusCode(200).extract().jsonPath();
    }

    private static List<UUID> ids(JsonPath page) {
        return page.getList("items.id", String.class).stream().map(UUID::fromString).toList();
    }

    /** Ids in the order PostgreSQL sorts uuids: bytewise, which Java's signed {@link UUID#compareTo} is not. */
    private static List<UUID> sorted(UUID... ids) {
        return java.util.Arrays.stream(ids).sorted(Comparator.comparing(UUID::toString)).toList();
    }
}
