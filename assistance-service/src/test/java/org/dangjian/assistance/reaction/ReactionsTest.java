package org.dangjian.assistance.reaction;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.dangjian.assistance.Api;
import org.dangjian.assistance.MemberFixture;
import org.dangjian.assistance.OrgTreeFixture;
import org.dangjian.assistance.People;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.localstack.LocalStack;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.dangjian.assistance.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Real CloudEvents on the real broker, as member-service and organization-service publish them. */
@QuarkusTest
class ReactionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OrgTreeFixture orgs;

    @Inject
    MemberFixture members;

    @Inject
    EntityManager em;

    @Test
    void aTransferredMembersOpenCasesFollowThemToTheNewBranchWithHistory() {
        var tree = orgs.tree();
        UUID member = UUID.randomUUID();
        String beneficiary = memberBeneficiary(tree.branch(), member);
        String open = apply(tree.branch(), beneficiary);
        String rejected = apply(tree.branch(), beneficiary);
        step(tree.branch(), rejected, "verification", Map.of("findings", "收入高于标准"));
        step(tree.branch(), rejected, "rejection", Map.of("reason", "收入高于标准"));

        transferred(UUID.randomUUID(), member, tree.branch(), tree.otherBranch(), 3);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> tree.otherBranch().toString().equals(Api.asPlatformAdmin().get("/api/v1/cases/" + open).path("orgId")));
        Api.asPlatformAdmin().get("/api/v1/cases/" + rejected).then().body("orgId", equalTo(tree.branch().toString()));
        Api.asPlatformAdmin().get("/api/v1/beneficiaries/" + beneficiary).then().body("orgId", equalTo(tree.otherBranch().toString()));
        as(Caller.BRANCH_SECRETARY, tree.otherBranch()).get("/api/v1/cases/" + open + "/history").then().statusCode(200)
                .body("organizationChanges[0].fromOrgId", equalTo(tree.branch().toString()))
                .body("organizationChanges[0].toOrgId", equalTo(tree.otherBranch().toString()))
                .body("organizationChanges[0].reason", equalTo("MEMBER_TRANSFERRED"));
        as(Caller.BRANCH_SECRETARY, tree.branch()).get("/api/v1/cases/" + open).then().statusCode(404);
    }

    @Test
    void aRedeliveredOrStaleTransferChangesNothing() {
        var tree = orgs.tree();
        UUID member = UUID.randomUUID();
        String open = apply(tree.branch(), memberBeneficiary(tree.branch(), member));
        UUID eventId = UUID.randomUUID();
        transferred(eventId, member, tree.branch(), tree.otherBranch(), 5);
        transferred(eventId, member, tree.branch(), tree.otherBranch(), 5);
        UUID stale = UUID.randomUUID();
        transferred(stale, member, tree.otherBranch(), tree.branch(), 4);

        // Same key, same partition: once the stale event is recorded, the redelivery was seen too.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from processed_event where event_id = '" + stale + "'") == 1);
        Api.asPlatformAdmin().get("/api/v1/cases/" + open).then().body("orgId", equalTo(tree.otherBranch().toString()));
        assertEquals(1L, count("select count(*) from case_org_change where case_id = '" + open + "'"));
    }

    @Test
    void aMemberBeneficiaryWhoseMembershipEndedKeepsTheirRecordAndOpenCasesWithTheBranch() {
        var tree = orgs.tree();
        UUID member = UUID.randomUUID();
        String beneficiary = memberBeneficiary(tree.branch(), member);
        String open = apply(tree.branch(), beneficiary);

        members.ended(member, tree.branch(), "DECEASED", "2025-06-30", 1);

        as(Caller.BRANCH_SECRETARY, tree.branch()).get("/api/v1/beneficiaries/" + beneficiary).then().statusCode(200)
                .body("memberStatus", equalTo("ENDED"))
                .body("orgId", equalTo(tree.branch().toString()));
        as(Caller.BRANCH_SECRETARY, tree.branch()).get("/api/v1/cases/" + open).then().statusCode(200)
                .body("orgId", equalTo(tree.branch().toString()))
                .body("reassignmentNeeded", equalTo(false));
        // The branch decides what follows: here it goes on with the case.
        step(tree.branch(), open, "verification", Map.of("findings", "家属生活困难"));
    }

    @Test
    void aDissolvedOrganizationsOpenCasesAreFlaggedForReassignment() {
        var tree = orgs.tree();
        String open = apply(tree.branch(), memberBeneficiary(tree.branch(), UUID.randomUUID()));
        String elsewhere = apply(tree.otherBranch(), memberBeneficiary(tree.otherBranch(), UUID.randomUUID()));

        dissolved(tree.committee(), tree.branch());

        await().atMost(Duration.ofSeconds(30))
                .until(() -> Boolean.TRUE.equals(Api.asPlatformAdmin().get("/api/v1/cases/" + open).path("reassignmentNeeded")));
        as(Caller.ORG_ADMIN, tree.committee()).get("/api/v1/cases/reassignments-due").then().statusCode(200)
                .body("items.id", hasItem(open))
                .body("items.id", not(hasItem(elsewhere)));
        as(Caller.ORG_ADMIN, tree.committee()).get("/api/v1/cases/" + open + "/history").then()
                .body("organizationChanges[0].reason", equalTo("ORGANIZATION_DISSOLVED"));

        // The tree copy is another consumer group: it may learn of the dissolution a moment after the cases do.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "DISSOLVED".equals(Api.asPlatformAdmin().get("/api/v1/organization-tree/" + tree.branch()).path("status")));
        as(Caller.ORG_ADMIN, tree.committee()).body(Map.of("orgId", tree.branch()))
                .post("/api/v1/cases/" + open + "/reassignment").then().statusCode(422)
                .body("code", equalTo("CASE_REASSIGNMENT_TARGET_NOT_ACTIVE"));
        as(Caller.ORG_ADMIN, tree.committee()).body(Map.of("orgId", tree.otherBranch()))
                .post("/api/v1/cases/" + open + "/reassignment").then().statusCode(200)
                .body("orgId", equalTo(tree.otherBranch().toString()))
                .body("reassignmentNeeded", equalTo(false));
        as(Caller.BRANCH_SECRETARY, tree.otherBranch()).body(Map.of("orgId", tree.otherBranch()))
                .post("/api/v1/cases/" + open + "/reassignment").then().statusCode(403);
    }

    @Test
    void aMalformedTransferGoesToTheDeadLetterTopicAndConsumptionContinues() {
        var tree = orgs.tree();
        String key = UUID.randomUUID().toString();
        MemberFixture.send("dangjian.member.v1", key, "{\"memberId\": \"not-a-uuid\"}", Map.of(
                "ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", "member.transferred",
                "ce_source", "/member-service", "ce_time", OffsetDateTime.now().toString()));
        LocalStack.shared().kafka().companion().consumeStrings()
                .fromTopics("dangjian.member.v1.assistance-service.dlq",
                        records -> records.select().where(r -> key.equals(r.key())).select().first())
                .awaitCompletion(Duration.ofSeconds(30));

        UUID member = UUID.randomUUID();
        String open = apply(tree.branch(), memberBeneficiary(tree.branch(), member));
        transferred(UUID.randomUUID(), member, tree.branch(), tree.otherBranch(), 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> tree.otherBranch().toString().equals(Api.asPlatformAdmin().get("/api/v1/cases/" + open).path("orgId")));
    }

    /** A new member of the branch, known here through member.registered, registered as a beneficiary. */
    private String memberBeneficiary(UUID branch, UUID member) {
        members.sendAndAwait("member.registered", MemberFixture.registeredData(member, branch, "FULL", 0));
        return as(Caller.BRANCH_SECRETARY, branch).body(People.member(branch, member))
                .post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");
    }

    private static String apply(UUID branch, String beneficiary) {
        return as(Caller.BRANCH_SECRETARY, branch)
                .body(Map.of("beneficiaryId", beneficiary, "category", "UNEMPLOYMENT", "requestedAmount", "500"))
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
    }

    private static void step(UUID branch, String caseId, String step, Map<String, ?> body) {
        as(Caller.BRANCH_SECRETARY, branch).body(body).post("/api/v1/cases/" + caseId + "/" + step).then().statusCode(200);
    }

    private static void transferred(UUID eventId, UUID member, UUID from, UUID to, long version) {
        ObjectNode data = JSON.createObjectNode();
        data.put("memberId", member.toString());
        data.put("fromOrgId", from.toString());
        data.put("toOrgId", to.toString());
        data.put("transferredOn", "2026-07-01");
        data.put("version", version);
        publish("dangjian.member.v1", member, eventId, "member.transferred", "/member-service", data);
    }

    private static void dissolved(UUID parent, UUID org) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", org.toString());
        node.put("code", "T" + org.toString().substring(0, 8));
        node.put("name", "已撤销支部");
        node.put("type", "BRANCH");
        node.putNull("sector");
        node.put("parentId", parent.toString());
        node.put("path", "/" + parent + "/" + org + "/");
        node.put("status", "DISSOLVED");
        node.put("establishedOn", "2020-07-01");
        node.put("version", 1);
        node.put("dissolvedOn", "2026-06-30");
        node.put("reason", "撤销");
        publish("dangjian.organization.v1", org, UUID.randomUUID(), "organization.dissolved", "/organization-service", node);
    }

    private static void publish(String topic, UUID key, UUID eventId, String type, String source, ObjectNode data) {
        MemberFixture.send(topic, key.toString(), data.toString(), Map.of(
                "ce_specversion", "1.0",
                "ce_id", eventId.toString(),
                "ce_type", type,
                "ce_source", source,
                "ce_subject", key.toString(),
                "ce_time", OffsetDateTime.now().toString(),
                "content-type", "application/json"));
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
