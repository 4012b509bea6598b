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
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.dangjian.activity.Activities.held;
import static org.dangjian.activity.Activities.line;
import static org.dangjian.activity.ComplianceReportTest.at;
import static org.dangjian.activity.Fixtures.*;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
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
        await("first delivery").atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from leadership_seat where member_id = ?1", member) == 1);
        ObjectNode data = json().put("organizationId", branch.id().toString()).put("path", branch.path()).put("version", 1);
        data.putArray("seats");
        // The same event id with other content: a redelivery must not be applied again.
        publish(ORGANIZATION_TOPIC, eventId, "organization.leadership-changed", branch.id().toString(), data,
                "/organization-service");
        // A stale team on the same key (same partition, so consumed after the redelivery) marks that it was read.
        UUID marker = leadershipChanged(branch, 0);
        await("later event of the organization read").atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from processed_event where consumer = 'activity-service.leadership' and event_id = ?1",
                marker) == 1);
        assertEquals(1, count("select count(*) from leadership_seat where member_id = ?1 and ended_on is null", member));
    }

    @Test
    void schemaExamplesOfOrganizationServiceAreAppliedWithTheirEndDates() throws Exception {
        // The producer's contract, read from organization-service's sources (this module's sibling).
        JsonNode schema = new ObjectMapper().readTree(Files.readString(Path.of(
                "../organization-service/src/main/resources/events/organization.leadership-changed.schema.json")));
        for (JsonNode node : schema.get("examples")) {
            ObjectNode example = (ObjectNode) node;
            publish(ORGANIZATION_TOPIC, UUID.randomUUID(), "organization.leadership-changed",
                    example.get("organizationId").asText(), example, "/organization-service");
            for (JsonNode open : example.get("seats")) {
                await("open seat of the example applied").atMost(Duration.ofSeconds(30)).until(() -> count("""
                        select count(*) from leadership_seat where seat_id = ?1 and ended_on is null""",
                        UUID.fromString(open.get("seatId").asText())) == 1);
            }
            for (JsonNode ended : example.path("endedSeats")) {
                await("ended seat of the example applied").atMost(Duration.ofSeconds(30)).until(() -> count("""
                        select count(*) from leadership_seat where seat_id = ?1 and ended_on = ?2""",
                        UUID.fromString(ended.get("seatId").asText()), LocalDate.parse(ended.get("endedOn").asText())) == 1);
            }
        }
    }

    /**
     * A committee member left on 2025-06-30 and it was recorded in November 2026 (the event's day): they
     * owed the leaders' 56 h for periods that end before that day, not for those that end on or after it.
     */
    @Test
    void seatEndedInJuneRecordedLaterIsHeldUntilThenOnly() {
        Org branch = child(root(), "BRANCH");
        UUID secretary = fullMember(branch.id(), SINCE);
        UUID leaving = fullMember(branch.id(), SINCE);
        ObjectNode secretarySeat = seat("SECRETARY", secretary, SINCE);
        ObjectNode leavingSeat = seat("ORGANIZATION", leaving, SINCE);
        leadership(branch, 1, secretarySeat, leavingSeat);
        held(branch.id(), "TRAINING", at("2025-03-01T09:00"), line(secretary, "PRESENT", new BigDecimal("60")),
                line(leaving, "PRESENT", new BigDecimal("40")));
        leadership(branch, 2, List.of(secretarySeat), List.of(endedSeat(leavingSeat, LocalDate.of(2025, 6, 30))));

        admin().get(participation(leaving, 2025)).then().statusCode(200)
                .body("requirementBasis", equalTo("MEMBER")).body("seats", empty())
                .body("trainingHoursRequired", equalTo(32.0f)).body("trainingRequirementMet", equalTo(true));
        assertEquals(0, leadersBelowTrainingHours(branch, "year=2025"));
        assertEquals(0, leadersBelowTrainingHours(branch, "year=2025&quarter=3"));
        assertEquals(1, leadersBelowTrainingHours(branch, "year=2025&quarter=1"));
        assertEquals(1, leadersBelowTrainingHours(branch, "year=2025&month=5"));
        // endedOn is the first day no longer held (a successor may start that day): June's last day is not theirs.
        assertEquals(0, leadersBelowTrainingHours(branch, "year=2025&month=6"));
    }

    /** The term ended 2025-06-30, the re-election of 2025-07-01 recorded late: the old secretary led the first half. */
    @Test
    void reElectionRecordedLateEndsTheOldSecretaryOnElectionDay() {
        Org branch = child(root(), "BRANCH");
        UUID previous = fullMember(branch.id(), SINCE);
        UUID next = fullMember(branch.id(), SINCE);
        ObjectNode previousSeat = seat("SECRETARY", previous, LocalDate.of(2022, 7, 1));
        leadership(branch, 1, previousSeat);
        held(branch.id(), "TRAINING", at("2025-03-01T09:00"), line(previous, "PRESENT", new BigDecimal("40")),
                line(next, "PRESENT", new BigDecimal("60")));
        LocalDate electedOn = LocalDate.of(2025, 7, 1);
        leadership(branch, 2, List.of(seat("SECRETARY", next, electedOn)), List.of(endedSeat(previousSeat, electedOn)));

        assertEquals(1, leadersBelowTrainingHours(branch, "year=2025&quarter=2"));
        assertEquals(0, leadersBelowTrainingHours(branch, "year=2025&quarter=3"));
        admin().get(participation(previous, 2025)).then().statusCode(200).body("requirementBasis", equalTo("MEMBER"));
        admin().get(participation(next, 2025)).then().statusCode(200).body("requirementBasis", equalTo("LEADER"))
                .body("seats", contains("SECRETARY"));
    }

    /** An event without endedSeats (published before they existed, or replayed) still ends a seat on its day. */
    @Test
    void oldEventWithoutEndDatesEndsTheSeatOnItsDayAndANewerOneCorrectsIt() {
        Org branch = child(root(), "BRANCH");
        UUID member = fullMember(branch.id(), SINCE);
        UUID successor = fullMember(branch.id(), SINCE);
        ObjectNode memberSeat = seat("SECRETARY", member, SINCE);
        ObjectNode successorSeat = seat("SECRETARY", successor, LocalDate.of(2025, 6, 30));
        UUID seatId = UUID.fromString(memberSeat.get("seatId").asText());
        leadership(branch, 1, memberSeat);
        leadership(branch, 2, successorSeat);
        LocalDate eventDay = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertEquals(1, count("select count(*) from leadership_seat where seat_id = ?1 and ended_on = ?2", seatId, eventDay));

        leadership(branch, 3, List.of(successorSeat), List.of(endedSeat(memberSeat, LocalDate.of(2025, 6, 30))));
        assertEquals(1, count("select count(*) from leadership_seat where seat_id = ?1 and ended_on = ?2", seatId,
                LocalDate.of(2025, 6, 30)));
        admin().get(participation(member, 2025)).then().statusCode(200).body("requirementBasis", equalTo("MEMBER"));
    }

    @Test
    void olderTeamWithEndDatesArrivingLateChangesNothing() {
        Org branch = child(root(), "BRANCH");
        UUID current = fullMember(branch.id(), SINCE);
        ObjectNode currentSeat = seat("SECRETARY", current, SINCE);
        leadership(branch, 3, currentSeat);
        leadership(branch, 2, List.of(), List.of(endedSeat(currentSeat, LocalDate.of(2025, 6, 30))));

        assertEquals(3, count("select source_version from leadership_team where org_id = ?1", branch.id()));
        assertEquals(1, count("select count(*) from leadership_seat where member_id = ?1 and ended_on is null", current));
    }

    private static long leadersBelowTrainingHours(Org branch, String period) {
        return admin().get("/api/v1/compliance-report?orgId=" + branch.id() + "&" + period).then().statusCode(200)
                .extract().jsonPath().getLong("items[0].leadersBelowTrainingHours");
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
        assertEquals(2, report.getInt("items[0].membersBelowTrainingHours"));
        assertEquals(2, report.getInt("items[0].leadersBelowTrainingHours"));
    }
}
