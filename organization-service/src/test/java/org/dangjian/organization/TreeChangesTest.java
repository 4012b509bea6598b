package org.dangjian.organization;

import io.quarkus.test.junit.QuarkusTest;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.dangjian.organization.Api.as;
import static org.dangjian.organization.Api.asPlatformAdmin;
import static org.dangjian.organization.Api.body;
import static org.dangjian.organization.Api.command;
import static org.dangjian.organization.Api.newChild;
import static org.dangjian.organization.Api.newCommittee;
import static org.dangjian.organization.Api.read;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class TreeChangesTest {

    @Test
    void renameIsKeptInHistoryWithWhoWhatAndWhy() {
        UUID committee = newCommittee("更名测试党委");
        UUID branch = newChild(committee, "老名称党支部", "BRANCH");
        command(as(Caller.ORG_ADMIN, committee), branch, "rename", body("name", "新名称党支部", "reason", "村改社区"))
                .statusCode(200).body("name", equalTo("新名称党支部")).header("ETag", "\"1\"");
        asPlatformAdmin().get("/api/v1/organizations/" + branch + "/history").then().statusCode(200)
                .body("items.change", contains("ESTABLISHED", "RENAMED"))
                .body("items[1].actor", equalTo("test-org-admin"))
                .body("items[1].reason", equalTo("村改社区"))
                .body("items[1].before.name", equalTo("老名称党支部"))
                .body("items[1].after.name", equalTo("新名称党支部"))
                .body("items[1].effectiveOn", equalTo(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString()));
    }

    @Test
    void getCarriesTheVersionAsETagAndAStaleIfMatchIsRefusedWith412() {
        UUID committee = newCommittee("乐观锁党委");
        UUID branch = newChild(committee, "乐观锁支部", "BRANCH");
        read(branch).header("ETag", "\"0\"");
        asPlatformAdmin().header("If-Match", "\"0\"").body(body("name", "第一次改名", "reason", "r"))
                .post("/api/v1/organizations/" + branch + "/rename").then().statusCode(200).header("ETag", "\"1\"");
        asPlatformAdmin().header("If-Match", "\"0\"").body(body("name", "第二次改名", "reason", "r"))
                .post("/api/v1/organizations/" + branch + "/rename").then().statusCode(412)
                .contentType("application/problem+json")
                .body("code", equalTo("PRECONDITION_FAILED"))
                .body("detail", equalTo("你提交的版本为 0（If-Match），当前版本为 1，请重新读取后再试。"));
        read(branch).body("name", equalTo("第一次改名"));
    }

    @Test
    void moveTakesTheWholeSubtreeToTheNewParent() {
        UUID root = newCommittee("调整隶属党委");
        UUID from = newChild(root, "原党总支", "GENERAL_BRANCH");
        UUID to = newChild(root, "新党总支", "GENERAL_BRANCH");
        UUID branch = newChild(from, "被调整支部", "BRANCH");
        UUID group = newChild(branch, "第一党小组", "GROUP");
        command(as(Caller.ORG_ADMIN, root), branch, "move", body("parentId", to, "reason", "属地调整"))
                .statusCode(200)
                .body("parentId", equalTo(to.toString()))
                .body("path", equalTo("/" + root + "/" + to + "/" + branch + "/"));
        read(group).body("path", equalTo("/" + root + "/" + to + "/" + branch + "/" + group + "/"))
                .body("parentId", equalTo(branch.toString()));
        asPlatformAdmin().get("/api/v1/organizations/" + branch + "/history").then()
                .body("items.change", contains("ESTABLISHED", "MOVED"))
                .body("items[1].before.parentId", equalTo(from.toString()))
                .body("items[1].after.parentId", equalTo(to.toString()))
                .body("items[1].reason", equalTo("属地调整"));
    }

    @Test
    void moveUnderItsOwnSubtreeIsRefusedAsACycle() {
        UUID root = newCommittee("循环党委");
        UUID general = newChild(root, "循环党总支", "GENERAL_BRANCH");
        UUID branch = newChild(general, "循环支部", "BRANCH");
        command(general, "move", body("parentId", branch, "reason", "r"))
                .statusCode(422).body("code", equalTo("ORGANIZATION_MOVE_CYCLE"));
        command(general, "move", body("parentId", general, "reason", "r"))
                .statusCode(422).body("code", equalTo("ORGANIZATION_MOVE_CYCLE"));
        read(general).body("parentId", equalTo(root.toString())).body("version", equalTo(0));
    }

    @Test
    void aGroupCanOnlyBeMovedUnderABranch() {
        UUID root = newCommittee("小组党委");
        UUID general = newChild(root, "小组党总支", "GENERAL_BRANCH");
        UUID branch = newChild(general, "小组支部", "BRANCH");
        UUID group = newChild(branch, "党小组", "GROUP");
        command(group, "move", body("parentId", general, "reason", "r"))
                .statusCode(422).body("code", equalTo("ORGANIZATION_PARENT_TYPE_NOT_ALLOWED"))
                .body("detail", equalTo("GROUP 类型的党组织不能设在 GENERAL_BRANCH 类型的党组织之下。"));
    }

    @Test
    void moveUnderADissolvedParentIsRefused() {
        UUID root = newCommittee("撤销上级党委");
        UUID dissolved = newChild(root, "已撤销党总支", "GENERAL_BRANCH");
        UUID branch = newChild(root, "待调整支部", "BRANCH");
        command(dissolved, "dissolve", body("reason", "撤并")).statusCode(200);
        command(branch, "move", body("parentId", dissolved, "reason", "r"))
                .statusCode(422).body("code", equalTo("ORGANIZATION_PARENT_NOT_ACTIVE"));
    }

    @Test
    void moveOutsideTheCallersScopeIsRefusedLikeAMissingParent() {
        UUID mine = newCommittee("本级党委");
        UUID other = newCommittee("他级党委");
        UUID branch = newChild(mine, "本级支部", "BRANCH");
        UUID foreign = newChild(other, "他级支部", "BRANCH");
        command(as(Caller.ORG_ADMIN, mine), branch, "move", body("parentId", other, "reason", "r"))
                .statusCode(422).body("code", equalTo("ORGANIZATION_PARENT_NOT_FOUND"));
        command(as(Caller.ORG_ADMIN, mine), foreign, "move", body("parentId", mine, "reason", "r"))
                .statusCode(404).body("code", equalTo("ORGANIZATION_NOT_FOUND"));
    }

    @Test
    void dissolutionIsRefusedWhileActiveChildrenRemainAndAllowedOnceTheyAreGone() {
        UUID root = newCommittee("撤销测试党委");
        UUID branch = newChild(root, "撤销测试支部", "BRANCH");
        UUID group = newChild(branch, "撤销测试小组", "GROUP");
        command(branch, "dissolve", body("reason", "企业注销"))
                .statusCode(422).body("code", equalTo("ORGANIZATION_HAS_ACTIVE_CHILDREN"))
                .body("detail", equalTo("“撤销测试支部”仍有 1 个未撤销的下级党组织，请先撤销或调整其隶属关系。"));
        command(group, "dissolve", body("reason", "随支部撤销")).statusCode(200);
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        command(branch, "dissolve", body("reason", "企业注销")).statusCode(200)
                .body("status", equalTo("DISSOLVED"))
                .body("dissolvedOn", equalTo(today))
                .body("dissolutionReason", equalTo("企业注销"));
        asPlatformAdmin().get("/api/v1/organizations/" + branch + "/history").then()
                .body("items.change", contains("ESTABLISHED", "DISSOLVED"))
                .body("items[1].before.status", equalTo("ACTIVE"))
                .body("items[1].after.status", equalTo("DISSOLVED"));
    }

    @Test
    void dissolutionDateCannotPrecedeTheEstablishmentDayButMayBeThatDay() {
        LocalDate established = LocalDate.of(2024, 3, 1);
        UUID root = Api.newCommitteeSince("撤销日期党委", established);
        UUID dayBefore = Api.newChildSince(root, "日前支部", "BRANCH", established);
        UUID dayOf = Api.newChildSince(root, "当日支部", "BRANCH", established);
        UUID dayAfter = Api.newChildSince(root, "日后支部", "BRANCH", established);
        command(dayBefore, "dissolve", body("reason", "r", "dissolvedOn", established.minusDays(1)))
                .statusCode(422).body("code", equalTo("ORGANIZATION_DISSOLUTION_DATE_INVALID"));
        command(dayOf, "dissolve", body("reason", "r", "dissolvedOn", established)).statusCode(200);
        command(dayAfter, "dissolve", body("reason", "r", "dissolvedOn", established.plusDays(1))).statusCode(200);
    }

    @Test
    void aDissolvedOrganizationCannotBeChangedAnyMore() {
        UUID root = newCommittee("已撤销党委");
        UUID branch = newChild(root, "已撤销支部", "BRANCH");
        command(branch, "dissolve", body("reason", "r")).statusCode(200);
        command(branch, "rename", body("name", "复活支部", "reason", "r"))
                .statusCode(422).body("code", equalTo("ORGANIZATION_DISSOLVED"));
        command(branch, "move", body("parentId", root, "reason", "r"))
                .statusCode(422).body("code", equalTo("ORGANIZATION_DISSOLVED"));
    }

    @Test
    void mergeMovesTheGroupsAndDissolvesTheAbsorbedBranchNamingTheSurvivor() {
        UUID root = newCommittee("合并党委");
        UUID survivor = newChild(root, "东村党支部", "BRANCH");
        UUID absorbed = newChild(root, "西村党支部", "BRANCH");
        UUID group = newChild(absorbed, "西村党小组", "GROUP");
        command(as(Caller.ORG_ADMIN, root), survivor, "merge", body("absorbedId", absorbed, "reason", "两村合并"))
                .statusCode(200).body("id", equalTo(survivor.toString()));
        read(absorbed).body("status", equalTo("DISSOLVED"))
                .body("mergedIntoId", equalTo(survivor.toString()))
                .body("dissolutionReason", equalTo("两村合并"));
        read(group).body("parentId", equalTo(survivor.toString()))
                .body("path", equalTo("/" + root + "/" + survivor + "/" + group + "/"));
        asPlatformAdmin().get("/api/v1/organizations/" + absorbed + "/history").then()
                .body("items.change", contains("ESTABLISHED", "MERGED_INTO"))
                .body("items[1].after.mergedIntoId", equalTo(survivor.toString()));
        asPlatformAdmin().get("/api/v1/organizations/" + survivor + "/history").then()
                .body("items.change", contains("ESTABLISHED", "ABSORBED"))
                .body("items[1].after.absorbedId", equalTo(absorbed.toString()));
    }

    @Test
    void onlyTwoDifferentBranchesCanBeMerged() {
        UUID root = newCommittee("合并规则党委");
        UUID branch = newChild(root, "合并规则支部", "BRANCH");
        UUID general = newChild(root, "合并规则党总支", "GENERAL_BRANCH");
        command(branch, "merge", body("absorbedId", general, "reason", "r"))
                .statusCode(422).body("code", equalTo("ORGANIZATION_MERGE_NOT_BRANCHES"));
        command(branch, "merge", body("absorbedId", branch, "reason", "r"))
                .statusCode(422).body("code", equalTo("ORGANIZATION_MERGE_SELF"));
        command(branch, "merge", body("absorbedId", UUID.randomUUID(), "reason", "r"))
                .statusCode(422).body("code", equalTo("ORGANIZATION_MERGE_SOURCE_NOT_FOUND"));
    }

    @Test
    void splitEstablishesSiblingsThatTakeTheListedGroups() {
        UUID root = newCommittee("拆分党委");
        UUID branch = newChild(root, "大支部", "BRANCH");
        UUID first = newChild(branch, "一组", "GROUP");
        UUID second = newChild(branch, "二组", "GROUP");
        List<Map<String, Object>> parts = List.of(
                body("name", "大支部一支部", "childIds", List.of(first.toString())),
                body("name", "大支部二支部", "childIds", List.of(second.toString())));
        List<String> ids = command(branch, "split", body("parts", parts, "dissolveOriginal", true, "reason", "党员超过50人"))
                .statusCode(200).body("$", hasSize(2))
                .body("parentId", contains(root.toString(), root.toString()))
                .body("type", contains("BRANCH", "BRANCH"))
                .extract().path("id");
        read(first).body("parentId", equalTo(ids.get(0)));
        read(second).body("parentId", equalTo(ids.get(1)));
        read(branch).body("status", equalTo("DISSOLVED")).body("dissolutionReason", equalTo("党员超过50人"));
        asPlatformAdmin().get("/api/v1/organizations/" + ids.get(0) + "/history").then()
                .body("items.change", contains("SPLIT_FROM")).body("items[0].reason", equalTo("党员超过50人"));
        asPlatformAdmin().get("/api/v1/organizations/" + branch + "/history").then()
                .body("items.change", contains("ESTABLISHED", "SPLIT", "DISSOLVED"))
                .body("items[1].after.parts", contains(ids.get(0), ids.get(1)));
    }

    @Test
    void splitRefusesAChildThatIsNotTheOriginals() {
        UUID root = newCommittee("拆分拒绝党委");
        UUID branch = newChild(root, "拆分拒绝支部", "BRANCH");
        UUID other = newChild(root, "他支部", "BRANCH");
        UUID foreignGroup = newChild(other, "他组", "GROUP");
        command(branch, "split", body("parts", List.of(body("name", "新支部", "childIds", List.of(foreignGroup.toString()))),
                "reason", "r")).statusCode(422).body("code", equalTo("ORGANIZATION_SPLIT_CHILD_NOT_FOUND"));
        command(root, "split", body("parts", List.of(body("name", "新党委")), "reason", "r"))
                .statusCode(422).body("code", equalTo("ORGANIZATION_SPLIT_ROOT"));
    }

    @Test
    void anOrgAdminCannotMoveMergeSplitOrDissolveTheOrganizationTheyActForButTheLevelAboveCan() {
        UUID root = newCommittee("上级党委");
        UUID general = newChild(root, "本级党总支", "GENERAL_BRANCH");
        UUID target = newChild(root, "目标街道党委", "COMMITTEE");
        UUID branch = newChild(general, "本级支部", "BRANCH");
        UUID sibling = newChild(general, "本级兄弟支部", "BRANCH");
        command(as(Caller.ORG_ADMIN, general), general, "move", body("parentId", target, "reason", "r"))
                .statusCode(403).body("code", equalTo("ORGANIZATION_CHANGE_NEEDS_HIGHER_LEVEL"));
        command(as(Caller.ORG_ADMIN, general), general, "dissolve", body("reason", "r"))
                .statusCode(403).body("code", equalTo("ORGANIZATION_CHANGE_NEEDS_HIGHER_LEVEL"));
        command(as(Caller.ORG_ADMIN, general), general, "split", body("parts", List.of(body("name", "新党总支")), "reason", "r"))
                .statusCode(403).body("code", equalTo("ORGANIZATION_CHANGE_NEEDS_HIGHER_LEVEL"));
        command(as(Caller.ORG_ADMIN, branch), sibling, "merge", body("absorbedId", branch, "reason", "r"))
                .statusCode(404);
        command(as(Caller.ORG_ADMIN, branch), branch, "dissolve", body("reason", "r"))
                .statusCode(403).body("code", equalTo("ORGANIZATION_CHANGE_NEEDS_HIGHER_LEVEL"));
        read(general).body("status", equalTo("ACTIVE")).body("parentId", equalTo(root.toString()));
        // Below their own organization, the org-admin decides; above it, the level above does.
        command(as(Caller.ORG_ADMIN, general), sibling, "merge", body("absorbedId", branch, "reason", "两支部合并"))
                .statusCode(200);
        command(as(Caller.ORG_ADMIN, root), general, "move", body("parentId", target, "reason", "属地调整"))
                .statusCode(200).body("parentId", equalTo(target.toString()));
    }

    @Test
    void splitRefusesMembersNotOnTheOriginalsRosterOrInTwoParts() {
        UUID root = newCommittee("拆分党员党委");
        UUID branch = newChild(root, "拆分党员支部", "BRANCH");
        UUID stranger = UUID.randomUUID();
        command(branch, "split", body("parts", List.of(body("name", "新一支部", "memberIds", List.of(stranger.toString()))),
                "reason", "r")).statusCode(422).body("code", equalTo("ORGANIZATION_SPLIT_MEMBER_NOT_IN_ORIGINAL"));
        command(branch, "split", body("parts", List.of(body("name", "新一支部", "memberIds", List.of(stranger.toString())),
                body("name", "新二支部", "memberIds", List.of(stranger.toString()))), "reason", "r"))
                .statusCode(422).body("code", equalTo("ORGANIZATION_SPLIT_MEMBER_TWICE"));
        asPlatformAdmin().get("/api/v1/organizations/" + root + "/children").then().body("items.id", contains(branch.toString()));
    }

    @Test
    void treeCommandsNeedATokenAnAdminRoleAndScope() {
        UUID mine = newCommittee("命令权限党委");
        UUID sibling = newCommittee("兄弟党委");
        given().contentType("application/json").body(body("name", "x", "reason", "r"))
                .post("/api/v1/organizations/" + mine + "/rename").then().statusCode(401);
        command(as(Caller.MEMBER, mine), mine, "rename", body("name", "x", "reason", "r"))
                .statusCode(403).body("code", equalTo("FORBIDDEN"));
        command(as(Caller.BRANCH_SECRETARY, mine), mine, "dissolve", body("reason", "r")).statusCode(403);
        for (String cmd : List.of("rename", "move", "dissolve", "merge", "split")) {
            Map<String, Object> b = body("name", "x", "reason", "r", "parentId", mine, "absorbedId", mine,
                    "parts", List.of(body("name", "x")));
            command(as(Caller.ORG_ADMIN, mine), sibling, cmd, b)
                    .statusCode(404).body("code", equalTo("ORGANIZATION_NOT_FOUND"));
        }
    }

    @Test
    void aCommandWithoutAReasonIsInvalid() {
        UUID root = newCommittee("无理由党委");
        command(root, "rename", body("name", "新名"))
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("reason"));
        read(root).body("dissolvedOn", nullValue());
    }
}
