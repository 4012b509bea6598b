package org.dangjian.member;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.dangjian.member.Api.as;
import static org.dangjian.member.Api.asPlatformAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A client that lost an answer retries (issue 24): the second answer equals the first, nothing changes twice,
 * no second event and no second audit entry; a different decision on a closed record is still refused.
 */
@QuarkusTest
class SafeRetryTest {

    @Inject
    EntityManager em;

    @Inject
    BusinessClock clock;

    record Letter(UUID member, String id, TestTree.Node fromCommittee, TestTree.Node to) {
    }

    static Letter letter() {
        TestTree.Node fromCommittee = TestTree.committee();
        TestTree.Node from = TestTree.branch(fromCommittee);
        TestTree.Node to = TestTree.branch(TestTree.committee());
        UUID member = Api.registered(from.id());
        String id = as(Caller.ORG_ADMIN, fromCommittee.id())
                .body(Map.of("memberId", member.toString(), "toOrgId", to.id().toString()))
                .post("/api/v1/transfers").then().statusCode(201).extract().path("id");
        return new Letter(member, id, fromCommittee, to);
    }

    @Test
    void acceptingATransferTwiceAnswersTheFirstAcceptanceAndMovesTheMemberOnce() {
        Letter l = letter();
        String first = as(Caller.BRANCH_SECRETARY, l.to().id()).body("{}").post("/api/v1/transfers/" + l.id() + "/accept")
                .then().statusCode(200).body("status", equalTo("ACCEPTED")).extract().asString();
        String second = as(Caller.BRANCH_SECRETARY, l.to().id()).body("{}").post("/api/v1/transfers/" + l.id() + "/accept")
                .then().statusCode(200).extract().asString();
        assertEquals(first, second);
        assertEquals(1L, count("select count(*) from outbox_event where aggregate_id = ?1 and type = 'member.transferred'", l.member()));
        assertEquals(1L, count("select count(*) from audit_entry where target_id = ?1 and action = 'TRANSFER_ACCEPTED'",
                UUID.fromString(l.id())));
        assertEquals(1L, count("select count(*) from audit_entry where target_id = ?1 and action = 'MEMBER_TRANSFERRED'", l.member()));
    }

    @Test
    void acceptingATransferTwiceWithTheSameKeyReplaysTheFirstAnswer() {
        Letter l = letter();
        String key = UUID.randomUUID().toString();
        String first = as(Caller.BRANCH_SECRETARY, l.to().id()).header("Idempotency-Key", key).body("{}")
                .post("/api/v1/transfers/" + l.id() + "/accept").then().statusCode(200).extract().asString();
        String second = as(Caller.BRANCH_SECRETARY, l.to().id()).header("Idempotency-Key", key).body("{}")
                .post("/api/v1/transfers/" + l.id() + "/accept").then().statusCode(200)
                .header("Idempotent-Replayed", equalTo("true")).extract().asString();
        assertEquals(first, second);
        assertEquals(1L, count("select count(*) from outbox_event where aggregate_id = ?1 and type = 'member.transferred'", l.member()));
        assertEquals(1L, count("select count(*) from audit_entry where target_id = ?1 and action = 'TRANSFER_ACCEPTED'",
                UUID.fromString(l.id())));
    }

    @Test
    void rejectingATransferTwiceAnswersTheFirstRejectionButAcceptingItThenIsRefused() {
        Letter l = letter();
        String first = as(Caller.BRANCH_SECRETARY, l.to().id()).body(Map.of("reason", "查无此人"))
                .post("/api/v1/transfers/" + l.id() + "/reject").then().statusCode(200).extract().asString();
        String second = as(Caller.BRANCH_SECRETARY, l.to().id()).body(Map.of("reason", "查无此人"))
                .post("/api/v1/transfers/" + l.id() + "/reject").then().statusCode(200).extract().asString();
        assertEquals(first, second);
        assertEquals(1L, count("select count(*) from audit_entry where target_id = ?1 and action = 'TRANSFER_REJECTED'",
                UUID.fromString(l.id())));
        assertEquals(1L, count("""
                select count(*) from outbox_event where aggregate_id = ?1 and payload ->> 'status' = 'REJECTED'""", l.member()));
        as(Caller.BRANCH_SECRETARY, l.to().id()).body("{}").post("/api/v1/transfers/" + l.id() + "/accept").then()
                .statusCode(409).body("code", equalTo("TRANSFER_NOT_OPEN"));
    }

    @Test
    void withdrawingATransferTwiceAnswersTheFirstWithdrawal() {
        Letter l = letter();
        String first = as(Caller.ORG_ADMIN, l.fromCommittee().id()).body(Map.of("reason", "填错了"))
                .post("/api/v1/transfers/" + l.id() + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"))
                .extract().asString();
        String second = as(Caller.ORG_ADMIN, l.fromCommittee().id()).body(Map.of("reason", "填错了"))
                .post("/api/v1/transfers/" + l.id() + "/cancel").then().statusCode(200).extract().asString();
        assertEquals(first, second);
        assertEquals(1L, count("select count(*) from audit_entry where target_id = ?1 and action = 'TRANSFER_CANCELLED'",
                UUID.fromString(l.id())));
        as(Caller.BRANCH_SECRETARY, l.to().id()).body(Map.of("reason", "x")).post("/api/v1/transfers/" + l.id() + "/reject")
                .then().statusCode(409).body("code", equalTo("TRANSFER_NOT_OPEN"));
    }

    @Test
    void recordingAPaymentTwiceWithTheSameKeyRecordsItOnce() {
        UUID member = duesPayer();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("months", List.of("2026-01", "2026-02"), "paidOn", "2026-11-01");
        Response first = asPlatformAdmin().header("Idempotency-Key", key).body(body)
                .post("/api/v1/members/" + member + "/dues/payments");
        Response second = asPlatformAdmin().header("Idempotency-Key", key).body(body)
                .post("/api/v1/members/" + member + "/dues/payments");
        assertEquals(201, first.statusCode());
        assertEquals(201, second.statusCode());
        assertEquals("true", second.header("Idempotent-Replayed"));
        // Equal as JSON (the replay comes from the stored jsonb: members in another order).
        assertEquals(json(first.asString()), json(second.asString()));
        assertEquals(2L, count("select count(*) from dues_payment where member_id = ?1", member));
        assertEquals(1L, count("select count(*) from audit_entry where target_id = ?1 and action = 'DUES_PAID'", member));
    }

    @Test
    void aStageChangeRepeatedAnswersTheFirstChangeAndPublishesOnce() {
        UUID member = Api.registered(TestTree.branch(TestTree.committee()).id());
        Map<String, Object> body = new HashMap<>(Map.of("toStage", "DECEASED", "effectiveOn",
                clock.today().minusDays(2).toString(), "reason", "病故"));
        String first = asPlatformAdmin().body(body).post("/api/v1/members/" + member + "/stage-changes").then()
                .statusCode(201).extract().asString();
        String second = asPlatformAdmin().body(body).post("/api/v1/members/" + member + "/stage-changes").then()
                .statusCode(200).extract().asString();
        assertEquals(first, second);
        assertEquals(1L, count("select count(*) from outbox_event where aggregate_id = ?1 and type = 'member.ended'", member));
        assertEquals(1L, count("select count(*) from audit_entry where target_id = ?1 and action = 'MEMBER_STAGE_CHANGED'", member));
        // Another date is another decision, refused as before.
        body.put("effectiveOn", clock.today().minusDays(1).toString());
        asPlatformAdmin().body(body).post("/api/v1/members/" + member + "/stage-changes").then().statusCode(409)
                .body("code", equalTo("MEMBER_STAGE_TRANSITION_NOT_ALLOWED"));
    }

    @Test
    void endingMobilityTwiceAnswersTheFirstEnd() {
        UUID member = Api.registered(TestTree.branch(TestTree.committee()).id());
        asPlatformAdmin().body(Map.of("location", "福建省厦门市思明区", "since", clock.today().minusDays(30).toString(),
                "fixedPlace", false)).post("/api/v1/members/" + member + "/mobility").then().statusCode(201);
        Map<String, Object> end = Map.of("endedOn", clock.today().toString(), "reason", "返乡");
        String first = asPlatformAdmin().body(end).post("/api/v1/members/" + member + "/mobility/end").then()
                .statusCode(200).extract().asString();
        String second = asPlatformAdmin().body(end).post("/api/v1/members/" + member + "/mobility/end").then()
                .statusCode(200).extract().asString();
        assertEquals(first, second);
        assertEquals(1L, count("select count(*) from audit_entry where target_id = ?1 and action = 'MOBILE_ENDED'", member));
        asPlatformAdmin().body(Map.of("endedOn", clock.today().minusDays(1).toString(), "reason", "返乡"))
                .post("/api/v1/members/" + member + "/mobility/end").then().statusCode(404)
                .body("code", equalTo("MOBILE_NOT_REGISTERED"));
    }

    private UUID duesPayer() {
        Map<String, Object> body = Api.fullMember(TestTree.branch(TestTree.committee()).id());
        body.put("admittedOn", "2025-01-10");
        body.put("fullOn", "2026-01-10");
        body.put("candidateOn", "2024-10-01");
        body.put("activistOn", "2024-01-01");
        body.put("appliedOn", "2023-06-01");
        UUID member = Api.registered(body);
        asPlatformAdmin().body(Map.of("monthlyIncome", "3000.01")).put("/api/v1/members/" + member + "/dues/bases/2026")
                .then().statusCode(200);
        return member;
    }

    private static JsonNode json(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long count(String sql, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter(1, id)
                .getSingleResult()).longValue());
    }
}
