package org.dangjian.organization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.dangjian.organization.Api.as;
import static org.dangjian.organization.Api.asPlatformAdmin;
import static org.dangjian.organization.Api.body;
import static org.dangjian.organization.Api.newChild;
import static org.dangjian.organization.Api.newCommittee;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class LeadershipTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    void anElectionStartsABranchTermOfThreeYearsAndSeatsTheElected() {
        UUID root = newCommittee("选举党委");
        UUID branch = newChild(root, "选举支部", "BRANCH");
        List<UUID> members = Members.in(branch, 2);
        UUID secretary = members.get(0);
        elect(branch, "2025-03-01", seat("SECRETARY", secretary, "王书记"), seat("ORGANIZATION", members.get(1), "李委员"))
                .statusCode(200)
                .body("termStartedOn", equalTo("2025-03-01"))
                .body("termEndsOn", equalTo("2028-02-29"))
                .body("secretaryVacant", equalTo(false))
                .body("seats.seat", containsInAnyOrder("SECRETARY", "ORGANIZATION"));
        asPlatformAdmin().get("/api/v1/organizations/" + branch + "/leadership").then().statusCode(200)
                .body("seats.find { it.seat == 'SECRETARY' }.memberId", equalTo(secretary.toString()));
        asPlatformAdmin().get("/api/v1/organizations/" + branch + "/history").then()
                .body("items.change", contains("ESTABLISHED", "ELECTED"));
    }

    @Test
    void aCommitteeTermIsFiveYearsAndAWorkingCommitteeHasNone() {
        UUID committee = newCommittee("五年党委");
        elect(committee, "2024-07-01").statusCode(200).body("termEndsOn", equalTo("2029-06-30"));
        UUID working = newChild(committee, "街道党工委", "WORKING_COMMITTEE");
        elect(working, "2024-07-01").statusCode(422).body("code", equalTo("LEADERSHIP_NO_TERM_FOR_TYPE"));
    }

    @Test
    void aReElectionEndsTheOldSeatsAndCannotPrecedeTheCurrentTerm() {
        UUID root = newCommittee("换届党委");
        UUID branch = newChild(root, "换届支部", "BRANCH");
        List<UUID> members = Members.in(branch, 2);
        elect(branch, "2023-01-10", seat("SECRETARY", members.get(0), "老书记")).statusCode(200);
        UUID next = members.get(1);
        elect(branch, "2026-01-09", seat("SECRETARY", next, "新书记")).statusCode(200)
                .body("seats", hasSize(1)).body("seats[0].memberId", equalTo(next.toString()))
                .body("termEndsOn", equalTo("2029-01-08"));
        elect(branch, "2026-01-08").statusCode(422).body("code", equalTo("LEADERSHIP_ELECTION_BEFORE_CURRENT_TERM"));
    }

    @Test
    void onlyOneSecretaryAtATimeButSeveralDeputies() {
        UUID root = newCommittee("单一职务党委");
        UUID branch = newChild(root, "单一职务支部", "BRANCH");
        appoint(branch, "SECRETARY", "甲").statusCode(200);
        appoint(branch, "SECRETARY", "乙").statusCode(409).body("code", equalTo("LEADERSHIP_SEAT_TAKEN"));
        appoint(branch, "DEPUTY_SECRETARY", "丙").statusCode(200);
        appoint(branch, "DEPUTY_SECRETARY", "丁").statusCode(200).body("seats", hasSize(3));
    }

    @Test
    void endingTheSecretarysSeatLeavesItVacant() {
        UUID root = newCommittee("空缺党委");
        UUID branch = newChild(root, "空缺支部", "BRANCH");
        String seatId = appoint(branch, "SECRETARY", "离任书记").statusCode(200).extract().path("seats[0].id");
        String started = LocalDate.now(ZONE).toString();
        endSeat(branch, seatId, LocalDate.now(ZONE).minusDays(1).toString()).statusCode(422)
                .body("code", equalTo("LEADERSHIP_SEAT_END_BEFORE_START"));
        endSeat(branch, seatId, started).statusCode(200).body("secretaryVacant", equalTo(true)).body("seats", empty());
        endSeat(branch, seatId, started).statusCode(200).body("secretaryVacant", equalTo(true)).body("seats", empty());
        endSeat(branch, UUID.randomUUID().toString(), started).statusCode(404).body("code", equalTo("LEADERSHIP_SEAT_NOT_FOUND"));
    }

    /** A term ending within N days is due, the day it ends included; overdue starts the day after its last day. */
    @Test
    void reElectionDueAndOverdueListsAtTheirBoundaries() {
        LocalDate today = LocalDate.now(ZONE);
        UUID root = newCommittee("换届提醒党委");
        UUID endsYesterday = branchWithTermEnding(root, "昨日届满支部", today.minusDays(1));
        UUID endsToday = branchWithTermEnding(root, "今日届满支部", today);
        UUID endsInThirty = branchWithTermEnding(root, "三十日届满支部", today.plusDays(30));
        branchWithTermEnding(root, "三十一日届满支部", today.plusDays(31));
        as(Caller.ORG_ADMIN, root).queryParam("withinDays", 30).get("/api/v1/leadership-terms/re-election-due").then()
                .statusCode(200).body("items.organizationId", contains(endsToday.toString(), endsInThirty.toString()));
        as(Caller.ORG_ADMIN, root).get("/api/v1/leadership-terms/overdue").then()
                .statusCode(200).body("items.organizationId", contains(endsYesterday.toString()))
                .body("items[0].termEndsOn", equalTo(today.minusDays(1).toString()));
    }

    @Test
    void theDefaultNoticeIsNinetyDays() {
        LocalDate today = LocalDate.now(ZONE);
        UUID root = newCommittee("九十日党委");
        UUID ninety = branchWithTermEnding(root, "九十日支部", today.plusDays(90));
        branchWithTermEnding(root, "九十一日支部", today.plusDays(91));
        as(Caller.ORG_ADMIN, root).get("/api/v1/leadership-terms/re-election-due").then()
                .statusCode(200).body("items.organizationId", contains(ninety.toString()));
    }

    @Test
    void dueListsCoverOnlyTheCallersSubtree() {
        LocalDate today = LocalDate.now(ZONE);
        UUID mine = newCommittee("本级换届党委");
        UUID other = newCommittee("他级换届党委");
        branchWithTermEnding(other, "他级届满支部", today.minusDays(3));
        as(Caller.ORG_ADMIN, mine).get("/api/v1/leadership-terms/overdue").then().statusCode(200).body("items", empty());
    }

    @Test
    void aChangedTeamIsPublishedWithItsSeats() throws Exception {
        UUID root = newCommittee("班子事件党委");
        UUID branch = newChild(root, "班子事件支部", "BRANCH");
        UUID secretary = Members.in(branch);
        elect(branch, "2025-09-01", seat("SECRETARY", secretary, "事件书记")).statusCode(200);
        ConsumerRecord<String, String> record = OrganizationEventsTest.firstRecord(r -> branch.toString().equals(r.key())
                && "organization.leadership-changed".equals(KafkaCompanion.getHeader(r.headers(), "ce_type")));
        JsonNode data = new ObjectMapper().readTree(record.value());
        assertTrue(OrganizationEventsTest.schema("organization.leadership-changed").validate(data).isEmpty());
        assertEquals("2028-08-31", data.get("termEndsOn").asText());
        assertEquals(secretary.toString(), data.get("seats").get(0).get("memberId").asText());
    }

    /** 2025-06-30 recorded in November: the event says when the seat ended, not when it was recorded. */
    @Test
    void aSeatEndedLateIsPublishedWithItsRealEndDate() throws Exception {
        UUID root = newCommittee("迟录离任党委");
        UUID branch = newChild(root, "迟录离任支部", "BRANCH");
        List<UUID> members = Members.in(branch, 2);
        UUID secretary = members.get(0);
        UUID leaving = members.get(1);
        String seatId = elect(branch, "2023-07-01", seat("SECRETARY", secretary, "在任书记"),
                seat("ORGANIZATION", leaving, "离任委员")).statusCode(200)
                .extract().path("seats.find { it.seat == 'ORGANIZATION' }.id");
        int version = endSeat(branch, seatId, "2025-06-30").statusCode(200).extract().path("version");

        JsonNode data = awaitLeadershipChanged(branch, version);
        assertEquals(1, data.get("seats").size());
        assertEquals(secretary.toString(), data.at("/seats/0/memberId").asText());
        assertEquals(1, data.get("endedSeats").size());
        JsonNode ended = data.get("endedSeats").get(0);
        assertEquals(seatId, ended.get("seatId").asText());
        assertEquals("ORGANIZATION", ended.get("seat").asText());
        assertEquals(leaving.toString(), ended.get("memberId").asText());
        assertEquals("2023-07-01", ended.get("startedOn").asText());
        assertEquals("2025-06-30", ended.get("endedOn").asText());
    }

    /** The election's event ends the previous term's seats on its own day; later changes of the term repeat them. */
    @Test
    void aReElectionPublishesTheSeatsItEndedAndLaterChangesOfTheTermKeepThem() throws Exception {
        UUID root = newCommittee("换届事件党委");
        UUID branch = newChild(root, "换届事件支部", "BRANCH");
        List<UUID> members = Members.in(branch, 2);
        UUID previous = members.get(0);
        UUID next = members.get(1);
        elect(branch, "2023-07-01", seat("SECRETARY", previous, "上届书记")).statusCode(200);
        int elected = elect(branch, "2026-07-01", seat("SECRETARY", next, "本届书记")).statusCode(200)
                .extract().path("version");
        JsonNode data = awaitLeadershipChanged(branch, elected);
        assertEquals(next.toString(), data.at("/seats/0/memberId").asText());
        assertEquals(1, data.get("endedSeats").size());
        assertEquals(previous.toString(), data.at("/endedSeats/0/memberId").asText());
        assertEquals("2026-07-01", data.at("/endedSeats/0/endedOn").asText());

        int appointed = appoint(branch, "DEPUTY_SECRETARY", "增补副书记").statusCode(200).extract().path("version");
        JsonNode later = awaitLeadershipChanged(branch, appointed);
        assertEquals(2, later.get("seats").size());
        assertEquals(previous.toString(), later.at("/endedSeats/0/memberId").asText());
    }

    /** A holding from before the term, ended late, is news of its own change only: later events leave it out. */
    @Test
    void anEndDatedBeforeTheTermIsPublishedByItsOwnChange() throws Exception {
        UUID root = newCommittee("届前离任党委");
        UUID branch = newChild(root, "届前离任支部", "BRANCH");
        elect(branch, "2025-01-01").statusCode(200);
        String seatId = asPlatformAdmin().body(body("seat", "OTHER", "memberId", Members.in(branch), "memberName", "届前委员",
                        "startedOn", "2024-06-01", "reason", "补录"))
                .post("/api/v1/organizations/" + branch + "/leadership/seats").then().statusCode(200)
                .extract().path("seats[0].id");
        int ended = endSeat(branch, seatId, "2024-12-01").statusCode(200).extract().path("version");
        JsonNode data = awaitLeadershipChanged(branch, ended);
        assertEquals(seatId, data.at("/endedSeats/0/seatId").asText());
        assertEquals("2024-12-01", data.at("/endedSeats/0/endedOn").asText());

        int appointed = appoint(branch, "SECRETARY", "届内书记").statusCode(200).extract().path("version");
        assertEquals(0, awaitLeadershipChanged(branch, appointed).get("endedSeats").size());
    }

    /** The organization.leadership-changed record of that team version, checked against its schema. */
    private static JsonNode awaitLeadershipChanged(UUID organization, int version) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ConsumerRecord<String, String> record = OrganizationEventsTest.firstRecord(r -> organization.toString().equals(r.key())
                && "organization.leadership-changed".equals(KafkaCompanion.getHeader(r.headers(), "ce_type"))
                && version == versionOf(json, r.value()));
        JsonNode data = json.readTree(record.value());
        assertEquals(version, data.get("version").asInt());
        var errors = OrganizationEventsTest.schema("organization.leadership-changed").validate(data);
        assertTrue(errors.isEmpty(), errors::toString);
        return data;
    }

    @Test
    void leadershipNeedsATokenAnAdminRoleToChangeAndScope() {
        UUID mine = newCommittee("班子权限党委");
        UUID sibling = newCommittee("班子兄弟党委");
        given().get("/api/v1/organizations/" + mine + "/leadership").then().statusCode(401);
        given().get("/api/v1/leadership-terms/overdue").then().statusCode(401);
        as(Caller.MEMBER, mine).get("/api/v1/organizations/" + mine + "/leadership").then().statusCode(403);
        as(Caller.MEMBER, mine).get("/api/v1/leadership-terms/re-election-due").then().statusCode(403);
        as(Caller.BRANCH_SECRETARY, mine).body(body("seats", List.of()))
                .post("/api/v1/organizations/" + mine + "/leadership/elections").then().statusCode(403);
        as(Caller.ORG_ADMIN, mine).get("/api/v1/organizations/" + sibling + "/leadership").then().statusCode(404)
                .body("code", equalTo("ORGANIZATION_NOT_FOUND"));
        as(Caller.ORG_ADMIN, mine).body(body("seat", "SECRETARY", "memberId", UUID.randomUUID(), "memberName", "x", "reason", "r"))
                .post("/api/v1/organizations/" + sibling + "/leadership/seats").then().statusCode(404);
    }

    private static int versionOf(ObjectMapper json, String value) {
        try {
            return json.readTree(value).path("version").asInt(-1);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    /** A branch whose current term's last day is {@code lastDay} (3-year branch terms). */
    private static UUID branchWithTermEnding(UUID root, String name, LocalDate lastDay) {
        UUID branch = newChild(root, name, "BRANCH");
        LocalDate electedOn = lastDay.plusDays(1).minusYears(3);
        elect(branch, electedOn.toString()).statusCode(200).body("termEndsOn", equalTo(lastDay.toString()));
        return branch;
    }

    private static Map<String, Object> seat(String seat, UUID memberId, String name) {
        return body("seat", seat, "memberId", memberId, "memberName", name);
    }

    @SafeVarargs
    private static ValidatableResponse elect(UUID organization, String on, Map<String, Object>... seats) {
        return asPlatformAdmin().body(body("electedOn", on, "seats", List.of(seats)))
                .post("/api/v1/organizations/" + organization + "/leadership/elections").then();
    }

    private static ValidatableResponse appoint(UUID organization, String seat, String name) {
        return asPlatformAdmin().body(body("seat", seat, "memberId", Members.in(organization), "memberName", name, "reason", "增补"))
                .post("/api/v1/organizations/" + organization + "/leadership/seats").then();
    }

    private static ValidatableResponse endSeat(UUID organization, String seatId, String on) {
        return asPlatformAdmin().body(body("endedOn", on, "reason", "调离"))
                .post("/api/v1/organizations/" + organization + "/leadership/seats/" + seatId + "/end").then();
    }
}
