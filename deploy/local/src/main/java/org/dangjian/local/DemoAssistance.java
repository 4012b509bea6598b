package org.dangjian.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Hardship assistance (帮扶) as seeds 000 and 001 describe it: funds with this year's budget at the
 * township, the street and the district; residents the branches look after (空巢老人, 残疾人, 下岗职工,
 * 低保户) and members in hardship; cases in every state of the workflow, dated as they would have
 * happened over the last months; pairings (结对帮扶) with a visit log (民情日记), some follow-ups overdue.
 */
final class DemoAssistance {

    /** Every state a case can be in, two cases each (a resident's and a member's). */
    static final List<String> STATES = List.of("APPLIED", "VERIFIED", "BRANCH_REVIEWED", "APPROVED", "PUBLIC_NOTICE",
            "DISBURSED", "FOLLOW_UP", "CLOSED", "REJECTED");

    private record Resident(String name, String category, String details, String address, int household) {
    }

    private static final List<Resident> RESIDENTS = List.of(
            new Resident("王秀英", "ELDERLY_ALONE", "独居老人，子女在外地，患高血压", "西城村东街3号", 1),
            new Resident("林阿水", "DISABILITY", "肢体二级残疾，行动不便", "东湖村后埔12号", 2),
            new Resident("陈美玲", "UNEMPLOYMENT", "下岗职工，独自抚养上学的孩子", "百家村社区镇海路8号", 2),
            new Resident("黄金福", "LIVING_HARDSHIP", "低保户，家庭人均月收入不足600元", "南山村石井5号", 4),
            new Resident("张春梅", "ILLNESS", "患尿毒症，每周透析三次", "镇海社区大元路21号", 3),
            new Resident("吴国荣", "ELDERLY_ALONE", "八十六岁空巢老人，老伴去年去世", "北岭村岭头2号", 1),
            new Resident("许丽华", "SCHOOLING", "家中两名子女上大学，学费困难", "上林村新厝9号", 5),
            new Resident("蔡海明", "DISASTER", "台风致房屋受损，需修缮", "下洋村海边17号", 4),
            new Resident("郑燕", "DISABILITY", "智力残疾，与年迈母亲同住", "大同社区思明南路33号", 2));

    private final Random random;
    private final DemoPeople people;
    private final LocalDate today;

    DemoAssistance(Random random, DemoPeople people, LocalDate today) {
        this.random = random;
        this.people = people;
        this.today = today;
    }

    /** Loads it all; returns the number of cases in each state. */
    Map<String, Integer> load(DemoClient api, DemoTree.Established tree,
            Map<DemoTree.Node, List<DemoMembers.Member>> members) {
        tree.organizations().forEach(o -> tree.awaitCopy(api, DangjianService.ASSISTANCE, o.id()));
        UUID township = tree.idOf("西城镇党委");
        UUID street = tree.idOf("中华街道党工委");
        Map<UUID, UUID> fundOfArea = new LinkedHashMap<>();
        fundOfArea.put(township, fund(api, township, "RETAINED_DUES", "西城镇党费留存帮扶资金", "60000.00"));
        fundOfArea.put(street, fund(api, street, "SPECIAL", "中华街道困难群众专项帮扶资金", "40000.00"));
        fund(api, tree.idOf("思明区委"), "DONATION", "思明区“万名党员帮扶”爱心捐赠资金", "100000.00");

        List<DemoTree.Node> villages = members.keySet().stream()
                .filter(b -> b.parent().name().equals("西城镇党委") && b.sector().equals("VILLAGE")).toList();
        List<DemoTree.Node> communities = members.keySet().stream()
                .filter(b -> b.parent().name().equals("中华街道党工委")).toList();

        // Drawn here, in order, so that the same cases are built on every run.
        List<CaseSpec> specs = new ArrayList<>();
        for (int i = 0; i < STATES.size(); i++) {
            Resident resident = RESIDENTS.get(i);
            boolean inStreet = resident.address().contains("社区");
            DemoTree.Node branch = inStreet ? communities.get(i % communities.size()) : villages.get(i % villages.size());
            UUID area = inStreet ? street : township;
            specs.add(new CaseSpec(STATES.get(i), residentBody(tree.id(branch), resident), fundOfArea.get(area),
                    resident.category(), amount(), members.get(branch).get(0)));
            DemoTree.Node memberBranch = villages.get((i * 3 + 1) % villages.size());
            List<DemoMembers.Member> inBranch = members.get(memberBranch);
            DemoMembers.Member member = inBranch.get(inBranch.size() - 1);
            specs.add(new CaseSpec(STATES.get(i), memberBody(tree.id(memberBranch), member.id()), fundOfArea.get(township),
                    i % 2 == 0 ? "ILLNESS" : "LIVING_HARDSHIP", amount(), inBranch.get(0)));
        }
        List<String> reached = api.parallel(specs, spec -> spec.drive(api, today));
        // The township's Spring Festival visits (春节慰问), paid from its retained dues.
        api.post(DangjianService.ASSISTANCE, "/api/v1/campaigns", DemoClient.json().createObjectNode()
                .put("orgId", township.toString()).put("fundId", fundOfArea.get(township).toString())
                .put("name", (today.getYear() + 1) + "年春节走访慰问").put("occasion", "SPRING_FESTIVAL"), 201);
        Map<String, Integer> byState = new TreeMap<>();
        reached.forEach(s -> byState.merge(s, 1, Integer::sum));
        return byState;
    }

    private String amount() {
        return (500 + random.nextInt(16) * 250) + ".00";
    }

    private UUID fund(DemoClient api, UUID orgId, String kind, String name, String budget) {
        UUID id = UUID.fromString(api.post(DangjianService.ASSISTANCE, "/api/v1/funds", DemoClient.json().createObjectNode()
                .put("orgId", orgId.toString()).put("kind", kind).put("name", name), 201).get("id").asText());
        // Last year's too: cases dated in the first weeks of a year were paid out of the year before.
        for (int year : new int[] {today.getYear() - 1, today.getYear()}) {
            api.put(DangjianService.ASSISTANCE, "/api/v1/funds/" + id + "/budgets/" + year,
                    DemoClient.json().createObjectNode().put("amount", budget), 200);
        }
        return id;
    }

    private ObjectNode residentBody(UUID orgId, Resident r) {
        boolean male = !r.name().endsWith("英") && !r.name().endsWith("玲") && !r.name().endsWith("梅")
                && !r.name().endsWith("华") && !r.name().endsWith("燕");
        ObjectNode body = DemoClient.json().createObjectNode().put("kind", "RESIDENT").put("orgId", orgId.toString())
                .put("name", r.name()).put("nationalId", people.nationalId(people.birth(1938, 50), male))
                .put("address", r.address()).put("householdSize", r.household()).put("hardshipDetails", r.details());
        body.putArray("categories").add(r.category());
        return body;
    }

    private static ObjectNode memberBody(UUID orgId, UUID memberId) {
        ObjectNode body = DemoClient.json().createObjectNode().put("kind", "MEMBER").put("orgId", orgId.toString())
                .put("memberId", memberId.toString()).put("householdSize", 3).put("hardshipDetails", "因病致困，需长期服药");
        body.putArray("categories").add("ILLNESS");
        return body;
    }

    /**
     * One beneficiary and their case, driven through the workflow to {@code target}; then a member of
     * the branch is paired with them and visits them twice (民情日记), the second follow-up still open.
     */
    private record CaseSpec(String target, ObjectNode beneficiary, UUID fund, String category, String amount,
            DemoMembers.Member pairedMember) {

        /** Days before today the case was applied for, so that every step lies in the past and notices ran their time. */
        private int appliedDaysAgo() {
            return switch (target) {
                case "APPLIED" -> 3;
                case "VERIFIED" -> 10;
                case "BRANCH_REVIEWED" -> 15;
                case "APPROVED" -> 20;
                case "PUBLIC_NOTICE" -> 14;
                case "DISBURSED" -> 50;
                case "FOLLOW_UP" -> 100;
                case "CLOSED" -> 200;
                default -> 30;
            };
        }

        String drive(DemoClient api, LocalDate today) {
            UUID beneficiaryId = id(api.post(DangjianService.ASSISTANCE, "/api/v1/beneficiaries", beneficiary, 201));
            LocalDate applied = today.minusDays(appliedDaysAgo());
            String caseId = api.post(DangjianService.ASSISTANCE, "/api/v1/cases", DemoClient.json().createObjectNode()
                    .put("beneficiaryId", beneficiaryId.toString()).put("category", category).put("requestedAmount", amount)
                    .put("description", "本人申请：" + beneficiary.path("hardshipDetails").asText())
                    .put("appliedOn", applied.toString()), 201).get("id").asText();
            String path = "/api/v1/cases/" + caseId + "/";
            JsonNode state = null;
            if (!target.equals("APPLIED")) {
                state = step(api, path + "verification", Map.of("visitedOn", applied.plusDays(3).toString(),
                        "findings", "入户核实：家庭情况属实，收入低于当地低保标准"));
            }
            if (target.equals("REJECTED")) {
                state = step(api, path + "rejection", Map.of("on", applied.plusDays(8).toString(),
                        "reason", "支委会审议：家庭收入超过帮扶标准"));
            } else if (!List.of("APPLIED", "VERIFIED").contains(target)) {
                state = step(api, path + "branch-review", Map.of("on", applied.plusDays(8).toString(), "note", "支委会审议同意"));
                if (!target.equals("BRANCH_REVIEWED")) {
                    state = step(api, path + "approval", Map.of("on", applied.plusDays(12).toString(), "note", "同意帮扶"));
                }
                if (!List.of("BRANCH_REVIEWED", "APPROVED").contains(target)) {
                    state = step(api, path + "public-notice", Map.of("startsOn", applied.plusDays(13).toString()));
                }
                if (List.of("DISBURSED", "FOLLOW_UP", "CLOSED").contains(target)) {
                    state = step(api, path + "disbursement", Map.of("fundId", fund.toString(),
                            "disbursedOn", applied.plusDays(35).toString()));
                }
                if (List.of("FOLLOW_UP", "CLOSED").contains(target)) {
                    state = step(api, path + "follow-ups", Map.of("visitedOn", applied.plusDays(60).toString(),
                            "findings", "回访：帮扶资金已用于就医和生活，情况好转"));
                }
                if (target.equals("CLOSED")) {
                    state = step(api, path + "closure", Map.of("on", applied.plusDays(75).toString(), "outcome", "RELIEVED",
                            "note", "困难已缓解，结案"));
                }
            }
            pairAndVisit(api, beneficiaryId, today);
            return state == null ? "APPLIED" : state.get("status").asText();
        }

        private void pairAndVisit(DemoClient api, UUID beneficiaryId, LocalDate today) {
            api.post(DangjianService.ASSISTANCE, "/api/v1/pairings", Map.of("beneficiaryId", beneficiaryId.toString(),
                    "memberId", pairedMember.id().toString(), "startedOn", today.minusDays(180).toString()), 201);
            api.post(DangjianService.ASSISTANCE, "/api/v1/visits", Map.of("beneficiaryId", beneficiaryId.toString(),
                    "visitedOn", today.minusDays(90).toString(), "findings", "走访：身体状况尚可，家中缺少过冬衣物",
                    "promises", "联系社区送去棉被和衣物"), 201);
            api.post(DangjianService.ASSISTANCE, "/api/v1/visits", Map.of("beneficiaryId", beneficiaryId.toString(),
                    "visitedOn", today.minusDays(20).toString(), "findings", "走访：反映自来水管老化漏水",
                    "promises", "协调村（居）委会维修水管", "followUpDue", today.minusDays(5).toString()), 201);
        }

        private static JsonNode step(DemoClient api, String path, Map<String, String> body) {
            return api.post(DangjianService.ASSISTANCE, path, body, 200);
        }

        private static UUID id(JsonNode response) {
            return UUID.fromString(response.get("id").asText());
        }
    }
}
