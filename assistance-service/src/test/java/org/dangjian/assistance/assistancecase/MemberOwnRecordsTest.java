package org.dangjian.assistance.assistancecase;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.dangjian.assistance.MemberFixture;
import org.dangjian.assistance.OrgTreeFixture;
import org.dangjian.assistance.People;
import org.dangjian.platform.api.Caller;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.dangjian.assistance.Api.as;
import static org.dangjian.assistance.Database.count;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A member (the member role alone) sees their own beneficiary record and cases, masked, and nothing else. */
@QuarkusTest
class MemberOwnRecordsTest {

    @Inject
    OrgTreeFixture orgs;

    @Inject
    MemberFixture members;

    record Person(UUID member, String beneficiary, String caseId) {
    }

    @Test
    void aMemberReadsTheirOwnBeneficiaryRecordMaskedWithoutAnUnmaskedRead() {
        var tree = orgs.tree();
        Person me = memberWithCase(tree.branch());

        as(Caller.MEMBER, tree.branch(), me.member()).get("/api/v1/beneficiaries/" + me.beneficiary()).then().statusCode(200)
                .body("memberId", equalTo(me.member().toString()))
                .body("hardshipDetails", equalTo("******"))
                .body("masked", equalTo(true));
        assertEquals(0L, count("select count(*) from audit_entry where target_id = '" + me.beneficiary()
                + "' and action = 'READ_UNMASKED'"));
    }

    @Test
    void aMemberReadsTheirOwnCaseItsHistoryAndVisits() {
        var tree = orgs.tree();
        Person me = memberWithCase(tree.branch());
        as(Caller.BRANCH_SECRETARY, tree.branch()).body(Map.of("findings", "家中确有困难"))
                .post("/api/v1/cases/" + me.caseId() + "/verification").then().statusCode(200);

        as(Caller.MEMBER, tree.branch(), me.member()).get("/api/v1/cases/" + me.caseId()).then().statusCode(200)
                .body("status", equalTo("VERIFIED"))
                .body("description", equalTo("******"));
        as(Caller.MEMBER, tree.branch(), me.member()).get("/api/v1/cases/" + me.caseId() + "/history").then().statusCode(200)
                .body("steps.step", equalTo(List.of("VERIFY")));
        as(Caller.MEMBER, tree.branch(), me.member()).get("/api/v1/cases/" + me.caseId() + "/visits").then().statusCode(200)
                .body("items.findings", equalTo(List.of("******")));
    }

    @Test
    void aMemberListsOnlyTheirOwnRecordAndCases() {
        var tree = orgs.tree();
        Person me = memberWithCase(tree.branch());
        Person neighbour = memberWithCase(tree.branch());
        String resident = as(Caller.BRANCH_SECRETARY, tree.branch()).body(People.resident(tree.branch(), People.nationalId()))
                .post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");

        as(Caller.MEMBER, tree.branch(), me.member()).get("/api/v1/beneficiaries").then().statusCode(200)
                .body("items.id", equalTo(List.of(me.beneficiary())));
        as(Caller.MEMBER, tree.branch(), me.member()).queryParam("memberId", neighbour.member())
                .get("/api/v1/beneficiaries").then().statusCode(200).body("items.size()", equalTo(0));
        as(Caller.MEMBER, tree.branch(), me.member()).get("/api/v1/cases").then().statusCode(200)
                .body("items.id", equalTo(List.of(me.caseId())));
        as(Caller.MEMBER, tree.branch(), me.member()).queryParam("beneficiaryId", resident)
                .get("/api/v1/cases").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void anotherMembersRecordAndCasesAreNotFoundEvenInTheSameBranch() {
        var tree = orgs.tree();
        Person me = memberWithCase(tree.branch());
        Person neighbour = memberWithCase(tree.branch());
        String visit = verifiedVisit(tree.branch(), neighbour.caseId());

        Supplier<RequestSpecification> asMe = () -> as(Caller.MEMBER, tree.branch(), me.member());
        asMe.get().get("/api/v1/beneficiaries/" + neighbour.beneficiary()).then().statusCode(404)
                .body("code", equalTo("BENEFICIARY_NOT_FOUND"));
        asMe.get().get("/api/v1/cases/" + neighbour.caseId()).then().statusCode(404).body("code", equalTo("CASE_NOT_FOUND"));
        asMe.get().get("/api/v1/cases/" + neighbour.caseId() + "/history").then().statusCode(404);
        asMe.get().get("/api/v1/cases/" + neighbour.caseId() + "/visits").then().statusCode(404);
        asMe.get().get("/api/v1/cases/" + neighbour.caseId() + "/visits/" + visit).then().statusCode(404)
                .body("code", equalTo("CASE_NOT_FOUND"));
    }

    @Test
    void aResidentsRecordIsNotFoundForAMemberAndAMemberWithoutAMemberIdSeesNothing() {
        var tree = orgs.tree();
        memberWithCase(tree.branch());
        String resident = as(Caller.BRANCH_SECRETARY, tree.branch()).body(People.resident(tree.branch(), People.nationalId()))
                .post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");

        as(Caller.MEMBER, tree.branch(), UUID.randomUUID()).get("/api/v1/beneficiaries/" + resident).then().statusCode(404);
        as(Caller.MEMBER, tree.branch()).get("/api/v1/beneficiaries").then().statusCode(200).body("items.size()", equalTo(0));
        as(Caller.MEMBER, tree.branch()).get("/api/v1/cases").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aMemberStillCannotWorkOnCases() {
        var tree = orgs.tree();
        Person me = memberWithCase(tree.branch());

        as(Caller.MEMBER, tree.branch(), me.member()).body(Map.of("findings", "自述困难"))
                .post("/api/v1/cases/" + me.caseId() + "/verification").then().statusCode(403);
        as(Caller.MEMBER, tree.branch(), me.member()).get("/api/v1/cases/reassignments-due").then().statusCode(403);
    }

    private Person memberWithCase(UUID branch) {
        UUID member = members.registered(branch);
        String beneficiary = as(Caller.BRANCH_SECRETARY, branch).body(People.member(branch, member))
                .post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");
        String caseId = as(Caller.MEMBER, branch, member)
                .body(Map.of("beneficiaryId", beneficiary, "category", "UNEMPLOYMENT", "requestedAmount", "600.00",
                        "description", "下岗后暂无收入"))
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
        return new Person(member, beneficiary, caseId);
    }

    private static String verifiedVisit(UUID branch, String caseId) {
        as(Caller.BRANCH_SECRETARY, branch).body(Map.of("findings", "家中确有困难"))
                .post("/api/v1/cases/" + caseId + "/verification").then().statusCode(200);
        return as(Caller.BRANCH_SECRETARY, branch).get("/api/v1/cases/" + caseId + "/visits").then().extract().path("items[0].id");
    }
}
