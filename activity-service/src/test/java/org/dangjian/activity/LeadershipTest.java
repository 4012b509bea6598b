package org.dangjian.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.dangjian.activity.Fixtures.Org;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;

import static org.dangjian.activity.Activities.held;
import static org.dangjian.activity.Activities.line;
import static org.dangjian.activity.ComplianceReportTest.at;
import static org.dangjian.activity.Fixtures.*;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The copy of leadership seats from organization.leadership-changed, and the 56 h it imposes. */
@QuarkusTest
class LeadershipTest {

    private static final LocalDate SINCE = LocalDate.of(2024, 1, 1);

    private static String participation(UUID member, int year) {
        return "/api/v1/members/" + member + "/participation?year=" + year;
    }

    @Test
    void secretaryOwesTheLeadersTrainingHours() {
        Org branch = child(root(), "BRANCH");
        UUID secretary = fullMember(branch.id(), SINCE);
        leadership(branch, 1, seat("SECRETARY", secretary, SINCE));
        held(branch.id(), "TRAINING", at("2025-03-01T09:00"), line(secretary, "PRESENT", new BigDecimal("55.5")));

        admin().get(participation(secretary, 2025)).then().statusCode(200)
                .body("requirementBasis", equalTo("LEADER"))
                .body("requirementAsOf", equalTo("2025-12-31"))
                .body("seats", contains("SECRETARY"))
                .body("trainingHours", equalTo(55.5f))
                .body("trainingHoursRequired", equalTo(56.0f))
                .body("trainingRequirementMet", equalTo(false));
    }

    @Test
    void committeeMemberWithFiftySixHoursMeetsTheRequirement() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), SINCE);
        leadership(branch, 1, seat("PUBLICITY", member, SINCE));
        held(branch.id(), "TRAINING", at("2025-03-01T09:00"), line(member, "PRESENT", new BigDecimal("56")));
        admin().get(participation(member, 2025)).then().statusCode(200)
                .body("requirementBasis", equalTo("LEADER")).body("trainingRequirementMet", equalTo(true));
    }

    @Test
    void seatTakenAfterTheYearDoesNotRaiseThatYearsRequirement() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), SINCE);
        leadership(branch, 1, seat("SECRETARY", member, LocalDate.of(2026, 1, 1)));
        admin().get(participation(member, 2025)).then().statusCode(200)
                .body("requirementBasis", equalTo("MEMBER")).body("trainingHoursRequired", equalTo(32.0f));
    }

    @Test
    void seatLeftInANewerTeamEndsOnTheDayOfTheChangeAndKeepsTheEarlierYear() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), SINCE);
        UUID successor = fullMember(branch.id(), SINCE);
        leadership(branch, 1, seat("SECRETARY", member, SINCE));
        leadership(branch, 2, seat("SECRETARY", successor, LocalDate.now()));

        int thisYear = LocalDate.now().getYear();
        admin().get(participation(member, thisYear)).then().statusCode(200)
                .body("requirementBasis", equalTo("MEMBER")).body("seats", empty());
        admin().get(participation(member, 2025)).then().statusCode(200).body("requirementBasis", equalTo("LEADER"));
        admin().get(participation(successor, thisYear)).then().statusCode(200).body("requirementBasis", equalTo("LEADER"));
    }

    @Test
    void olderTeamArrivingLateChangesNothing() {
        Org branch = child(root(), "BRANCH");
        UUID current = fullMember(branch.id(), SINCE);
        UUID former = fullMember(branch.id(), SINCE);
        leadership(branch, 3, seat("SECRETARY", current, SINCE));
        leadership(branch, 2, seat("SECRETARY", former, SINCE));

        assertEquals(3, count("select source_version from leadership_team where org_id = ?1", branch.id()));
        assertEquals(0, count("select count(*) from leadership_seat where member_id = ?1", former));
        assertEquals(1, count("select count(*) from leadership_seat where member_id = ?1 and ended_on is null", current));
    }

    @Test
    void redeliveredEventIsAppliedOnce() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), SINCE);
        ObjectNode seat = seat("SECRETARY", member, SINCE);
        UUID eventId = leadershipChanged(branch, 1, seat);
        await("first delivery", () -> count("select count(*) from leadership_seat where member_id = ?1", member) == 1);
        ObjectNode data = json().put("organizationId", branch.id().toString()).put("path", branch.path()).put("version", 1);
        data.putArray("seats");
        // The same event id with other content: a redelivery must not be applied again.
        publish(ORGANIZATION_TOPIC, eventId, "organization.leadership-changed", branch.id().toString(), data,
                "/organization-service");
        // A stale team on the same key (same partition, so consumed after the redelivery) marks that it was read.
        UUID marker = leadershipChanged(branch, 0);
        await("later event of the organization read", () -> count(
                "select count(*) from processed_event where consumer = 'activity-service.leadership' and event_id = ?1",
                marker) == 1);
        assertEquals(1, count("select count(*) from leadership_seat where member_id = ?1 and ended_on is null", member));
    }

    @Test
    void schemaExampleOfOrganizationServiceIsApplied() throws Exception {
        // The producer's contract, read from organization-service's sources (this module's sibling).
        JsonNode schema = new ObjectMapper().readTree(Files.readString(Path.of(
                "../organization-service/src/main/resources/events/organization.leadership-changed.schema.json")));
        ObjectNode example = (ObjectNode) schema.get("examples").get(0);
        UUID memberId = UUID.fromString(example.get("seats").get(0).get("memberId").asText());
        publish(ORGANIZATION_TOPIC, UUID.randomUUID(), "organization.leadership-changed",
                example.get("organizationId").asText(), example, "/organization-service");
        await("example applied", () -> count("""
                select count(*) from leadership_seat where member_id = ?1 and seat = 'SECRETARY' and ended_on is null""",
                memberId) == 1);
    }

    @Test
    void complianceReportHoldsSecretariesAndCommitteeMembersToFiftySixHours() {
        Org branch = child(root(), "BRANCH");
        UUID secretary = fullMember(branch.id(), SINCE);
        UUID member = fullMember(branch.id(), SINCE);
        UUID formerSecretary = fullMember(branch.id(), SINCE);
        leadership(branch, 1, seat("SECRETARY", secretary, SINCE), seat("ORGANIZATION", formerSecretary, SINCE));
        leadership(branch, 2, seat("SECRETARY", secretary, SINCE));
        held(branch.id(), "TRAINING", at("2025-03-01T09:00"), line(secretary, "PRESENT", new BigDecimal("40")),
                line(member, "PRESENT", new BigDecimal("40")), line(formerSecretary, "PRESENT", new BigDecimal("40")));

        // The former committee member left the seat today: in 2025 they still owed 56 h.
        var report = admin().get("/api/v1/compliance-report?orgId=" + branch.id() + "&year=2025").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(2, report.getInt("branches[0].membersBelowTrainingHours"));
        assertEquals(2, report.getInt("branches[0].leadersBelowTrainingHours"));
    }
}
