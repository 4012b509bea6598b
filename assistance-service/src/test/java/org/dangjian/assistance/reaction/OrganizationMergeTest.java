package org.dangjian.assistance.reaction;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.dangjian.assistance.Api;
import org.dangjian.assistance.MemberFixture;
import org.dangjian.assistance.OrgTreeFixture;
import org.dangjian.assistance.People;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.dangjian.assistance.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * organization.dissolved with mergedIntoId (合并): the absorbed branch's beneficiaries and open cases go to the
 * surviving branch, with the case history recording the move, and pairings go with their beneficiaries; funds and
 * closed cases stay. A MEMBER beneficiary ends in the same place whether the merge or the member's own
 * member.transferred arrives first. Without mergedIntoId (null or absent) a dissolution still flags the open cases.
 */
@QuarkusTest
class OrganizationMergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCHEMA = Path.of("..", "organization-service", "src", "main", "resources", "events",
            "organization.dissolved.schema.json");

    @Inject
    OrgTreeFixture orgs;

    @Inject
    MemberFixture members;

    @Inject
    EntityManager em;

    @Test
    void aMergeMovesTheAbsorbedBranchsBeneficiariesAndOpenCasesToTheSurvivor() throws IOException {
        var tree = orgs.tree();
        UUID absorbed = tree.branch();
        UUID survivor = tree.otherBranch();
        String resident = resident(absorbed);
        String openCase = apply(absorbed, resident);
        String rejectedCase = rejected(absorbed, resident);
        UUID member = members.registered(absorbed);
        String memberBeneficiary = memberBeneficiary(absorbed, member);
        String memberCase = apply(absorbed, memberBeneficiary);
        UUID helper = members.registered(absorbed);
        pair(absorbed, resident, helper);
        String fund = fund(absorbed);

        UUID event = dissolved(tree.committee(), absorbed, survivor, true);

        awaitApplied(event);
        for (String beneficiary : List.of(resident, memberBeneficiary)) {
            as(Caller.BRANCH_SECRETARY, survivor).get("/api/v1/beneficiaries/" + beneficiary).then().statusCode(200)
                    .body("orgId", equalTo(survivor.toString()));
        }
        for (String c : List.of(openCase, memberCase)) {
            as(Caller.BRANCH_SECRETARY, survivor).get("/api/v1/cases/" + c).then().statusCode(200)
                    .body("orgId", equalTo(survivor.toString()))
                    .body("reassignmentNeeded", equalTo(false));
            as(Caller.BRANCH_SECRETARY, survivor).get("/api/v1/cases/" + c + "/history").then()
                    .body("organizationChanges.reason", contains("ORGANIZATION_MERGED"))
                    .body("organizationChanges[0].fromOrgId", equalTo(absorbed.toString()))
                    .body("organizationChanges[0].toOrgId", equalTo(survivor.toString()));
        }
        Api.asPlatformAdmin().get("/api/v1/cases/" + rejectedCase).then().body("orgId", equalTo(absorbed.toString()));
        as(Caller.BRANCH_SECRETARY, survivor).queryParam("beneficiaryId", resident).get("/api/v1/pairings").then()
                .statusCode(200).body("items[0].memberId", equalTo(helper.toString())).body("items[0].status", equalTo("ACTIVE"));
        Api.asPlatformAdmin().get("/api/v1/funds/" + fund).then().body("orgId", equalTo(absorbed.toString()));
    }

    @Test
    void aMemberBeneficiaryEndsInTheSamePlaceWhicheverEventArrivesFirst() throws IOException {
        var mergeFirst = orgs.tree();
        UUID first = members.registered(mergeFirst.branch());
        String firstCase = apply(mergeFirst.branch(), memberBeneficiary(mergeFirst.branch(), first));
        awaitApplied(dissolved(mergeFirst.committee(), mergeFirst.branch(), mergeFirst.otherBranch(), true));
        members.transferred(first, mergeFirst.branch(), mergeFirst.otherBranch(), null, 1);

        var transferFirst = orgs.tree();
        UUID second = members.registered(transferFirst.branch());
        String secondCase = apply(transferFirst.branch(), memberBeneficiary(transferFirst.branch(), second));
        members.transferred(second, transferFirst.branch(), transferFirst.otherBranch(), null, 1);
        awaitApplied(dissolved(transferFirst.committee(), transferFirst.branch(), transferFirst.otherBranch(), true));

        for (var run : List.of(Map.entry(mergeFirst, firstCase), Map.entry(transferFirst, secondCase))) {
            UUID survivor = run.getKey().otherBranch();
            as(Caller.BRANCH_SECRETARY, survivor).get("/api/v1/cases/" + run.getValue()).then().statusCode(200)
                    .body("orgId", equalTo(survivor.toString()))
                    .body("reassignmentNeeded", equalTo(false));
            as(Caller.BRANCH_SECRETARY, survivor).get("/api/v1/cases/" + run.getValue() + "/history").then()
                    .body("organizationChanges.size()", equalTo(1))
                    .body("organizationChanges[0].fromOrgId", equalTo(run.getKey().branch().toString()))
                    .body("organizationChanges[0].toOrgId", equalTo(survivor.toString()));
        }
    }

    @Test
    void aMergeAppliedAgainChangesNothing() throws IOException {
        var tree = orgs.tree();
        String openCase = apply(tree.branch(), resident(tree.branch()));
        UUID event = dissolved(tree.committee(), tree.branch(), tree.otherBranch(), true);
        awaitApplied(event);

        send(event, tree.committee(), tree.branch(), tree.otherBranch(), true);
        awaitApplied(dissolved(tree.committee(), tree.branch(), tree.otherBranch(), true));

        Api.asPlatformAdmin().get("/api/v1/cases/" + openCase).then().body("orgId", equalTo(tree.otherBranch().toString()));
        assertEquals(1L, count("select count(*) from case_org_change where case_id = '" + openCase + "'"));
    }

    @Test
    void aDissolutionWithoutMergeFlagsTheOpenCasesWhetherMergedIntoIdIsNullOrAbsent() throws IOException {
        for (boolean nullPresent : List.of(true, false)) {
            var tree = orgs.tree();
            String resident = resident(tree.branch());
            String openCase = apply(tree.branch(), resident);

            awaitApplied(dissolved(tree.committee(), tree.branch(), null, nullPresent));

            Api.asPlatformAdmin().get("/api/v1/cases/" + openCase).then()
                    .body("orgId", equalTo(tree.branch().toString()))
                    .body("reassignmentNeeded", equalTo(true));
            Api.asPlatformAdmin().get("/api/v1/beneficiaries/" + resident).then().body("orgId", equalTo(tree.branch().toString()));
            as(Caller.ORG_ADMIN, tree.committee()).get("/api/v1/cases/" + openCase + "/history").then()
                    .body("organizationChanges.reason", contains("ORGANIZATION_DISSOLVED"))
                    .body("organizationChanges[0].toOrgId", nullValue());
        }
    }

    @Test
    void aMergeIntoAnOrganizationAlreadyDissolvedHereLeavesTheMovedOpenCasesFlagged() throws IOException {
        var tree = orgs.tree();
        UUID absorbed = tree.branch();
        UUID survivor = tree.otherBranch();
        String resident = resident(absorbed);
        String openCase = apply(absorbed, resident);

        // The survivor's own dissolution, published after the merge, applied before it.
        awaitApplied(dissolved(tree.committee(), survivor, null, true));
        awaitApplied(dissolved(tree.committee(), absorbed, survivor, true));

        Api.asPlatformAdmin().get("/api/v1/beneficiaries/" + resident).then().body("orgId", equalTo(survivor.toString()));
        Api.asPlatformAdmin().get("/api/v1/cases/" + openCase).then()
                .body("orgId", equalTo(survivor.toString()))
                .body("reassignmentNeeded", equalTo(true));
        Api.asPlatformAdmin().get("/api/v1/cases/" + openCase + "/history").then()
                .body("organizationChanges.reason", contains("ORGANIZATION_MERGED", "ORGANIZATION_DISSOLVED"))
                .body("organizationChanges[0].toOrgId", equalTo(survivor.toString()))
                .body("organizationChanges[1].fromOrgId", equalTo(survivor.toString()))
                .body("organizationChanges[1].toOrgId", nullValue());
    }

    @Test
    void aChainOfMergesEndsInTheLastSurvivorInEitherOrder() throws IOException {
        for (boolean reversed : List.of(true, false)) {
            var tree = orgs.tree();
            UUID first = tree.branch();
            UUID second = tree.otherBranch();
            UUID last = orgs.tree().branch();
            String resident = resident(first);
            String openCase = apply(first, resident);
            UUID leaver = members.registered(first);
            String leaversCase = apply(first, memberBeneficiary(first, leaver));
            members.transferred(leaver, first, null, null, 1); // out of the platform: the case waits for reassignment

            if (reversed) {
                awaitApplied(dissolved(tree.committee(), second, last, true));
                awaitApplied(dissolved(tree.committee(), first, second, true));
            } else {
                awaitApplied(dissolved(tree.committee(), first, second, true));
                awaitApplied(dissolved(tree.committee(), second, last, true));
            }

            Api.asPlatformAdmin().get("/api/v1/beneficiaries/" + resident).then().body("orgId", equalTo(last.toString()));
            Api.asPlatformAdmin().get("/api/v1/cases/" + openCase).then()
                    .body("orgId", equalTo(last.toString()))
                    .body("reassignmentNeeded", equalTo(false));
            Api.asPlatformAdmin().get("/api/v1/cases/" + openCase + "/history").then()
                    .body("organizationChanges.reason", reversed ? contains("ORGANIZATION_MERGED")
                            : contains("ORGANIZATION_MERGED", "ORGANIZATION_MERGED"))
                    .body("organizationChanges[0].fromOrgId", equalTo(first.toString()))
                    .body("organizationChanges[-1].toOrgId", equalTo(last.toString()));
            Api.asPlatformAdmin().get("/api/v1/cases/" + leaversCase).then()
                    .body("orgId", equalTo(last.toString()))
                    .body("reassignmentNeeded", equalTo(true));
        }
    }

    @Test
    void aPlainDissolutionAfterTheMergeIntoItFlagsTheMovedOpenCases() throws IOException {
        var tree = orgs.tree();
        String openCase = apply(tree.branch(), resident(tree.branch()));

        awaitApplied(dissolved(tree.committee(), tree.branch(), tree.otherBranch(), true));
        awaitApplied(dissolved(tree.committee(), tree.otherBranch(), null, true));

        Api.asPlatformAdmin().get("/api/v1/cases/" + openCase).then()
                .body("orgId", equalTo(tree.otherBranch().toString()))
                .body("reassignmentNeeded", equalTo(true));
        Api.asPlatformAdmin().get("/api/v1/cases/" + openCase + "/history").then()
                .body("organizationChanges.reason", contains("ORGANIZATION_MERGED", "ORGANIZATION_DISSOLVED"));
    }

    @Test
    void aMemberTransferredIntoABranchAlreadyDissolvedHereHasTheirOpenCasesFlagged() throws IOException {
        var tree = orgs.tree();
        UUID member = members.registered(tree.branch());
        String openCase = apply(tree.branch(), memberBeneficiary(tree.branch(), member));
        awaitApplied(dissolved(tree.committee(), tree.otherBranch(), null, true));

        // member-service moved the member there while the branch was being dissolved.
        members.transferred(member, tree.branch(), tree.otherBranch(), null, 1);

        Api.asPlatformAdmin().get("/api/v1/cases/" + openCase).then()
                .body("orgId", equalTo(tree.otherBranch().toString()))
                .body("reassignmentNeeded", equalTo(true));
        Api.asPlatformAdmin().get("/api/v1/cases/" + openCase + "/history").then()
                .body("organizationChanges.reason", contains("MEMBER_TRANSFERRED", "ORGANIZATION_DISSOLVED"))
                .body("organizationChanges[1].fromOrgId", equalTo(tree.otherBranch().toString()));
    }

    private UUID dissolved(UUID parent, UUID org, UUID mergedInto, boolean mergedIntoPresent) throws IOException {
        UUID event = UUID.randomUUID();
        send(event, parent, org, mergedInto, mergedIntoPresent);
        return event;
    }

    /** As organization-service publishes it, checked against its schema before it is sent. */
    private static void send(UUID eventId, UUID parent, UUID org, UUID mergedInto, boolean mergedIntoPresent) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", org.toString());
        node.put("code", "T" + org.toString().substring(0, 8));
        node.put("name", "西城村党支部");
        node.put("type", "BRANCH");
        node.put("sector", "VILLAGE");
        node.put("parentId", parent.toString());
        node.put("path", "/" + parent + "/" + org + "/");
        node.put("status", "DISSOLVED");
        node.put("establishedOn", "2020-07-01");
        node.put("version", 2);
        node.put("dissolvedOn", "2025-06-30");
        node.put("reason", mergedInto == null ? "撤销" : "两村合并");
        if (mergedInto != null) {
            node.put("mergedIntoId", mergedInto.toString());
        } else if (mergedIntoPresent) {
            node.putNull("mergedIntoId");
        }
        var errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(JSON.readTree(Files.readString(SCHEMA))).validate(node);
        assertEquals(0, errors.size(), () -> "not a valid organization.dissolved: " + errors);
        MemberFixture.send("dangjian.organization.v1", org.toString(), node.toString(), Map.of(
                "ce_specversion", "1.0", "ce_id", eventId.toString(), "ce_type", "organization.dissolved",
                "ce_source", "/organization-service", "ce_subject", org.toString(),
                "ce_time", OffsetDateTime.now().toString(), "content-type", "application/json"));
    }

    private void awaitApplied(UUID eventId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from processed_event where consumer = 'assistance-service.case-dissolutions'"
                + " and event_id = '" + eventId + "'") == 1);
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private static String resident(UUID branch) {
        return as(Caller.BRANCH_SECRETARY, branch).body(People.resident(branch, People.nationalId()))
                .post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");
    }

    private static String memberBeneficiary(UUID branch, UUID member) {
        return as(Caller.BRANCH_SECRETARY, branch).body(People.member(branch, member))
                .post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");
    }

    private static String apply(UUID branch, String beneficiary) {
        return as(Caller.BRANCH_SECRETARY, branch)
                .body(Map.of("beneficiaryId", beneficiary, "category", "UNEMPLOYMENT", "requestedAmount", "500"))
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
    }

    private static String rejected(UUID branch, String beneficiary) {
        String id = apply(branch, beneficiary);
        as(Caller.BRANCH_SECRETARY, branch).body(Map.of("findings", "收入高于标准")).post("/api/v1/cases/" + id + "/verification")
                .then().statusCode(200);
        as(Caller.BRANCH_SECRETARY, branch).body(Map.of("reason", "收入高于标准")).post("/api/v1/cases/" + id + "/rejection")
                .then().statusCode(200);
        return id;
    }

    private static void pair(UUID branch, String beneficiary, UUID member) {
        as(Caller.BRANCH_SECRETARY, branch).body(Map.of("beneficiaryId", beneficiary, "memberId", member))
                .post("/api/v1/pairings").then().statusCode(201);
    }

    private static String fund(UUID org) {
        return as(Caller.PLATFORM_ADMIN, null).body(Map.of("orgId", org, "kind", "DONATION", "name", "捐赠"))
                .post("/api/v1/funds").then().statusCode(201).extract().path("id");
    }
}
