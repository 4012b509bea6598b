package org.dangjian.activity;

import io.quarkus.test.junit.QuarkusTest;
import org.dangjian.activity.Fixtures.Org;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.dangjian.activity.Activities.*;
import static org.dangjian.activity.Fixtures.*;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** How activities follow member and organization events from the other services. */
@QuarkusTest
class ReactionsTest {

    private static List<String> rosterOf(UUID activity) {
        return admin().get("/api/v1/activities/" + activity + "/roster").then().statusCode(200)
                .extract().jsonPath().getList("items.memberId", String.class);
    }

    @Test
    void transferredMemberMovesFromTheOldBranchsFutureRostersToTheNewOnes() {
        Org committee = root();
        Org from = child(committee, "BRANCH");
        Org to = child(committee, "BRANCH");
        UUID member = fullMember(from.id(), LocalDate.of(2025, 1, 1));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
        UUID before = planned(from.id(), "THEMED_PARTY_DAY", now.plusDays(2));
        UUID oldBranchAfter = planned(from.id(), "THEMED_PARTY_DAY", now.plusDays(20));
        UUID newBranchAfter = planned(to.id(), "THEMED_PARTY_DAY", now.plusDays(20));
        assertEquals(List.of(member.toString()), rosterOf(oldBranchAfter));
        assertEquals(List.of(), rosterOf(newBranchAfter));

        transferred(member, from.id(), to.id(), now.toLocalDate().plusDays(10), 2);
        await("transfer applied").atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from roster_member where member_id = ?1 and org_id = ?2",
                        member, to.id()) == 1);

        assertEquals(List.of(member.toString()), rosterOf(before));
        assertEquals(List.of(), rosterOf(oldBranchAfter));
        assertEquals(List.of(member.toString()), rosterOf(newBranchAfter));
    }

    @Test
    void dissolvedOrganizationsPlannedActivitiesAreFlaggedOnce() {
        Org branch = child(root(), "BRANCH");
        OffsetDateTime past = OffsetDateTime.parse("2025-06-01T09:00:00+08:00");
        UUID plannedOne = planned(branch.id(), "PARTY_LECTURE", OffsetDateTime.now().plusDays(5));
        UUID heldOne = held(branch.id(), "PARTY_LECTURE", past);

        var node = json().put("id", branch.id().toString()).put("code", "T1").put("name", "撤销的支部")
                .put("type", "BRANCH").put("path", branch.path()).put("status", "DISSOLVED")
                .put("establishedOn", "2020-01-01").put("version", 1);
        UUID eventId = UUID.randomUUID();
        publish(ORGANIZATION_TOPIC, eventId, "organization.dissolved", branch.id().toString(), node, "/organization-service");
        await("flag").atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from activity where id = ?1 and org_dissolved_at is not null", plannedOne) == 1);
        long version = count("select version from activity where id = ?1", plannedOne);
        publish(ORGANIZATION_TOPIC, eventId, "organization.dissolved", branch.id().toString(), node, "/organization-service");
        await("redelivery seen").atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from processed_event where event_id = ?1", eventId) >= 1);

        admin().get("/api/v1/activities/" + plannedOne).then().statusCode(200).body("orgDissolvedAt", notNullValue());
        admin().get("/api/v1/activities/" + heldOne).then().statusCode(200).body("orgDissolvedAt", nullValue());
        admin().get("/api/v1/activities?orgId=" + branch.id() + "&status=PLANNED").then().statusCode(200)
                .body("items[0].orgDissolved", equalTo(true));
        assertEquals(version, count("select version from activity where id = ?1", plannedOne));
    }
}
