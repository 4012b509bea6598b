package org.dangjian.local;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.UUID;

/**
 * The township's structures beside the tree (seeds 001, 002): a grid (网格) per village branch led
 * by a member, a non-public enterprise it covers (两个覆盖), a pairing (结对共建) of two villages,
 * and the year's “五个好” assessment with one village's self-assessment.
 */
final class DemoStructures {

    /** GB 32100: unified social credit code characters and position weights. */
    private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private DemoStructures() {
    }

    static void load(DemoClient api, UUID township, List<UUID> villages, int year) {
        for (int i = 0; i < Math.min(3, villages.size()); i++) {
            api.post(DangjianService.ORGANIZATION, "/api/v1/grids", node().put("organizationId", villages.get(i).toString())
                    .put("name", "西城镇第" + (i + 1) + "网格").put("leaderName", "林格长").put("area", "西城村" + (i + 1) + "组")
                    .put("households", 180 + 40 * i), 201);
        }
        api.post(DangjianService.ORGANIZATION, "/api/v1/units", node().put("organizationId", township.toString())
                .put("name", "厦门西城食品有限公司").put("creditCode", creditCode("91350203MA2XC0019"))
                .put("kind", "NON_PUBLIC_ENTERPRISE").put("employees", 86).put("partyMembers", 4), 201);
        if (villages.size() > 1) {
            api.post(DangjianService.ORGANIZATION, "/api/v1/pairings", node().put("organizationId", villages.get(0).toString())
                    .put("partnerId", villages.get(1).toString()).put("startsOn", year + "-01-01").put("endsOn", (year + 1) + "-12-31")
                    .put("content", "联合开展主题党日，共建村级产业"), 201);
        }
        ObjectNode set = node().put("organizationId", township.toString()).put("year", year).put("name", year + "年度“五个好”考核");
        var criteria = set.putArray("criteria");
        criteria.addObject().put("code", "TEAM").put("name", "领导班子好").put("weight", 40);
        criteria.addObject().put("code", "MEMBERS").put("name", "党员队伍好").put("weight", 30);
        criteria.addObject().put("code", "RESULTS").put("name", "工作业绩好").put("weight", 30);
        String setId = api.post(DangjianService.ORGANIZATION, "/api/v1/assessment-sets", set, 201).get("id").asText();
        ObjectNode self = node().put("organizationId", villages.get(0).toString());
        self.putObject("scores").put("TEAM", 92).put("MEMBERS", 88).put("RESULTS", 90);
        api.post(DangjianService.ORGANIZATION, "/api/v1/assessment-sets/" + setId + "/assessments", self, 201);
    }

    /** The first 17 characters with their GB 32100 check character. */
    static String creditCode(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_ALPHABET.indexOf(first17.charAt(i)) * CREDIT_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return first17 + CREDIT_ALPHABET.charAt(check);
    }

    private static ObjectNode node() {
        return DemoClient.json().createObjectNode();
    }
}
