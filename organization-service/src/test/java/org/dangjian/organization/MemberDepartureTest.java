package org.dangjian.organization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;
import static org.dangjian.organization.Api.asPlatformAdmin;
import static org.dangjian.organization.Api.body;
import static org.dangjian.organization.Api.command;
import static org.dangjian.organization.Api.newChildSince;
import static org.dangjian.organization.Api.newCommitteeSince;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A member who transfers, leaves the platform or whose membership ends loses the seats and grid roles of the
 * organizations they no longer belong to, on the day it happened, with the history kept and the change published;
 * a dissolved organization's seats end on its dissolution day.
 */
@QuarkusTest
class MemberDepartureTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate SINCE = LocalDate.of(2024, 1, 1);

    @Inject
    EntityManager em;

    @Test
    void aTransferToAnotherBranchEndsTheOldBranchsRolesOnItsDayAndKeepsTheCommittees() throws Exception {
        UUID committee = newCommitteeSince("转接党委", SINCE);
        UUID from = newChildSince(committee, "转接原支部", "BRANCH", SINCE);
        UUID to = newChildSince(committee, "转接新支部", "BRANCH", SINCE);
        UUID member = Members.in(from);
        String branchSeat = appoint(from, "SECRETARY", member, "2025-01-05");
        String committeeSeat = appoint(committee, "OTHER", member, "2025-01-05");
        String branchGrid = grid(from, member);
        String committeeGrid = grid(committee, null);
        joinGrid(committeeGrid, member);

        Members.transfer(member, from, to, "2025-06-30", 2);

        JsonNode published = awaitLeadershipChanged(from, data -> data.get("endedSeats").size() > 0);
        assertEquals(0, published.get("seats").size());
        JsonNode ended = published.at("/endedSeats/0");
        assertEquals(branchSeat, ended.get("seatId").asText());
        assertEquals(member.toString(), ended.get("memberId").asText());
        assertEquals("2025-06-30", ended.get("endedOn").asText());
        asPlatformAdmin().get("/api/v1/organizations/" + from + "/leadership").then()
                .body("secretaryVacant", equalTo(true)).body("seats", hasSize(0));
        asPlatformAdmin().get("/api/v1/organizations/" + from + "/history").then()
                .body("items.change[-1]", equalTo("SEAT_ENDED")).body("items[-1].effectiveOn", equalTo("2025-06-30"))
                .body("items[-1].reason", equalTo("组织关系转接")).body("items[-1].actor", equalTo("system"));
        List<String> findings = asPlatformAdmin().get("/api/v1/organizations/" + committee + "/structure/compliance").then()
                .statusCode(200).extract().path("items.find { it.organizationId == '" + from + "' }.findings.rule");
        assertTrue(findings.contains("SECRETARY_VACANT"), findings::toString);

        // the committee's seat and grid stay: the new branch is still below the committee
        asPlatformAdmin().get("/api/v1/organizations/" + committee + "/leadership").then()
                .body("seats.id", contains(committeeSeat));
        asPlatformAdmin().get("/api/v1/grids/" + committeeGrid).then().body("members.memberId", contains(member.toString()));
        asPlatformAdmin().get("/api/v1/grids/" + branchGrid).then().statusCode(200)
                .body("leaderMemberId", nullValue()).body("leaderName", nullValue());
        asPlatformAdmin().get("/api/v1/grids/" + branchGrid + "/history").then()
                .body("items.action[-1]", equalTo("GRID_LEADER_CHANGED")).body("items[-1].after.reason", equalTo("组织关系转接"));
    }

    /** A seat recorded as starting after the day the member left ends the day it began: never before. */
    @Test
    void leavingThePlatformEndsEverySeatAndGridRole() throws Exception {
        UUID committee = newCommitteeSince("离开平台党委", SINCE);
        UUID branch = newChildSince(committee, "离开平台支部", "BRANCH", SINCE);
        UUID member = Members.in(branch);
        appoint(branch, "SECRETARY", member, "2025-01-05");
        String lateSeat = appoint(committee, "DEPUTY_SECRETARY", member, "2025-08-01");
        String grid = grid(committee, null);
        joinGrid(grid, member);

        Members.transfer(member, branch, null, "2025-07-31", 2);

        awaitLeadershipChanged(branch, data -> data.get("endedSeats").size() == 1 && data.get("seats").isEmpty());
        JsonNode committeeTeam = awaitLeadershipChanged(committee, data -> data.get("endedSeats").size() == 1);
        assertEquals(lateSeat, committeeTeam.at("/endedSeats/0/seatId").asText());
        assertEquals("2025-08-01", committeeTeam.at("/endedSeats/0/endedOn").asText());
        asPlatformAdmin().get("/api/v1/organizations/" + committee + "/history").then()
                .body("items[-1].reason", equalTo("组织关系转出本平台"));
        awaitGridMembers(grid, 0);
        asPlatformAdmin().get("/api/v1/grids/" + grid + "/history").then()
                .body("items.action[-1]", equalTo("GRID_MEMBER_LEFT")).body("items[-1].after.leftOn", equalTo(today().toString()))
                .body("items[-1].after.reason", equalTo("组织关系转出本平台"));
    }

    @Test
    void anEndedMembershipEndsTheSeatsOnTheDayItEnded() throws Exception {
        UUID committee = newCommitteeSince("党籍终止党委", SINCE);
        UUID branch = newChildSince(committee, "党籍终止支部", "BRANCH", SINCE);
        UUID member = Members.in(branch);
        String seat = appoint(branch, "SECRETARY", member, "2025-01-05");

        Members.send("member.ended", member, Map.of("orgId", branch, "endType", "DECEASED", "endedOn", "2025-10-08",
                "version", 2));

        JsonNode data = awaitLeadershipChanged(branch, d -> d.get("endedSeats").size() == 1);
        assertEquals(seat, data.at("/endedSeats/0/seatId").asText());
        assertEquals("2025-10-08", data.at("/endedSeats/0/endedOn").asText());
        asPlatformAdmin().get("/api/v1/organizations/" + branch + "/history").then()
                .body("items[-1].reason", equalTo("党籍终止：去世"));
        Members.count(branch).body("fullMembers", equalTo(0));
    }

    /** member.ended of version 2 arriving after member.transferred of version 3: the member is not ended, the seat stays. */
    @Test
    void anEventOlderThanTheMembersLastEndsNothing() {
        UUID committee = newCommitteeSince("迟到事件党委", SINCE);
        UUID from = newChildSince(committee, "迟到事件原支部", "BRANCH", SINCE);
        UUID to = newChildSince(committee, "迟到事件新支部", "BRANCH", SINCE);
        UUID member = Members.in(from);
        String seat = appoint(committee, "OTHER", member, "2025-01-05");
        Members.transfer(member, from, to, "2025-06-30", 3);

        UUID stale = Members.send("member.ended", member, Map.of("orgId", from, "endType", "WITHDRAWN", "endedOn", "2025-05-01",
                "version", 2));
        awaitApplied(stale);

        Members.roster(to, member).statusCode(200).body("onRoster", equalTo(true)).body("organizationId", equalTo(to.toString()))
                .body("version", equalTo(3));
        asPlatformAdmin().get("/api/v1/organizations/" + committee + "/leadership").then().body("seats.id", contains(seat));
    }

    @Test
    void aDissolvedBranchsSeatsEndOnTheDissolutionDayBeforeItsDissolutionIsPublished() throws Exception {
        UUID committee = newCommitteeSince("撤销班子党委", SINCE);
        UUID branch = newChildSince(committee, "撤销班子支部", "BRANCH", SINCE);
        String seat = appoint(branch, "SECRETARY", Members.in(branch), "2025-01-05");

        command(branch, "dissolve", body("dissolvedOn", "2025-12-31", "reason", "企业关闭")).statusCode(200);

        ConsumerRecord<String, String> changed = awaitRecord(branch, "organization.leadership-changed",
                data -> data.get("endedSeats").size() == 1);
        JsonNode data = JSON.readTree(changed.value());
        assertEquals(seat, data.at("/endedSeats/0/seatId").asText());
        assertEquals("2025-12-31", data.at("/endedSeats/0/endedOn").asText());
        assertEquals(0, data.get("seats").size());
        ConsumerRecord<String, String> dissolved = awaitRecord(branch, "organization.dissolved", d -> true);
        assertTrue(changed.offset() < dissolved.offset(), "the seat's end is published before the dissolution");
        asPlatformAdmin().get("/api/v1/organizations/" + branch + "/history").then()
                .body("items.change", contains("ESTABLISHED", "SEAT_TAKEN", "SEAT_ENDED", "DISSOLVED"))
                .body("items[2].reason", equalTo("组织撤销"));
    }

    @Test
    void anAbsorbedBranchsSeatsEndOnTheMergeDay() throws Exception {
        UUID committee = newCommitteeSince("合并班子党委", SINCE);
        UUID survivor = newChildSince(committee, "合并班子存续支部", "BRANCH", SINCE);
        UUID absorbed = newChildSince(committee, "合并班子撤销支部", "BRANCH", SINCE);
        appoint(absorbed, "SECRETARY", Members.in(absorbed), "2025-01-05");
        String kept = appoint(survivor, "SECRETARY", Members.in(survivor), "2025-01-05");

        command(survivor, "merge", body("absorbedId", absorbed, "mergedOn", "2025-11-30", "reason", "两支部合并"))
                .statusCode(200);

        JsonNode data = awaitLeadershipChanged(absorbed, d -> d.get("endedSeats").size() == 1);
        assertEquals("2025-11-30", data.at("/endedSeats/0/endedOn").asText());
        asPlatformAdmin().get("/api/v1/organizations/" + absorbed + "/history").then()
                .body("items.find { it.change == 'SEAT_ENDED' }.reason", equalTo("组织合并"));
        asPlatformAdmin().get("/api/v1/organizations/" + survivor + "/leadership").then().body("seats.id", contains(kept));
    }

    private static String appoint(UUID organization, String seat, UUID member, String startedOn) {
        return asPlatformAdmin().body(body("seat", seat, "memberId", member, "memberName", "任职党员", "startedOn", startedOn,
                        "reason", "增补")).post("/api/v1/organizations/" + organization + "/leadership/seats").then()
                .statusCode(200).extract().path("seats.find { it.memberId == '" + member + "' && it.seat == '" + seat + "' }.id");
    }

    private static String grid(UUID organization, UUID leader) {
        Map<String, Object> body = body("organizationId", organization, "name", "离任网格", "leaderName", "林格长",
                "area", "东门路", "households", 10);
        if (leader != null) {
            body.put("leaderMemberId", leader.toString());
        }
        return asPlatformAdmin().body(body).post("/api/v1/grids").then().statusCode(201).extract().path("id");
    }

    private static void joinGrid(String grid, UUID member) {
        asPlatformAdmin().body(body("memberId", member, "memberName", "网格党员")).post("/api/v1/grids/" + grid + "/members")
                .then().statusCode(200);
    }

    private static void awaitGridMembers(String grid, int size) {
        await("grid " + grid + " has " + size + " members").atMost(Duration.ofSeconds(30))
                .until(() -> asPlatformAdmin().get("/api/v1/grids/" + grid).then().extract().<List<?>>path("members").size() == size);
    }

    private static LocalDate today() {
        return LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    }

    /** The organization's leadership-changed event whose data matches, checked against its schema. */
    private static JsonNode awaitLeadershipChanged(UUID organization, Predicate<JsonNode> match) throws Exception {
        JsonNode data = JSON.readTree(awaitRecord(organization, "organization.leadership-changed", match).value());
        var errors = OrganizationEventsTest.schema("organization.leadership-changed").validate(data);
        assertTrue(errors.isEmpty(), errors::toString);
        return data;
    }

    private static ConsumerRecord<String, String> awaitRecord(UUID organization, String type, Predicate<JsonNode> match) {
        return OrganizationEventsTest.firstRecord(r -> organization.toString().equals(r.key())
                && type.equals(KafkaCompanion.getHeader(r.headers(), "ce_type")) && match.test(read(r.value())));
    }

    private static JsonNode read(String value) {
        try {
            return JSON.readTree(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitApplied(UUID eventId) {
        await("event " + eventId + " applied").atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from processed_event where event_id = ?1").setParameter(1, eventId).getSingleResult())
                        .longValue()) > 0);
    }
}
