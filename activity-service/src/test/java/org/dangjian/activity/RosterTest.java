package org.dangjian.activity;

import io.quarkus.test.junit.QuarkusTest;
import org.dangjian.activity.Fixtures.Org;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.dangjian.activity.Fixtures.*;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class RosterTest {

    private static final LocalDate D = LocalDate.of(2025, 3, 10);

    private static List<String> rosterOn(Org org, LocalDate on) {
        return admin().get("/api/v1/organizations/" + org.id() + "/roster?on=" + on).then().statusCode(200)
                .extract().jsonPath().getList("items.memberId", String.class);
    }

    private static void awaitVersion(UUID member, long version) {
        await("member " + member + " v" + version).atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from roster_member where member_id = ?1 and source_version = ?2", member, version) == 1);
    }

    @Test
    void registeredMemberIsOnTheRosterFromTheRegistrationDayNotBefore() {
        Org branch = child(root(), "BRANCH");
        UUID member = UUID.randomUUID();
        registered(member, branch.id(), "FULL", "张三", D, 1);
        awaitVersion(member, 1);

        assertEquals(List.of(), rosterOn(branch, D.minusDays(1)));
        assertEquals(List.of(member.toString()), rosterOn(branch, D));
        assertEquals(List.of(member.toString()), rosterOn(branch, D.plusDays(1)));
    }

    @Test
    void transferredMemberLeavesTheOldRosterOnTheTransferDayAndJoinsTheNew() {
        Org committee = root();
        Org from = child(committee, "BRANCH");
        Org to = child(committee, "BRANCH");
        UUID member = UUID.randomUUID();
        registered(member, from.id(), "FULL", "李四", D, 1);
        transferred(member, from.id(), to.id(), D.plusMonths(2), 2);
        awaitVersion(member, 2);

        LocalDate day = D.plusMonths(2);
        assertEquals(List.of(member.toString()), rosterOn(from, day.minusDays(1)));
        assertEquals(List.of(), rosterOn(to, day.minusDays(1)));
        assertEquals(List.of(), rosterOn(from, day));
        assertEquals(List.of(member.toString()), rosterOn(to, day));
    }

    @Test
    void eventsArrivingOutOfOrderGiveTheSamePeriods() {
        Org committee = root();
        Org from = child(committee, "BRANCH");
        Org to = child(committee, "BRANCH");
        UUID member = UUID.randomUUID();
        transferred(member, from.id(), to.id(), D.plusMonths(2), 2);
        registered(member, from.id(), "FULL", "王五", D, 1);
        await("both events").atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from member_event where member_id = ?1", member) == 2);

        assertEquals(List.of(member.toString()), rosterOn(from, D));
        assertEquals(List.of(), rosterOn(from, D.plusMonths(2)));
        assertEquals(List.of(member.toString()), rosterOn(to, D.plusMonths(2)));
        admin().get("/api/v1/organizations/" + from.id() + "/roster?on=" + D).then()
                .body("items[0].name", equalTo("王五")).body("items[0].stage", equalTo("FULL"));
    }

    @Test
    void redeliveredEventIsAppliedOnce() {
        Org branch = child(root(), "BRANCH");
        UUID member = UUID.randomUUID();
        var data = json().put("memberId", member.toString()).put("orgId", branch.id().toString()).put("stage", "FULL")
                .put("name", "赵六").put("registeredOn", D.toString()).put("version", 1);
        UUID eventId = UUID.randomUUID();
        publish(MEMBER_TOPIC, eventId, "member.registered", member.toString(), data, "/member-service");
        publish(MEMBER_TOPIC, eventId, "member.registered", member.toString(), data, "/member-service");
        ended(member, branch.id(), "DECEASED", D.plusYears(1), 2);
        awaitVersion(member, 2);

        assertEquals(1, count("select count(*) from processed_event where event_id = ?1", eventId));
        assertEquals(1, count("select count(*) from member_event where event_id = ?1", eventId));
        assertEquals(1, count("select count(*) from membership_period where member_id = ?1", member));
    }

    @Test
    void endedMemberIsNotOnTheRosterFromTheEndDay() {
        Org branch = child(root(), "BRANCH");
        UUID member = UUID.randomUUID();
        registered(member, branch.id(), "FULL", "钱七", D, 1);
        ended(member, branch.id(), "WITHDRAWN", D.plusDays(30), 2);
        awaitVersion(member, 2);

        assertEquals(List.of(member.toString()), rosterOn(branch, D.plusDays(29)));
        assertEquals(List.of(), rosterOn(branch, D.plusDays(30)));
    }

    @Test
    void applicantJoinsTheRosterOnlyOnceProbationary() {
        Org branch = child(root(), "BRANCH");
        UUID member = UUID.randomUUID();
        registered(member, branch.id(), "ACTIVIST", "孙八", D, 1);
        stageChanged(member, branch.id(), "ACTIVIST", "PROBATIONARY", D.plusMonths(6), 2);
        awaitVersion(member, 2);

        assertEquals(List.of(), rosterOn(branch, D.plusMonths(6).minusDays(1)));
        assertEquals(List.of(member.toString()), rosterOn(branch, D.plusMonths(6)));
    }

    @Test
    void rosterNeedsAToken() {
        given().get("/api/v1/organizations/" + UUID.randomUUID() + "/roster").then().statusCode(401);
    }

    @Test
    void rosterIsRefusedToAMember() {
        Org branch = child(root(), "BRANCH");
        asMember(branch.id(), UUID.randomUUID()).get("/api/v1/organizations/" + branch.id() + "/roster").then()
                .statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void rosterOfASiblingSubtreeIsNotFound() {
        Org mine = root();
        Org theirs = child(root(), "BRANCH");
        as(Caller.ORG_ADMIN, mine.id()).get("/api/v1/organizations/" + theirs.id() + "/roster").then()
                .statusCode(404).body("code", equalTo("ORGANIZATION_NOT_FOUND"));
        as(Caller.ORG_ADMIN, mine.id()).get("/api/v1/organizations/" + mine.id() + "/roster").then()
                .statusCode(200).body("items", hasSize(0));
    }
}
