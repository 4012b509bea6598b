package org.dangjian.organization;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.dangjian.organization.organization.TreeQueries;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.scope.Scope;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.dangjian.organization.Api.as;
import static org.dangjian.organization.Api.asPlatformAdmin;
import static org.dangjian.organization.Api.body;
import static org.dangjian.organization.Api.command;
import static org.dangjian.organization.Api.newChild;
import static org.dangjian.organization.Api.newChildSince;
import static org.dangjian.organization.Api.newCommittee;
import static org.dangjian.organization.Api.newCommitteeSince;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class TreeReadsTest {

    private static final String ORGS = "/api/v1/organizations/";

    @Inject
    EntityManager em;

    @Test
    void childrenAreTheDirectChildrenOnlyFilteredByStatus() {
        UUID root = newCommittee("下级党委");
        UUID general = newChild(root, "下级党总支", "GENERAL_BRANCH");
        UUID branch = newChild(root, "下级支部", "BRANCH");
        UUID gone = newChild(root, "已撤销支部", "BRANCH");
        newChild(general, "孙级支部", "BRANCH");
        command(gone, "dissolve", body("reason", "r")).statusCode(200);
        asPlatformAdmin().get(ORGS + root + "/children").then().statusCode(200)
                .body("items.id", containsInAnyOrder(general.toString(), branch.toString(), gone.toString()))
                .body("nextCursor", nullValue());
        asPlatformAdmin().queryParam("status", "ACTIVE").get(ORGS + root + "/children").then()
                .body("items.id", containsInAnyOrder(general.toString(), branch.toString()));
    }

    @Test
    void subtreeIsReadPageByPageWithTheCursor() {
        UUID root = newCommittee("分页党委");
        List<String> expected = new ArrayList<>(List.of(root.toString()));
        for (int i = 0; i < 5; i++) {
            expected.add(newChild(root, "分页支部" + i, "BRANCH").toString());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = asPlatformAdmin().queryParam("size", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get(ORGS + root + "/subtree").then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(expected, seen, "every node once, parent first, in path order");
    }

    @Test
    void subtreeFiltersByTypeAndStatus() {
        UUID root = newCommittee("筛选党委");
        UUID general = newChild(root, "筛选党总支", "GENERAL_BRANCH");
        UUID active = newChild(general, "在册支部", "BRANCH");
        UUID dissolved = newChild(general, "撤销支部", "BRANCH");
        command(dissolved, "dissolve", body("reason", "r")).statusCode(200);
        asPlatformAdmin().queryParam("type", "BRANCH").get(ORGS + root + "/subtree").then()
                .body("items.id", containsInAnyOrder(active.toString(), dissolved.toString()));
        asPlatformAdmin().queryParam("type", "BRANCH").queryParam("status", "ACTIVE").get(ORGS + root + "/subtree").then()
                .body("items.id", contains(active.toString()));
    }

    @Test
    void aPageLargerThan200IsRefused() {
        UUID root = newCommittee("大页党委");
        asPlatformAdmin().queryParam("size", 201).get(ORGS + root + "/subtree").then().statusCode(400)
                .body("code", equalTo("INVALID_PARAMETER"));
        asPlatformAdmin().queryParam("size", 200).get(ORGS + root + "/subtree").then().statusCode(200);
    }

    /** The plan, not only the result: a subtree read must be an index range scan on the path, never the table. */
    @Test
    void theSubtreeQueryIsServedByThePathIndex() {
        UUID root = newCommittee("索引党委");
        String path = "/" + root + "/";
        List<String> plan = QuarkusTransaction.requiringNew().call(() -> {
            // The test table is small, so the planner would rightly prefer a sequential scan; forbid it
            // to see what the query can use when the tree is large.
            em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
            @SuppressWarnings("unchecked")
            List<String> lines = em.createNativeQuery("explain " + TreeQueries.SUBTREE_SQL
                            .replace("/*filters*/", "").replace(":prefix", "?1").replace(":after", "?2").replace(":size", "?3"))
                    .setParameter(1, path).setParameter(2, "").setParameter(3, 50).getResultList();
            return lines;
        });
        String text = String.join("\n", plan);
        assertTrue(text.contains("Index Scan using organization_path"), text);
        assertTrue(!text.contains("Sort"), "the index already yields path order:\n" + text);
    }

    @Test
    void ancestorsRunFromTheTopOfTheCallersScope() {
        UUID root = newCommittee("祖先党委");
        UUID general = newChild(root, "祖先党总支", "GENERAL_BRANCH");
        UUID branch = newChild(general, "祖先支部", "BRANCH");
        UUID group = newChild(branch, "祖先小组", "GROUP");
        asPlatformAdmin().get(ORGS + group + "/ancestors").then().statusCode(200)
                .body("items.id", contains(root.toString(), general.toString(), branch.toString()));
        as(Caller.ORG_ADMIN, general).get(ORGS + group + "/ancestors").then().statusCode(200)
                .body("items.id", contains(general.toString(), branch.toString()));
        asPlatformAdmin().get(ORGS + root + "/ancestors").then().statusCode(200).body("items", empty());
    }

    @Test
    void searchFindsNamesAndCodesWithinTheCallersScopeOnly() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID mine = newCommittee("搜索甲党委");
        UUID other = newCommittee("搜索乙党委");
        UUID found = newChild(mine, "红星" + tag + "党支部", "BRANCH");
        newChild(other, "红星" + tag + "党支部", "BRANCH");
        as(Caller.ORG_ADMIN, mine).queryParam("q", "星" + tag).get("/api/v1/organizations").then().statusCode(200)
                .body("items.id", contains(found.toString()));
        String code = asPlatformAdmin().get(ORGS + found).then().extract().path("code");
        as(Caller.ORG_ADMIN, mine).queryParam("q", code).get("/api/v1/organizations").then()
                .body("items.id", contains(found.toString()));
        asPlatformAdmin().queryParam("q", "星" + tag).get("/api/v1/organizations").then().body("items", hasSize(2));
        as(Caller.ORG_ADMIN, mine).queryParam("q", "%").get("/api/v1/organizations").then().statusCode(200)
                .body("items", empty());
    }

    @Test
    void searchRanksTheClosestNamesFirstAndForgivesATypo() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID root = newCommittee("相似搜索党委");
        UUID longer = newChild(root, "西城镇" + tag + "第一村党支部联合会", "BRANCH");
        UUID exact = newChild(root, "西城镇" + tag + "第一村党支部", "BRANCH");
        UUID other = newChild(root, "东城镇" + tag + "第二村党支部", "BRANCH");
        as(Caller.ORG_ADMIN, root).queryParam("q", "西城镇" + tag + "第一村党支部").get("/api/v1/organizations").then()
                .statusCode(200).body("items.id", contains(exact.toString(), longer.toString(), other.toString()));
        // A mistyped character: no name contains the text, the trigram similarity still finds it.
        as(Caller.ORG_ADMIN, root).queryParam("q", "西城镇" + tag + "第一材党支部").get("/api/v1/organizations").then()
                .statusCode(200).body("items[0].id", equalTo(exact.toString()));
        // Pages follow the ranking: page 2 starts where page 1 ended.
        String next = as(Caller.ORG_ADMIN, root).queryParam("q", "西城镇" + tag + "第一村党支部").queryParam("size", 1)
                .get("/api/v1/organizations").then().body("items.id", contains(exact.toString()))
                .extract().path("nextCursor");
        as(Caller.ORG_ADMIN, root).queryParam("q", "西城镇" + tag + "第一村党支部").queryParam("size", 1)
                .queryParam("cursor", next).get("/api/v1/organizations").then().body("items.id", contains(longer.toString()));
        as(Caller.ORG_ADMIN, root).queryParam("q", "x").queryParam("cursor", "nonsense").get("/api/v1/organizations").then()
                .statusCode(400).body("code", equalTo("INVALID_PARAMETER"));
    }

    /** The plan of a whole-tree name search over a large tree: an index serves the name, not a table scan. */
    @Test
    void theNameSearchIsServedByTheTrigramIndex() {
        List<String> plan = QuarkusTransaction.requiringNew().call(() -> {
            // A temporary copy of the table with the same indexes shadows it for this transaction only, holding
            // 20,000 organizations so the planner sees a table worth indexing; the real table is left alone.
            em.createNativeQuery("create temp table organization (like organization including all) on commit drop")
                    .executeUpdate();
            em.createNativeQuery("""
                    insert into organization (id, code, name, type, path, status, established_on, version)
                    select u, 'T' || u, '某某党支部' || i, 'BRANCH', '/' || u || '/', 'ACTIVE', date '2020-01-01', 0
                    from (select i, gen_random_uuid() as u from generate_series(1, 20000) i) g""").executeUpdate();
            em.createNativeQuery("analyze organization").executeUpdate();
            @SuppressWarnings("unchecked")
            // A whole-tree search: a platform-admin's.
            List<String> lines = em.createNativeQuery("explain " + TreeQueries.SEARCH_SQL.replace("/*filters*/", "")
                            .replace("/*scope*/", Scope.unrestricted().pathCondition("o.path").sql())
                            .replace(":q", "?1").replace(":fragment", "?1")
                            .replace(":afterRank", "2").replace(":afterPath", "''").replace(":size", "50"))
                    .setParameter(1, "西城镇第一村").getResultList();
            return lines;
        });
        String text = String.join("\n", plan);
        assertTrue(text.contains("Bitmap Index Scan") && text.contains("Index Cond: (name ~~")
                && text.contains("Index Cond: (name % "), text);
        assertTrue(!text.contains("Seq Scan"), text);
    }

    @Test
    void theTreeAsOfAPastDayShowsWhatExistedThenUnderTheNamesOfThen() {
        UUID root = newCommitteeSince("历史党委", LocalDate.of(2020, 1, 1));
        UUID early = newChildSince(root, "老支部", "BRANCH", LocalDate.of(2020, 6, 1));
        UUID late = newChildSince(root, "新支部", "BRANCH", LocalDate.of(2022, 1, 1));
        UUID closed = newChildSince(root, "撤销支部", "BRANCH", LocalDate.of(2020, 6, 1));
        command(early, "rename", body("name", "老支部（更名）", "reason", "r")).statusCode(200);
        command(closed, "dissolve", body("reason", "r", "dissolvedOn", "2023-05-10")).statusCode(200);

        asOf(root, "2021-01-01").body("items.id", containsInAnyOrder(root.toString(), early.toString(), closed.toString()))
                .body("items.find { it.id == '" + early + "' }.name", equalTo("老支部"));
        asOf(root, "2023-05-09").body("items.id", containsInAnyOrder(root.toString(), early.toString(), late.toString(),
                closed.toString()));
        asOf(root, "2023-05-10").body("items.id", containsInAnyOrder(root.toString(), early.toString(), late.toString()));
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        asOf(root, today).body("items.find { it.id == '" + early + "' }.name", equalTo("老支部（更名）"));
        asPlatformAdmin().queryParam("asOf", "2019-12-31").get(ORGS + root + "/tree").then().statusCode(404)
                .body("code", equalTo("ORGANIZATION_NOT_IN_TREE_ON"));
    }

    @Test
    void theTreeAsOfYesterdayStillShowsAMovedBranchUnderItsOldParent() {
        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        UUID root = newCommitteeSince("迁移历史党委", yesterday.minusDays(10));
        UUID from = newChildSince(root, "迁出党总支", "GENERAL_BRANCH", yesterday.minusDays(10));
        UUID to = newChildSince(root, "迁入党总支", "GENERAL_BRANCH", yesterday.minusDays(10));
        UUID branch = newChildSince(from, "迁移支部", "BRANCH", yesterday.minusDays(5));
        command(branch, "move", body("parentId", to, "reason", "r")).statusCode(200);
        asOf(from, yesterday.toString()).body("items.id", contains(from.toString(), branch.toString()));
        asOf(from, LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()).body("items.id", contains(from.toString()));
        asOf(to, LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()).body("items.id", contains(to.toString(), branch.toString()));
    }

    @Test
    void readsNeedATokenAReadingRoleAndScope() {
        UUID mine = newCommittee("读取权限党委");
        UUID sibling = newCommittee("读取兄弟党委");
        for (String read : List.of("/children", "/subtree", "/ancestors", "/tree?asOf=2026-01-01", "/history")) {
            given().get(ORGS + mine + read).then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
            as(Caller.MEMBER, mine).get(ORGS + mine + read).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
            as(Caller.ORG_ADMIN, mine).get(ORGS + sibling + read).then().statusCode(404)
                    .body("code", equalTo("ORGANIZATION_NOT_FOUND"));
        }
        given().queryParam("q", "x").get("/api/v1/organizations").then().statusCode(401);
        as(Caller.MEMBER, mine).queryParam("q", "x").get("/api/v1/organizations").then().statusCode(403);
    }

    private static io.restassured.response.ValidatableResponse asOf(UUID id, String date) {
        return asPlatformAdmin().queryParam("asOf", date).get(ORGS + id + "/tree").then().statusCode(200);
    }
}
