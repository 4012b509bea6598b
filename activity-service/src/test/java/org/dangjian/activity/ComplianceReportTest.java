package org.dangjian.activity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.dangjian.activity.Fixtures.Org;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.dangjian.activity.Activities.*;
import static org.dangjian.activity.Fixtures.*;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report on a fixture subtree whose right answers are worked out by hand (first quarter 2025):
 * <pre>
 * committee
 *  ├ A  BRANCH, 7 full members (so it has a committee), Party group G under it: held everything
 *  ├ B  JOINT_BRANCH, 2 full + 1 probationary: general meeting on the quarter's last evening,
 *  │    two themed party days (the third fell on 1 April), its party lecture cancelled
 *  └ GB GENERAL_BRANCH (not assessed)
 *      └ D  BRANCH, no members, nothing held
 * </pre>
 */
@QuarkusTest
class ComplianceReportTest {

    private static final LocalDate SINCE = LocalDate.of(2024, 1, 1);

    // Built once: the tests only read it, and it takes a few dozen requests to build.
    private static Org committee;
    private static Org a;
    private static Org b;
    private static Org d;

    @BeforeEach
    void fixtureSubtree() {
        if (committee != null) {
            return;
        }
        committee = root();
        a = child(committee, "BRANCH");
        Org group = child(a, "GROUP");
        b = child(committee, "JOINT_BRANCH");
        Org generalBranch = child(committee, "GENERAL_BRANCH");
        d = child(generalBranch, "BRANCH");

        List<UUID> aMembers = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            aMembers.add(fullMember(a.id(), SINCE));
        }
        List<Map<String, Object>> generalMeeting = lines(aMembers, "PRESENT");
        generalMeeting.set(0, line(aMembers.get(0), "LEAVE"));
        held(a.id(), "BRANCH_GENERAL_MEETING", at("2025-02-10T14:00"), generalMeeting.toArray(Map[]::new));
        for (String month : List.of("01", "02", "03")) {
            held(a.id(), "BRANCH_COMMITTEE_MEETING", at("2025-" + month + "-15T09:00"), lines(aMembers, "PRESENT").toArray(Map[]::new));
            held(a.id(), "THEMED_PARTY_DAY", at("2025-" + month + "-05T09:00"), lines(aMembers, "PRESENT").toArray(Map[]::new));
            held(group.id(), "GROUP_MEETING", at("2025-" + month + "-20T19:00"));
        }
        held(a.id(), "PARTY_LECTURE", at("2025-03-20T14:00"), lines(aMembers, "PRESENT").toArray(Map[]::new));

        UUID b1 = fullMember(b.id(), SINCE);
        UUID b2 = fullMember(b.id(), SINCE);
        UUID b3 = UUID.randomUUID();
        registered(b3, b.id(), "PROBATIONARY", "预备党员", SINCE, 1);
        await("probationary member").atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from roster_member where member_id = ?1", b3) == 1);
        held(b.id(), "BRANCH_GENERAL_MEETING", at("2025-03-31T23:30"), line(b1, "PRESENT"), line(b2, "ABSENT"), line(b3, "PRESENT"));
        held(b.id(), "THEMED_PARTY_DAY", at("2025-01-06T09:00"), line(b1, "PRESENT"), line(b2, "PRESENT"), line(b3, "PRESENT"));
        held(b.id(), "THEMED_PARTY_DAY", at("2025-02-06T09:00"), line(b1, "PRESENT"), line(b2, "PRESENT"), line(b3, "PRESENT"));
        held(b.id(), "THEMED_PARTY_DAY", at("2025-04-01T00:10"), line(b1, "PRESENT"), line(b2, "PRESENT"), line(b3, "PRESENT"));
        UUID lecture = planned(b.id(), "PARTY_LECTURE", at("2025-03-25T14:00"));
        admin().body(Map.of("reason", "主讲人临时出差")).header("If-Match", current(lecture)).post("/api/v1/activities/" + lecture + "/cancel").then().statusCode(200);
        planned(b.id(), "PARTY_LECTURE", at("2025-03-28T14:00"));
    }

    @Test
    void quarterReportGivesTheKnownAnswersForEveryBranch() {
        JsonPath report = report("year=2025&quarter=1");

        assertEquals("2025-Q1", report.getString("period"));
        assertEquals(List.of(a.id().toString(), b.id().toString(), d.id().toString()).stream().sorted().toList(),
                report.getList("items.orgId", String.class).stream().sorted().toList());
        assertEquals(List.of(b.id().toString(), d.id().toString()).stream().sorted().toList(),
                report.getList("items.findAll { it.behind }.orgId", String.class).stream().sorted().toList());

        String branchA = branch(a);
        assertEquals(7, report.getInt(branchA + ".fullMembers"));
        assertTrue(report.getBoolean(branchA + ".hasGroups"));
        assertFalse(report.getBoolean(branchA + ".behind"));
        assertEquals(List.of("BRANCH_COMMITTEE_MEETING", "BRANCH_GENERAL_MEETING", "GROUP_MEETING", "PARTY_LECTURE",
                "THEMED_PARTY_DAY"), report.getList(branchA + ".requirements.type", String.class));
        assertEquals(List.of(3, 1, 3, 1, 3), report.getList(branchA + ".requirements.required", Integer.class));
        assertEquals(List.of(3, 1, 3, 1, 3), report.getList(branchA + ".requirements.held", Integer.class));
        assertEquals(56, report.getInt(branchA + ".attendance.expected"));
        assertEquals(55, report.getInt(branchA + ".attendance.present"));
        assertEquals(1, report.getInt(branchA + ".attendance.leave"));

        String branchB = branch(b);
        assertEquals(2, report.getInt(branchB + ".fullMembers"));
        assertEquals(List.of("BRANCH_GENERAL_MEETING", "PARTY_LECTURE", "THEMED_PARTY_DAY"),
                report.getList(branchB + ".requirements.type", String.class));
        assertEquals(List.of(1, 0, 2), report.getList(branchB + ".requirements.held", Integer.class));
        assertEquals(List.of("PARTY_LECTURE", "THEMED_PARTY_DAY"), report.getList(branchB + ".behindOn", String.class));
        assertEquals(9, report.getInt(branchB + ".attendance.expected"));
        assertEquals(8, report.getInt(branchB + ".attendance.present"));
        assertEquals(1, report.getInt(branchB + ".attendance.absent"));
        assertEquals(0.8889f, report.getFloat(branchB + ".attendance.rate"));

        String branchD = branch(d);
        assertEquals(List.of(0, 0, 0), report.getList(branchD + ".requirements.held", Integer.class));
        assertNull(report.get(branchD + ".attendance.rate"));

        assertEquals(7, report.getInt(branchA + ".membersBelowTrainingHours"));
        assertEquals(3, report.getInt(branchB + ".membersBelowTrainingHours"));
        assertEquals(0, report.getInt(branchD + ".membersBelowTrainingHours"));

        // 分级汇总 over the committee's direct children: A, B and the general branch holding D.
        assertEquals(3, report.getList("byChild").size());
        String underA = "byChild.find { it.orgId == '" + a.id() + "' }";
        assertEquals(1, report.getInt(underA + ".branches"));
        assertEquals(0, report.getInt(underA + ".branchesBehind"));
        assertEquals(7, report.getInt(underA + ".membersBelowTrainingHours"));
        String underGeneralBranch = "byChild.find { it.orgId == '" + d.path().split("/")[2] + "' }";
        assertEquals(1, report.getInt(underGeneralBranch + ".branches"));
        assertEquals(1, report.getInt(underGeneralBranch + ".branchesBehind"));
        assertNull(report.get(underGeneralBranch + ".attendanceRate"));
        assertEquals(0, report.getInt(underGeneralBranch + ".membersBelowTrainingHours"));

        assertEquals(3, report.getInt("summary.branches"));
        assertEquals(2, report.getInt("summary.branchesBehind"));
        assertEquals(11, report.getInt("summary.requirements"));
        assertEquals(6, report.getInt("summary.requirementsMet"));
        assertEquals(65, report.getInt("summary.attendance.expected"));
        assertEquals(63, report.getInt("summary.attendance.present"));
        assertEquals(0.9692f, report.getFloat("summary.attendance.rate"));
        assertEquals(10, report.getInt("summary.membersBelowTrainingHours"));
        assertEquals(0, report.getInt("summary.leadersBelowTrainingHours"));
    }

    @Test
    void branchesComeAPageAtATimeInTreeOrderWhileTheSummaryCoversThemAll() {
        JsonPath first = report("year=2025&quarter=1&size=2");
        assertEquals(3, first.getInt("summary.branches"));
        assertEquals(3, first.getList("byChild").size());
        List<String> paths = new ArrayList<>(first.getList("items.path", String.class));
        assertEquals(2, paths.size());

        JsonPath second = report("year=2025&quarter=1&size=2&cursor=" + first.getString("nextCursor"));
        assertEquals(3, second.getInt("summary.branches"));
        assertNull(second.get("nextCursor"));
        paths.addAll(second.getList("items.path", String.class));

        // each branch once, none skipped, in the order of their paths (parents before children)
        assertEquals(List.of(a.path(), b.path(), d.path()).stream().sorted().toList(), paths);
    }

    @Test
    void aPageTheSizeOfTheRestEndsTheReport() {
        JsonPath first = report("year=2025&quarter=1&size=1");
        JsonPath second = report("year=2025&quarter=1&size=2&cursor=" + first.getString("nextCursor"));
        assertEquals(2, second.getList("items").size());
        assertNull(second.get("nextCursor"));
    }

    @Test
    void aPageHoldsFiftyBranchesUnlessAskedOtherwise() {
        Org big = root();
        for (int i = 0; i < 51; i++) {
            child(big, "BRANCH");
        }
        JsonPath report = admin().get("/api/v1/compliance-report?orgId=" + big.id() + "&year=2025").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(50, report.getList("items").size());
        assertEquals(51, report.getInt("summary.branches"));
        assertEquals(51, admin().get("/api/v1/compliance-report?orgId=" + big.id() + "&year=2025&size=200").then()
                .statusCode(200).extract().jsonPath().getList("items").size());
    }

    @Test
    void pageSizeOutsideOneToTwoHundredIsABadRequest() {
        for (String size : List.of("0", "201")) {
            admin().get("/api/v1/compliance-report?orgId=" + committee.id() + "&year=2025&size=" + size).then()
                    .statusCode(400).body("code", equalTo("INVALID_PARAMETER")).body("errors[0].field", equalTo("size"));
        }
    }

    @Test
    void aCursorThatIsNotThisReportsIsABadRequest() {
        admin().get("/api/v1/compliance-report?orgId=" + committee.id() + "&year=2025&cursor=not-a-cursor!").then()
                .statusCode(400).body("code", equalTo("INVALID_PARAMETER")).body("errors[0].field", equalTo("cursor"));
        // a real cursor of another subtree's report
        Org other = root();
        child(other, "BRANCH");
        child(other, "BRANCH");
        String theirs = admin().get("/api/v1/compliance-report?orgId=" + other.id() + "&year=2025&size=1").then()
                .statusCode(200).extract().jsonPath().getString("nextCursor");
        admin().header("Accept-Language", "en").get("/api/v1/compliance-report?orgId=" + committee.id() + "&year=2025&cursor=" + theirs)
                .then().statusCode(400).body("code", equalTo("INVALID_PARAMETER"))
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void membersBelowTheYearlyTrainingHoursAreCountedFromJanuaryToThePeriodsEnd() {
        Org branch = child(root(), "BRANCH");
        UUID enough = fullMember(branch.id(), SINCE);
        UUID short1 = fullMember(branch.id(), SINCE);
        UUID absent = fullMember(branch.id(), SINCE);
        held(branch.id(), "TRAINING", at("2025-03-01T09:00"), line(enough, "PRESENT", new java.math.BigDecimal("32")),
                line(short1, "PRESENT", new java.math.BigDecimal("31.5")), line(absent, "ABSENT"));
        held(branch.id(), "TRAINING", at("2025-04-01T09:00"), line(enough, "ABSENT"),
                line(short1, "PRESENT", new java.math.BigDecimal("0.5")), line(absent, "ABSENT"));

        JsonPath q1 = admin().get("/api/v1/compliance-report?orgId=" + branch.id() + "&year=2025&quarter=1").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(2, q1.getInt("items[0].membersBelowTrainingHours"));
        assertEquals(2, q1.getInt("summary.membersBelowTrainingHours"));
        JsonPath q2 = admin().get("/api/v1/compliance-report?orgId=" + branch.id() + "&year=2025&quarter=2").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(1, q2.getInt("items[0].membersBelowTrainingHours"));
        assertEquals(1, q2.getInt("summary.membersBelowTrainingHours"));
    }

    @Test
    void monthReportOwesOnlyMonthlyTypes() {
        JsonPath report = report("year=2025&month=2");
        String branchA = branch(a);
        assertEquals(List.of("BRANCH_COMMITTEE_MEETING", "GROUP_MEETING", "THEMED_PARTY_DAY"),
                report.getList(branchA + ".requirements.type", String.class));
        assertFalse(report.getBoolean(branchA + ".behind"));
        assertEquals(List.of(1), report.getList(branch(b) + ".requirements.held", Integer.class));
    }

    @Test
    void yearReportOwesYearlyTypesAndTwelveMonthlyOnes() {
        JsonPath report = report("year=2025");
        String branchA = branch(a);
        assertTrue(report.getBoolean(branchA + ".behind"));
        assertEquals(List.of(12, 4, 1, 12, 1, 4, 12), report.getList(branchA + ".requirements.required", Integer.class));
        assertEquals(List.of("BRANCH_COMMITTEE_MEETING", "BRANCH_GENERAL_MEETING", "DEMOCRATIC_EVALUATION", "GROUP_MEETING",
                "ORGANIZATIONAL_LIFE_MEETING", "PARTY_LECTURE", "THEMED_PARTY_DAY"),
                report.getList(branchA + ".requirements.type", String.class));
    }

    @Test
    void reportOfASubtreeCoversOnlyItsBranches() {
        JsonPath report = given().auth().oauth2(org.dangjian.platform.localstack.Tokens.issue(Caller.ORG_ADMIN, committee.id()))
                .get("/api/v1/compliance-report?orgId=" + d.id() + "&year=2025&quarter=1")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(d.id().toString()), report.getList("items.orgId", String.class));
    }

    @Test
    void xlsxDownloadHasTheSummaryAndOneLinePerBranchAndRequiredType() throws Exception {
        byte[] xlsx = admin().get("/api/v1/compliance-report/xlsx?orgId=" + committee.id() + "&year=2025&quarter=1")
                .then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("compliance-2025-Q1.xlsx"))
                .extract().asByteArray();
        var sheets = Xlsx.sheets(xlsx);
        assertEquals(List.of("汇总", "台账"), List.copyOf(sheets.keySet()));
        var summary = sheets.get("汇总");
        assertEquals("2025-Q1", summary.get(0).getCell(1).asString());
        assertEquals(3, summary.get(2).getCell(1).asNumber().intValueExact());
        assertEquals(2, summary.get(3).getCell(1).asNumber().intValueExact());
        var lines = sheets.get("台账");
        assertEquals("党组织", lines.get(0).getCell(0).asString());
        assertEquals(12, lines.size());
        long lecturesMissed = lines.stream().skip(1)
                .filter(row -> "党课".equals(row.getCell(3).asString()) && "否".equals(row.getCell(6).asString())).count();
        assertEquals(2, lecturesMissed);
    }

    @Test
    void xlsxDownloadNeedsATokenAndScope() {
        given().get("/api/v1/compliance-report/xlsx?orgId=" + committee.id() + "&year=2025").then().statusCode(401);
        as(Caller.ORG_ADMIN, root().id()).get("/api/v1/compliance-report/xlsx?orgId=" + committee.id() + "&year=2025")
                .then().statusCode(404);
        asMember(committee.id(), UUID.randomUUID()).get("/api/v1/compliance-report/xlsx?orgId=" + committee.id() + "&year=2025")
                .then().statusCode(403);
    }

    private String branch(Org org) {
        return "items.find { it.orgId == '" + org.id() + "' }";
    }

    private JsonPath report(String query) {
        return admin().get("/api/v1/compliance-report?orgId=" + committee.id() + "&" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    static OffsetDateTime at(String shanghaiLocal) {
        return OffsetDateTime.parse(shanghaiLocal + ":00+08:00");
    }

    private static List<Map<String, Object>> lines(List<UUID> members, String status) {
        List<Map<String, Object>> lines = new ArrayList<>();
        members.forEach(m -> lines.add(line(m, status)));
        return lines;
    }
}
