package org.dangjian.member.reorganization;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.dangjian.member.Api;
import org.dangjian.member.EventContracts;
import org.dangjian.member.OrganizationEvents;
import org.dangjian.member.TestTree;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.dangjian.member.Api.as;
import static org.dangjian.member.Api.asPlatformAdmin;
import static org.dangjian.member.reorganization.OrganizationDissolutionTest.dissolve;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /members/reassignments: the organization above gives the members of a dissolved branch a branch again. */
@QuarkusTest
class ReassignmentTest {

    @Inject
    EntityManager em;

    /** A committee with a branch dissolved while {@code count} members were in it, and an active branch beside it. */
    record Dissolved(TestTree.Node committee, TestTree.Node branch, TestTree.Node target, List<UUID> members) {

        RequestSpecification admin() {
            return as(Caller.ORG_ADMIN, committee.id());
        }
    }

    static Dissolved dissolvedWith(int count) {
        TestTree.Node committee = TestTree.committee();
        TestTree.Node branch = TestTree.branch(committee);
        List<UUID> members = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            members.add(Api.registered(branch.id()));
        }
        dissolve(OrganizationEvents.dissolved(branch, committee, null));
        return new Dissolved(committee, branch, TestTree.branch(committee), members);
    }

    static Map<String, Object> reassignment(List<?> memberIds, UUID to) {
        Map<String, Object> body = new HashMap<>();
        body.put("memberIds", memberIds.stream().map(Object::toString).toList());
        body.put("toOrgId", to.toString());
        body.put("reason", "原党支部撤销，党员转入邻村党支部");
        return body;
    }

    static ValidatableResponse reassign(RequestSpecification as, Map<String, Object> body) {
        return as.body(body).post("/api/v1/members/reassignments").then();
    }

    @Test
    void flaggedMembersMoveToTheChosenBranchThroughTheNormalEvents() {
        Dissolved d = dissolvedWith(2);

        reassign(d.admin(), reassignment(d.members(), d.target().id())).statusCode(200)
                .body("toOrgId", equalTo(d.target().id().toString()))
                .body("reason", equalTo("原党支部撤销，党员转入邻村党支部"))
                .body("members.id", equalTo(d.members().stream().map(UUID::toString).toList()))
                .body("members.orgId", equalTo(List.of(d.target().id().toString(), d.target().id().toString())))
                .body("members.needsBranch", equalTo(List.of(false, false)))
                .body("members[0].masked", equalTo(true));

        JsonNode moved = EventContracts.await("member.transferred", d.members().get(0));
        assertTrue(moved.get("transferId").isNull());
        assertEquals(d.branch().id().toString(), moved.get("fromOrgId").asText());
        assertEquals(d.target().id().toString(), moved.get("toOrgId").asText());
        asPlatformAdmin().get("/api/v1/members/" + d.members().get(1)).then()
                .body("orgId", equalTo(d.target().id().toString()))
                .body("needsBranch", equalTo(false)).body("branchDissolvedOn", nullValue());
        d.admin().queryParam("needsBranch", true).get("/api/v1/members").then().statusCode(200)
                .body("items.id", not(hasItem(d.members().get(0).toString())));
        assertEquals(1L, count("select count(*) from audit_entry where target_id = ?1 and action = 'MEMBER_REASSIGNED'"
                + " and details -> 'after' ->> 'reason' = '原党支部撤销，党员转入邻村党支部'", d.members().get(0)));
    }

    @Test
    void oneRefusedMemberRefusesThemAllWithAnErrorPerMember() {
        Dissolved d = dissolvedWith(1);
        UUID flagged = d.members().get(0);
        UUID unknown = UUID.randomUUID();
        UUID outOfScope = dissolvedWith(1).members().get(0);
        UUID notFlagged = Api.registered(d.target().id());

        var problem = reassign(d.admin().header("Accept-Language", "en"),
                reassignment(List.of(flagged, unknown, outOfScope, notFlagged, flagged), d.target().id()))
                .statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("MEMBER_REASSIGNMENT_REFUSED"))
                .body("errors.field", equalTo(List.of("memberIds[1]", "memberIds[2]", "memberIds[3]", "memberIds[4]")))
                .body("errors.code", equalTo(List.of("MEMBER_NOT_FOUND", "MEMBER_NOT_FOUND", "MEMBER_REASSIGNMENT_NOT_NEEDED",
                        "MEMBER_REASSIGNMENT_DUPLICATE")))
                .extract();
        // Unknown and out of scope read alike, but for the id the caller sent: nothing about the foreign record.
        String unknownMessage = problem.path("errors[0].message");
        String foreignMessage = problem.path("errors[1].message");
        assertEquals(unknownMessage.replace(unknown.toString(), "?"), foreignMessage.replace(outOfScope.toString(), "?"));

        asPlatformAdmin().get("/api/v1/members/" + flagged).then().body("orgId", equalTo(d.branch().id().toString()))
                .body("needsBranch", equalTo(true));
        assertEquals(0L, count("select count(*) from outbox_event where aggregate_id = ?1 and type = 'member.transferred'",
                flagged));
    }

    @Test
    void theTargetMustBeAnActiveBranchInScope() {
        Dissolved d = dissolvedWith(1);
        TestTree.Node dissolvedTarget = TestTree.child(d.committee(), "BRANCH", "DISSOLVED");

        reassign(d.admin(), reassignment(d.members(), dissolvedTarget.id())).statusCode(422)
                .body("code", equalTo("MEMBER_BRANCH_NOT_ACTIVE"));
        reassign(d.admin(), reassignment(d.members(), d.committee().id())).statusCode(422)
                .body("code", equalTo("MEMBER_BRANCH_NOT_A_BRANCH"));
        reassign(d.admin(), reassignment(d.members(), TestTree.branch(TestTree.committee()).id())).statusCode(422)
                .body("code", equalTo("TRANSFER_TARGET_NOT_FOUND"));
        reassign(d.admin(), reassignment(d.members(), UUID.randomUUID())).statusCode(422)
                .body("code", equalTo("TRANSFER_TARGET_NOT_FOUND"));
        asPlatformAdmin().get("/api/v1/members/" + d.members().get(0)).then().body("needsBranch", equalTo(true));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersAlikeAndMovesNobodyAgain() {
        Dissolved d = dissolvedWith(1);
        Map<String, Object> body = reassignment(d.members(), d.target().id());
        String key = "reassign-" + UUID.randomUUID();

        String first = reassign(d.admin().header("Idempotency-Key", key), body).statusCode(200).extract().asString();
        String again = reassign(d.admin().header("Idempotency-Key", key), body).statusCode(200).extract().asString();

        assertEquals(first, again);
        assertEquals(1L, count("select count(*) from outbox_event where aggregate_id = ?1 and type = 'member.transferred'",
                d.members().get(0)));
    }

    @Test
    void anEmptyListOrAMissingReasonIsInvalidAndOnlyStaffMayReassign() {
        Dissolved d = dissolvedWith(1);
        reassign(d.admin(), reassignment(List.of(), d.target().id())).statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        Map<String, Object> noReason = reassignment(d.members(), d.target().id());
        noReason.remove("reason");
        reassign(d.admin(), noReason).statusCode(400).body("code", equalTo("VALIDATION_FAILED"));

        given().contentType("application/json").body(reassignment(d.members(), d.target().id()))
                .post("/api/v1/members/reassignments").then().statusCode(401);
        reassign(Api.asMember(d.members().get(0)), reassignment(d.members(), d.target().id())).statusCode(403);
        reassign(as(Caller.AUDITOR, d.committee().id()), reassignment(d.members(), d.target().id())).statusCode(403);
    }

    @Test
    void registeringIntoADissolvedBranchIsRefused() {
        TestTree.Node dissolved = TestTree.child(TestTree.committee(), "BRANCH", "DISSOLVED");
        Api.register(asPlatformAdmin(), Api.fullMember(dissolved.id())).statusCode(422)
                .body("code", equalTo("MEMBER_BRANCH_NOT_ACTIVE"));
    }

    @Test
    void acceptingALetterIntoABranchDissolvedSinceItWasIssuedIsRefused() {
        TestTree.Node committee = TestTree.committee();
        TestTree.Node to = TestTree.branch(committee);
        UUID member = Api.registered(TestTree.branch(committee).id());
        String letter = OrganizationDissolutionTest.issue(member, to.id());
        // The tree copy has learnt of the dissolution; the letter itself is not returned yet.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update org_unit set status = 'DISSOLVED' where id = ?1")
                .setParameter(1, to.id()).executeUpdate());

        as(Caller.BRANCH_SECRETARY, to.id()).body("{}").post("/api/v1/transfers/" + letter + "/accept").then().statusCode(422)
                .body("code", equalTo("MEMBER_BRANCH_NOT_ACTIVE"));
        asPlatformAdmin().get("/api/v1/transfers/" + letter).then().body("status", equalTo("ISSUED"));
    }

    private long count(String sql, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter(1, id)
                .getSingleResult()).longValue());
    }
}
