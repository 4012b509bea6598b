package org.dangjian.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A whole calendar year of organizational life (三会一课, 主题党日, 组织生活会, 民主评议) recorded in every
 * branch with each member's attendance, as the inspections' 台账 would hold it: planned, then recorded
 * after the fact. A few branches deliberately fall behind the required frequencies, each in its own
 * way, so the compliance report has something to find.
 */
final class DemoActivities {

    /** The branches that fall behind, and how; every other branch meets every requirement of the year. */
    static final Map<String, String> BEHIND = Map.of(
            "溪头村党支部", "no 主题党日 in July, August and September",
            "竹坝村党支部", "no 党课 in the third and fourth quarters",
            "营平社区党支部", "neither 组织生活会 nor 民主评议党员 all year",
            "区财政局机关党支部", "no 支部党员大会 in the second quarter",
            "驻厦流动党员党支部", "no 主题党日 in January and February, many members on leave");

    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);
    private static final String[] THEMED_DAY_TOPICS = {"重温入党誓词", "学习党的创新理论", "走访慰问困难群众", "清洁家园志愿服务",
        "观看红色教育影片", "学习党章党规", "参观廉政教育基地", "为民办实事", "缅怀革命先烈", "庆祝建党节", "防汛防台志愿服务",
        "学习全会精神"};
    private static final String[] LECTURE_TOPICS = {"书记讲党课：坚定理想信念", "新时代党员的责任与担当", "学习贯彻党章",
        "传承红色基因"};
    private static final String[] LEAVE_REASONS = {"外出务工", "身体不适", "值班", "出差", "照顾家人"};

    /** One activity to plan and then record, built in full before any request is sent. */
    record Planned(ObjectNode plan, ObjectNode record) {
    }

    private final int year;

    DemoActivities(int year) {
        this.year = year;
    }

    /**
     * Plans and records one branch's year once the activity service's roster holds its members;
     * returns how many were recorded. Each branch draws from its own seeded random, so branches
     * loaded side by side still give the same data on every run.
     */
    int loadBranch(DemoClient api, UUID orgId, String name, String sector, List<DemoMembers.Member> members,
            DemoMembers roster, int committeeThreshold, long seed) {
        // The branch secretary (支部书记), elected at the start of the year, gives the year's Party lectures.
        DemoMembers.Member secretary = members.get(0);
        // organization-service seats only a member its roster (fed by member.* events) places in the branch.
        api.await(DangjianService.ORGANIZATION, "/api/v1/organizations/" + orgId + "/members/" + secretary.id(),
                entry -> entry.path("onRoster").asBoolean(), java.time.Duration.ofSeconds(180));
        ObjectNode election = DemoClient.json().createObjectNode().put("electedOn", LocalDate.of(year, 1, 1).toString());
        election.putArray("seats").addObject().put("seat", "SECRETARY").put("memberId", secretary.id().toString())
                .put("memberName", secretary.name());
        api.post(DangjianService.ORGANIZATION, "/api/v1/organizations/" + orgId + "/leadership/elections", election, 200);
        List<Planned> planned = year(new Random(seed), orgId, name, sector, members, committeeThreshold);
        planned.stream().filter(p -> "PARTY_LECTURE".equals(p.plan().get("type").asText()))
                .forEach(p -> p.plan().put("hostMemberId", secretary.id().toString()).put("host", secretary.name()));
        roster.awaitRoster(api, orgId, members.size());
        for (Planned activity : planned) {
            JsonNode plannedActivity = api.post(DangjianService.ACTIVITY, "/api/v1/activities", activity.plan(), 201);
            api.post(DangjianService.ACTIVITY, "/api/v1/activities/" + plannedActivity.get("id").asText() + "/record",
                    activity.record(), plannedActivity.get("version").asLong(), 200);
        }
        awaitLeadershipCopy(api, secretary);
        return planned.size();
    }

    /** activity-service knows the secretary from organization.leadership-changed before the year's report is read. */
    private void awaitLeadershipCopy(DemoClient api, DemoMembers.Member secretary) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode participation = api.get(DangjianService.ACTIVITY,
                    "/api/v1/members/" + secretary.id() + "/participation?year=" + year, 200);
            if ("LEADER".equals(participation.path("requirementBasis").asText())) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("activity-service never learned that " + secretary.name() + " is a secretary");
    }

    /** Next month's 主题党日, planned in every branch. */
    void planNextMonth(DemoClient api, List<UUID> branches, LocalDate today) {
        OffsetDateTime nextMonth = today.plusMonths(1).withDayOfMonth(1).atTime(14, 30).atOffset(SHANGHAI);
        api.parallel(branches, branch -> api.post(DangjianService.ACTIVITY, "/api/v1/activities", DemoClient.json()
                .createObjectNode().put("orgId", branch.toString()).put("type", "THEMED_PARTY_DAY")
                .put("topic", "主题党日：学习贯彻党的创新理论").put("plannedStart", nextMonth.toString())
                .put("place", "党员活动室"), 201));
    }

    private List<Planned> year(Random random, UUID orgId, String name, String sector, List<DemoMembers.Member> members,
            int committeeThreshold) {
        List<Planned> list = new ArrayList<>();
        boolean mobile = name.contains("流动");
        int themedDay = 5 + random.nextInt(10);
        for (int month = 1; month <= 12; month++) {
            if (!(name.equals("溪头村党支部") && Set.of(7, 8, 9).contains(month))
                    && !(mobile && month <= 2)) {
                list.add(activity(random, orgId, members, "THEMED_PARTY_DAY", "主题党日：" + THEMED_DAY_TOPICS[month - 1],
                        LocalDate.of(year, month, themedDay), "党员活动室", mobile));
            }
            if (members.size() >= committeeThreshold) {
                list.add(activity(random, orgId, members, "BRANCH_COMMITTEE_MEETING", month + "月支委会：研究部署本月党建工作",
                        LocalDate.of(year, month, 2 + random.nextInt(3)), "支部办公室", false));
            }
            if (month % 3 == 1 && !(name.equals("区财政局机关党支部") && month == 4)) {
                list.add(activity(random, orgId, members, "BRANCH_GENERAL_MEETING", "第" + (month / 3 + 1) + "季度支部党员大会",
                        LocalDate.of(year, month, 15 + random.nextInt(5)), "会议室", mobile));
            }
            // Government organs' branches study theory twice a month (机关理论学习: 24 a year, activity-service's
            // sector rule for GOVERNMENT_ORGAN).
            if ("GOVERNMENT_ORGAN".equals(sector)) {
                for (int session = 0; session < 2; session++) {
                    list.add(activity(random, orgId, members, "STUDY_SESSION", month + "月理论学习（第" + (session + 1) + "次）",
                            LocalDate.of(year, month, 8 + 10 * session + random.nextInt(3)), "会议室", false));
                }
            }
            if (month % 3 == 2 && !(name.equals("竹坝村党支部") && month > 6)) {
                list.add(activity(random, orgId, members, "PARTY_LECTURE", LECTURE_TOPICS[month / 3],
                        LocalDate.of(year, month, 20 + random.nextInt(5)), "会议室", mobile));
            }
        }
        if (!name.equals("营平社区党支部")) {
            list.add(activity(random, orgId, members, "ORGANIZATIONAL_LIFE_MEETING", "年度组织生活会：对照检查、批评与自我批评",
                    LocalDate.of(year, 1, 25), "会议室", mobile));
            list.add(activity(random, orgId, members, "DEMOCRATIC_EVALUATION", "年度民主评议党员", LocalDate.of(year, 1, 26), "会议室",
                    mobile));
        }
        return list;
    }

    /** The plan and the recording of one activity: a line for every member of the branch, as the service expects. */
    private static Planned activity(Random random, UUID orgId, List<DemoMembers.Member> expected, String type, String topic,
            LocalDate on,
            String place, boolean mobile) {
        OffsetDateTime start = on.atTime(14, 30).atOffset(SHANGHAI);
        ObjectNode plan = DemoClient.json().createObjectNode().put("orgId", orgId.toString()).put("type", type)
                .put("topic", topic).put("plannedStart", start.toString()).put("plannedEnd", start.plusHours(2).toString())
                .put("place", place).put("host", "支部书记").put("recorder", "组织委员");
        ObjectNode record = DemoClient.json().createObjectNode().put("actualStart", start.plusMinutes(5).toString())
                .put("actualEnd", start.plusHours(2).toString()).put("minutes", topic + "。会议由支部书记主持，与会党员逐一发言。");
        ArrayNode attendance = record.putArray("attendance");
        for (DemoMembers.Member member : expected) {
            int roll = random.nextInt(100);
            ObjectNode line = attendance.addObject().put("memberId", member.id().toString());
            if (roll < (mobile ? 60 : 88)) {
                line.put("status", "PRESENT");
            } else if (roll < (mobile ? 95 : 96)) {
                String reason = mobile ? "在外务工" : LEAVE_REASONS[random.nextInt(LEAVE_REASONS.length)];
                line.put("status", "LEAVE").put("leaveReason", reason);
            } else {
                line.put("status", "ABSENT");
            }
        }
        return new Planned(plan, record);
    }
}
