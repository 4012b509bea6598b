package org.dangjian.activity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import org.dangjian.activity.Fixtures.Org;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.dangjian.activity.Activities.held;
import static org.dangjian.activity.Activities.line;
import static org.dangjian.activity.ComplianceReportTest.at;
import static org.dangjian.activity.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report checks each month, quarter or year of its period, not the period's total, and names the ones missed;
 * requirements configured per sector (理论学习 in government organs, by default 24 a year) follow the sector
 * organization-service's events give a branch.
 */
@QuarkusTest
class ComplianceMissedPeriodsTest {

    private static final String SECTOR = "activity-service.sector";
    private static final String TREE = "activity-service.org-tree";
    private static final List<String> JANUARY_TO_NOVEMBER = List.of("2025-01", "2025-02", "2025-03", "2025-04", "2025-05",
            "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11");

    @Test
    void twelveCommitteeMeetingsAllInDecemberLeaveTheBranchBehindOnElevenNamedMonths() throws Exception {
        Org committee = root();
        Org branch = child(committee, "BRANCH");
        List<UUID> members = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            members.add(fullMember(branch.id(), LocalDate.of(2024, 1, 1)));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object>[] present = members.stream().map(m -> line(m, "PRESENT")).toArray(Map[]::new);
        for (int day = 1; day <= 12; day++) {
            held(branch.id(), "BRANCH_COMMITTEE_MEETING", at("2025-12-%02dT09:00".formatted(day)), present);
        }

        JsonPath report = admin().get("/api/v1/compliance-report?orgId=" + committee.id() + "&year=2025").then().statusCode(200)
                .extract().jsonPath();

        String meetings = "items[0].requirements.find { it.type == 'BRANCH_COMMITTEE_MEETING' }";
        assertEquals(12, report.getInt(meetings + ".required"));
        assertEquals(12, report.getInt(meetings + ".held"));
        assertEquals(1, report.getInt(meetings + ".minimum"));
        assertEquals("MONTH", report.getString(meetings + ".per"));
        assertFalse(report.getBoolean(meetings + ".met"));
        assertEquals(JANUARY_TO_NOVEMBER, report.getList(meetings + ".missedPeriods", String.class));
        assertTrue(report.getBoolean("items[0].behind"));
        assertTrue(report.getList("items[0].behindOn", String.class).contains("BRANCH_COMMITTEE_MEETING"));
        assertEquals(1, report.getInt("summary.branchesBehind"));

        // December alone was met
        JsonPath december = admin().get("/api/v1/compliance-report?orgId=" + committee.id() + "&year=2025&month=12").then()
                .statusCode(200).extract().jsonPath();
        assertTrue(december.getBoolean(meetings + ".met"));
        assertEquals(List.of(), december.getList(meetings + ".missedPeriods", String.class));

        byte[] xlsx = admin().get("/api/v1/compliance-report/xlsx?orgId=" + committee.id() + "&year=2025").then().statusCode(200)
                .extract().asByteArray();
        var lines = Xlsx.sheets(xlsx).get("台账");
        assertEquals("未达标期间", lines.get(0).getCell(12).asString());
        var meetingLines = lines.stream().filter(row -> "支部委员会会议".equals(row.getCell(3).asString())).toList();
        assertEquals(1, meetingLines.size());
        var meetingLine = meetingLines.get(0);
        assertEquals(12, meetingLine.getCell(5).asNumber().intValueExact());
        assertEquals("否", meetingLine.getCell(6).asString());
        assertEquals(String.join("、", JANUARY_TO_NOVEMBER), meetingLine.getCell(12).asString());
    }

    @Test
    void aBranchOfAGovernmentOrganOwesTwentyFourStudySessionsAYearAndOneOfAVillageDoesNot() {
        Org committee = root();
        UUID organ = established(committee, "GOVERNMENT_ORGAN");
        UUID village = established(committee, "VILLAGE");
        for (int i = 0; i < 23; i++) {
            held(organ, "STUDY_SESSION", at("2025-06-%02dT19:00".formatted(i + 1)));
        }

        JsonPath report = admin().get("/api/v1/compliance-report?orgId=" + committee.id() + "&year=2025&size=200").then()
                .statusCode(200).extract().jsonPath();
        String study = "items.find { it.orgId == '" + organ + "' }.requirements.find { it.type == 'STUDY_SESSION' }";
        assertEquals(24, report.getInt(study + ".required"));
        assertEquals(23, report.getInt(study + ".held"));
        assertEquals("YEAR", report.getString(study + ".per"));
        assertEquals(List.of("2025"), report.getList(study + ".missedPeriods", String.class));
        assertNull(report.get("items.find { it.orgId == '" + village + "' }.requirements.find { it.type == 'STUDY_SESSION' }"));
        // a quarter owes no yearly rule
        assertNull(admin().get("/api/v1/compliance-report?orgId=" + committee.id() + "&year=2025&quarter=2&size=200").then()
                .statusCode(200).extract().jsonPath().get(study));
    }

    @Test
    void aBranchsSectorFollowsItsLatestNodeEvent() {
        Org committee = root();
        UUID branch = established(committee, "GOVERNMENT_ORGAN");
        // a later version without the field (an older producer) keeps the sector known
        ObjectNode unchanged = node(branch, committee, 2);
        unchanged.remove("sector");
        awaitApplied(publishNode("organization.changed", unchanged));
        assertEquals(1, count("select count(*) from org_sector where org_id = ?1 and sector = 'GOVERNMENT_ORGAN'", branch));
        // an event older than the copy changes nothing
        awaitApplied(publishNode("organization.changed", node(branch, committee, 1).put("sector", "VILLAGE")));
        assertEquals(1, count("select count(*) from org_sector where org_id = ?1 and sector = 'GOVERNMENT_ORGAN'", branch));
        // sector null: none, so no sector's rule
        awaitApplied(publishNode("organization.changed", node(branch, committee, 3).putNull("sector")));
        assertEquals(1, count("select count(*) from org_sector where org_id = ?1 and sector is null", branch));
        assertNull(admin().get("/api/v1/compliance-report?orgId=" + branch + "&year=2025").then().statusCode(200).extract()
                .jsonPath().get("items[0].requirements.find { it.type == 'STUDY_SESSION' }"));
    }

    /** A branch established under the committee through organization-service's event, with this sector. */
    private static UUID established(Org committee, String sector) {
        UUID id = UUID.randomUUID();
        UUID event = publishNode("organization.established", node(id, committee, 0).put("sector", sector));
        awaitApplied(event);
        awaitProcessed(TREE, event);
        return id;
    }

    private static ObjectNode node(UUID id, Org parent, long version) {
        return json().put("id", id.toString()).put("code", "S" + id.toString().substring(0, 8))
                .put("name", "机关第" + id.toString().substring(0, 4) + "支部").put("type", "BRANCH")
                .put("parentId", parent.id().toString()).put("path", parent.path() + id + "/").put("status", "ACTIVE")
                .put("establishedOn", "2020-01-01").put("version", version);
    }

    private static UUID publishNode(String type, ObjectNode node) {
        UUID event = UUID.randomUUID();
        publish(ORGANIZATION_TOPIC, event, type, node.get("id").asText(), node, "/organization-service");
        return event;
    }

    private static void awaitApplied(UUID event) {
        awaitProcessed(SECTOR, event);
    }
}
