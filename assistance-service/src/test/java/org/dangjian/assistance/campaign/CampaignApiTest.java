package org.dangjian.assistance.campaign;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.dangjian.assistance.Api;
import org.dangjian.assistance.OrgTreeFixture;
import org.dangjian.assistance.People;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import static org.dangjian.assistance.Api.as;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class CampaignApiTest {

    @Inject
    OrgTreeFixture orgs;

    @Test
    void recipientsAreDeliveredOneByOneFromTheFundWithoutOverdrawingIt() {
        var tree = orgs.tree();
        UUID fund = fund(tree.committee(), "1000.00");
        String campaign = campaign(tree.committee(), fund);
        String first = addRecipient(tree.committee(), campaign, beneficiary(tree.branch()), "600.00");
        String second = addRecipient(tree.committee(), campaign, beneficiary(tree.otherBranch()), "500.00");

        deliver(campaign, first, tree.branch()).statusCode(200)
                .body("status", equalTo("DELIVERED"))
                .body("deliveredOn", equalTo("2025-01-20"))
                .body("deliveredBy", equalTo("test-branch-secretary"));
        // A retry (a phone after a timeout) answers the delivery as it stands and pays nothing twice.
        deliver(campaign, first, tree.branch()).statusCode(200).body("status", equalTo("DELIVERED"))
                .body("deliveredOn", equalTo("2025-01-20"));
        deliver(campaign, second, tree.otherBranch()).statusCode(409).body("code", equalTo("BUDGET_EXCEEDED"));

        as(Caller.AUDITOR, tree.committee()).get("/api/v1/campaigns/" + campaign).then().statusCode(200)
                .body("plannedTotal", equalTo(new BigDecimal("1100.00")))
                .body("deliveredTotal", equalTo(new BigDecimal("600.00")))
                .body("recipientCount", equalTo(2))
                .body("deliveredCount", equalTo(1));
        Api.asPlatformAdmin().get("/api/v1/funds/" + fund).then().body("budgets[0].remaining", equalTo(new BigDecimal("400.00")));
    }

    @Test
    void aPersonIsListedOnceAndOnlyFromTheCampaignsSubtree() {
        var tree = orgs.tree();
        UUID fund = fund(tree.committee(), "1000.00");
        String branchCampaign = start(tree.committee(), tree.branch(), fund);
        String beneficiary = beneficiary(tree.branch());
        addRecipient(tree.committee(), branchCampaign, beneficiary, "100.00");
        as(Caller.ORG_ADMIN, tree.committee()).body(Map.of("beneficiaryId", beneficiary, "amount", "100.00"))
                .post("/api/v1/campaigns/" + branchCampaign + "/recipients").then().statusCode(409)
                .body("code", equalTo("CAMPAIGN_RECIPIENT_ALREADY_LISTED"));
        as(Caller.ORG_ADMIN, tree.committee()).body(Map.of("beneficiaryId", beneficiary(tree.otherBranch()), "amount", "100.00"))
                .post("/api/v1/campaigns/" + branchCampaign + "/recipients").then().statusCode(422)
                .body("code", equalTo("CAMPAIGN_RECIPIENT_OUTSIDE_ORGANIZATION"));
    }

    @Test
    void campaignsNeedATokenTheRightRoleAndTheirSubtree() {
        var tree = orgs.tree();
        UUID fund = fund(tree.committee(), "1000.00");
        String campaign = campaign(tree.committee(), fund);
        Api.anonymous().get("/api/v1/campaigns/" + campaign).then().statusCode(401);
        as(Caller.BRANCH_SECRETARY, tree.committee())
                .body(Map.of("orgId", tree.committee(), "fundId", fund, "name", "x", "occasion", "OTHER"))
                .post("/api/v1/campaigns").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        as(Caller.ORG_ADMIN, tree.sibling()).get("/api/v1/campaigns/" + campaign).then().statusCode(404)
                .body("code", equalTo("CAMPAIGN_NOT_FOUND"));
        as(Caller.ORG_ADMIN, tree.sibling()).body(Map.of("beneficiaryId", beneficiary(tree.branch()), "amount", "1.00"))
                .post("/api/v1/campaigns/" + campaign + "/recipients").then().statusCode(404);
        String recipient = addRecipient(tree.committee(), campaign, beneficiary(tree.branch()), "10.00");
        deliver(campaign, recipient, tree.otherBranch()).statusCode(404).body("code", equalTo("CAMPAIGN_RECIPIENT_NOT_FOUND"));
    }

    private static UUID fund(UUID org, String budget) {
        UUID fund = UUID.fromString(as(Caller.ORG_ADMIN, org).body(Map.of("orgId", org, "kind", "RETAINED_DUES", "name", "党费留存"))
                .post("/api/v1/funds").then().statusCode(201).extract().path("id"));
        as(Caller.ORG_ADMIN, org).body(Map.of("amount", budget)).put("/api/v1/funds/" + fund + "/budgets/2025").then().statusCode(200);
        return fund;
    }

    private static String campaign(UUID committee, UUID fund) {
        return start(committee, committee, fund);
    }

    private static String start(UUID committee, UUID org, UUID fund) {
        return as(Caller.ORG_ADMIN, committee)
                .body(Map.of("orgId", org, "fundId", fund, "name", "2025年春节走访慰问", "occasion", "SPRING_FESTIVAL"))
                .post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
    }

    private static String beneficiary(UUID branch) {
        return as(Caller.BRANCH_SECRETARY, branch).body(People.resident(branch, People.nationalId()))
                .post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");
    }

    private static String addRecipient(UUID org, String campaign, String beneficiary, String amount) {
        return as(Caller.ORG_ADMIN, org).body(Map.of("beneficiaryId", beneficiary, "amount", amount))
                .post("/api/v1/campaigns/" + campaign + "/recipients").then().statusCode(201)
                .body("status", equalTo("PENDING")).extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse deliver(String campaign, String recipient, UUID branch) {
        return as(Caller.BRANCH_SECRETARY, branch).body(Map.of("deliveredOn", "2025-01-20"))
                .post("/api/v1/campaigns/" + campaign + "/recipients/" + recipient + "/delivery").then();
    }
}
