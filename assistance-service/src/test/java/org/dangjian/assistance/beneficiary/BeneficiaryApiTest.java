package org.dangjian.assistance.beneficiary;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.dangjian.assistance.Api;
import org.dangjian.assistance.MemberFixture;
import org.dangjian.assistance.OrgTreeFixture;
import org.dangjian.assistance.People;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.dangjian.assistance.Api.as;
import static org.dangjian.assistance.Database.count;
import static org.dangjian.assistance.Database.text;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class BeneficiaryApiTest {

    @Inject
    OrgTreeFixture orgs;

    @Inject
    MemberFixture members;

    @Test
    void branchSecretaryRegistersAResidentAndReadsThePersonalDataAudited() {
        var tree = orgs.tree();
        String nationalId = People.nationalId();
        String id = as(Caller.BRANCH_SECRETARY, tree.branch()).body(People.resident(tree.branch(), nationalId))
                .post("/api/v1/beneficiaries").then().statusCode(201)
                .body("kind", equalTo("RESIDENT"))
                .body("categories", equalTo(List.of("ILLNESS", "ELDERLY_ALONE")))
                .body("masked", equalTo(true))
                .extract().path("id");

        as(Caller.BRANCH_SECRETARY, tree.branch()).queryParam("purpose", "核实走访")
                .get("/api/v1/beneficiaries/" + id).then().statusCode(200)
                .body("nationalId", equalTo(nationalId))
                .body("hardshipDetails", equalTo("独居，患慢性病，每月药费约800元"));
        assertEquals(1L, count("select count(*) from audit_entry where target_id = '" + id
                + "' and action = 'READ_UNMASKED' and details ->> 'reason' = '核实走访'"));
    }

    @Test
    void personalDataIsEncryptedAtRestAndTheWriteAuditHoldsItMasked() {
        var tree = orgs.tree();
        String nationalId = People.nationalId();
        String id = as(Caller.ORG_ADMIN, tree.committee()).body(People.resident(tree.branch(), nationalId))
                .post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");

        String stored = text("select national_id_enc || ' ' || hardship_details_enc from beneficiary where id = '" + id + "'");
        assertTrue(stored.startsWith("v1:"), stored);
        assertFalse(stored.contains(nationalId));
        String audited = text("select cast(details as text) from audit_entry where target_id = '" + id
                + "' and action = 'BENEFICIARY_REGISTERED'");
        assertFalse(audited.contains(nationalId), audited);
        assertFalse(audited.contains("药费"), audited);
    }

    @Test
    void auditorSeesPersonalDataMaskedAndNoUnmaskedReadIsRecorded() {
        var tree = orgs.tree();
        String nationalId = People.nationalId();
        String id = register(tree.branch(), nationalId);

        as(Caller.AUDITOR, tree.committee()).get("/api/v1/beneficiaries/" + id).then().statusCode(200)
                .body("nationalId", equalTo(nationalId.substring(0, 4) + "**********" + nationalId.substring(14)))
                .body("hardshipDetails", equalTo("******"))
                .body("masked", equalTo(true));
        assertEquals(0L, count("select count(*) from audit_entry where target_id = '" + id + "' and action = 'READ_UNMASKED'"));
    }

    @Test
    void aResidentIsFoundByTheExactNationalIdAndListedMasked() {
        var tree = orgs.tree();
        String nationalId = People.nationalId();
        String id = register(tree.branch(), nationalId);
        register(tree.branch(), People.nationalId());

        as(Caller.ORG_ADMIN, tree.committee()).queryParam("nationalId", nationalId.toLowerCase())
                .get("/api/v1/beneficiaries").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].id", equalTo(id))
                .body("items[0].masked", equalTo(true));
        as(Caller.ORG_ADMIN, tree.committee()).queryParam("category", "ELDERLY_ALONE")
                .get("/api/v1/beneficiaries").then().statusCode(200).body("items.size()", equalTo(2));
        as(Caller.ORG_ADMIN, tree.committee()).queryParam("category", "DISASTER")
                .get("/api/v1/beneficiaries").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void anUpdateNeedsTheVersionLastReadAndIsRefusedWhenStale() {
        var tree = orgs.tree();
        String id = register(tree.branch(), People.nationalId());
        String etag = as(Caller.BRANCH_SECRETARY, tree.branch()).get("/api/v1/beneficiaries/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"0\"")).extract().header("ETag");
        Map<String, Object> update = Map.of("address", "西城镇南街8号", "householdSize", 3,
                "categories", List.of("DISABILITY"), "hardshipDetails", "肢体残疾二级");

        as(Caller.BRANCH_SECRETARY, tree.branch()).body(update).put("/api/v1/beneficiaries/" + id).then().statusCode(428)
                .body("code", equalTo("IF_MATCH_REQUIRED"));
        as(Caller.BRANCH_SECRETARY, tree.branch()).header("If-Match", etag).body(update).put("/api/v1/beneficiaries/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("categories", equalTo(List.of("DISABILITY")))
                .body("householdSize", equalTo(3));
        as(Caller.BRANCH_SECRETARY, tree.branch()).header("If-Match", etag).body(update).put("/api/v1/beneficiaries/" + id)
                .then().statusCode(412).body("code", equalTo("BENEFICIARY_VERSION_STALE"));
        as(Caller.BRANCH_SECRETARY, tree.branch()).get("/api/v1/beneficiaries/" + id).then()
                .body("hardshipDetails", equalTo("肢体残疾二级")).body("address", equalTo("西城镇南街8号"));
        as(Caller.AUDITOR, tree.branch()).header("If-Match", "\"1\"").body(update).put("/api/v1/beneficiaries/" + id)
                .then().statusCode(403);
        as(Caller.ORG_ADMIN, tree.sibling()).header("If-Match", "\"1\"").body(update).put("/api/v1/beneficiaries/" + id)
                .then().statusCode(404);
        assertEquals(1L, count("select count(*) from audit_entry where target_id = '" + id + "' and action = 'BENEFICIARY_UPDATED'"));
    }

    @Test
    void theSamePersonCannotBeRegisteredTwice() {
        var tree = orgs.tree();
        String nationalId = People.nationalId();
        register(tree.branch(), nationalId);
        as(Caller.ORG_ADMIN, tree.committee()).body(People.resident(tree.otherBranch(), nationalId))
                .post("/api/v1/beneficiaries").then().statusCode(409).body("code", equalTo("BENEFICIARY_ALREADY_REGISTERED"));
    }

    @Test
    void aMemberInHardshipIsRegisteredOnceByMemberId() {
        var tree = orgs.tree();
        UUID member = members.registered(tree.branch());
        as(Caller.BRANCH_SECRETARY, tree.branch()).body(People.member(tree.branch(), member))
                .post("/api/v1/beneficiaries").then().statusCode(201)
                .body("memberId", equalTo(member.toString()))
                .body("nationalId", equalTo(null));
        as(Caller.BRANCH_SECRETARY, tree.branch()).body(People.member(tree.branch(), member))
                .post("/api/v1/beneficiaries").then().statusCode(409)
                .body("code", equalTo("BENEFICIARY_MEMBER_ALREADY_REGISTERED"));
    }

    @Test
    void incompleteIdentityIsRefused() {
        var tree = orgs.tree();
        Map<String, Object> noId = People.resident(tree.branch(), null);
        as(Caller.ORG_ADMIN, tree.committee()).body(noId).post("/api/v1/beneficiaries").then().statusCode(422)
                .body("code", equalTo("BENEFICIARY_RESIDENT_IDENTITY_REQUIRED"));
        Map<String, Object> noMember = People.member(tree.branch(), null);
        as(Caller.ORG_ADMIN, tree.committee()).body(noMember).post("/api/v1/beneficiaries").then().statusCode(422)
                .body("code", equalTo("BENEFICIARY_MEMBER_ID_REQUIRED"));
    }

    @Test
    void aNationalIdWithAWrongCheckCharacterIsInvalid() {
        var tree = orgs.tree();
        String valid = People.nationalId();
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        as(Caller.ORG_ADMIN, tree.committee()).body(People.resident(tree.branch(), valid.substring(0, 17) + wrong))
                .post("/api/v1/beneficiaries").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("nationalId"));
    }

    @Test
    void beneficiariesNeedATokenAndACaseWorkerRoleToRegister() {
        var tree = orgs.tree();
        Api.anonymous().get("/api/v1/beneficiaries").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        as(Caller.MEMBER, tree.branch()).body(People.resident(tree.branch(), People.nationalId()))
                .post("/api/v1/beneficiaries").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        as(Caller.AUDITOR, tree.branch()).body(People.resident(tree.branch(), People.nationalId()))
                .post("/api/v1/beneficiaries").then().statusCode(403);
    }

    @Test
    void aBeneficiaryOfAnotherSubtreeIsNotFound() {
        var tree = orgs.tree();
        String id = register(tree.branch(), People.nationalId());
        as(Caller.BRANCH_SECRETARY, tree.otherBranch()).get("/api/v1/beneficiaries/" + id).then().statusCode(404)
                .body("code", equalTo("BENEFICIARY_NOT_FOUND"));
        as(Caller.ORG_ADMIN, tree.sibling()).get("/api/v1/beneficiaries").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        as(Caller.ORG_ADMIN, tree.sibling()).body(People.resident(tree.branch(), People.nationalId()))
                .post("/api/v1/beneficiaries").then().statusCode(404).body("code", equalTo("ORGANIZATION_NOT_FOUND"));
    }

    private String register(UUID orgId, String nationalId) {
        return as(Caller.BRANCH_SECRETARY, orgId).body(People.resident(orgId, nationalId))
                .post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");
    }
}
