package org.dangjian.member.member;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.dangjian.member.Api;
import org.dangjian.member.TestIds;
import org.dangjian.member.TestTree;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.dangjian.member.Api.as;
import static org.dangjian.member.Api.asPlatformAdmin;
import static org.dangjian.member.Api.fullMember;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** National ID and phone: encrypted at rest, found by blind index, masked by role, unmasked reads audited. */
@QuarkusTest
class MemberPersonalDataTest {

    @Inject
    EntityManager em;

    @Test
    void orgAdminSeesTheFullValuesAndTheReadIsAudited() {
        TestTree.Node committee = TestTree.committee();
        String nationalId = TestIds.nationalId();
        UUID id = Api.registered(fullMember(TestTree.branch(committee).id(), nationalId, "13755556666"));

        as(Caller.ORG_ADMIN, committee.id()).header("X-Purpose", "political review").get("/api/v1/members/" + id).then().statusCode(200)
                .body("nationalId", equalTo(nationalId))
                .body("phone", equalTo("13755556666"))
                .body("masked", equalTo(false));

        List<?> reads = auditRows(id, "READ_UNMASKED");
        assertEquals(1, reads.size());
        Object[] row = (Object[]) reads.get(0);
        assertEquals("test-org-admin", row[0]);
        assertTrue(row[1].toString().contains("political review"), row[1].toString());
    }

    @Test
    void platformAdminSeesTheFullValues() {
        String nationalId = TestIds.nationalId();
        UUID id = Api.registered(fullMember(TestTree.branch(TestTree.committee()).id(), nationalId, TestIds.phone()));
        asPlatformAdmin().get("/api/v1/members/" + id).then().statusCode(200).body("nationalId", equalTo(nationalId));
    }

    @Test
    void branchSecretaryAuditorAndIntegrationSeeMaskedValuesAndNoReadIsAudited() {
        TestTree.Node committee = TestTree.committee();
        TestTree.Node branch = TestTree.branch(committee);
        String nationalId = TestIds.nationalId();
        UUID id = Api.registered(fullMember(branch.id(), nationalId, "13755556666"));
        String masked = nationalId.substring(0, 4) + "**********" + nationalId.substring(14);

        for (String role : List.of(Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION)) {
            as(role, branch.id()).get("/api/v1/members/" + id).then().statusCode(200)
                    .body("nationalId", equalTo(masked))
                    .body("phone", equalTo("137****6666"))
                    .body("masked", equalTo(true));
        }
        assertEquals(0, auditRows(id, "READ_UNMASKED").size());
    }

    @Test
    void memberSeesTheirOwnRecordInFullAndTheReadIsAudited() {
        String nationalId = TestIds.nationalId();
        UUID id = Api.registered(fullMember(TestTree.branch(TestTree.committee()).id(), nationalId, TestIds.phone()));
        Api.asMember(id).get("/api/v1/members/" + id).then().statusCode(200)
                .body("nationalId", equalTo(nationalId)).body("masked", equalTo(false));
        assertEquals(1, auditRows(id, "READ_UNMASKED").size());
    }

    @Test
    void memberCannotSeeAnotherMembersRecordNorSearch() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        UUID me = Api.registered(branch.id());
        UUID colleague = Api.registered(branch.id());
        Api.asMember(me).get("/api/v1/members/" + colleague).then().statusCode(404).body("code", equalTo("MEMBER_NOT_FOUND"));
        Api.asMember(me).get("/api/v1/members").then().statusCode(403);
    }

    @Test
    void exactNationalIdFindsTheMemberThroughTheBlindIndex() {
        TestTree.Node committee = TestTree.committee();
        String nationalId = TestIds.nationalId();
        UUID id = Api.registered(fullMember(TestTree.branch(committee).id(), nationalId, TestIds.phone()));
        Api.registered(TestTree.branch(committee).id());

        as(Caller.ORG_ADMIN, committee.id()).queryParam("nationalId", nationalId.toLowerCase()).get("/api/v1/members")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(id.toString()))
                .body("items[0].masked", equalTo(true));
        // Outside the caller's subtree the same person is not found.
        as(Caller.ORG_ADMIN, TestTree.committee().id()).queryParam("nationalId", nationalId).get("/api/v1/members")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void exactPhoneFindsTheMember() {
        TestTree.Node committee = TestTree.committee();
        String phone = TestIds.phone();
        UUID id = Api.registered(fullMember(TestTree.branch(committee).id(), TestIds.nationalId(), phone));
        as(Caller.BRANCH_SECRETARY, committee.id()).queryParam("phone", phone).get("/api/v1/members").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(id.toString()));
    }

    @Test
    void searchByAnInvalidNationalIdIsABadRequest() {
        asPlatformAdmin().queryParam("nationalId", "12345").get("/api/v1/members").then().statusCode(400)
                .body("code", equalTo("MEMBER_SEARCH_NATIONAL_ID_INVALID"));
    }

    @Test
    void noTableHoldsANationalIdOrPhoneInPlaintext() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        String nationalId = TestIds.nationalId();
        String phone = TestIds.phone();
        UUID id = Api.registered(fullMember(branch.id(), nationalId, phone));
        asPlatformAdmin().get("/api/v1/members/" + id).then().statusCode(200);
        String otherPhone = TestIds.phone();
        asPlatformAdmin().body(java.util.Map.of("phone", otherPhone)).patch("/api/v1/members/" + id).then().statusCode(200);

        // Like a database dump: every row of every table of the service, as text.
        List<String> tables = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select tablename from pg_tables where schemaname = 'public'").getResultList())
                .stream().map(Object::toString).toList();
        assertTrue(tables.contains("member") && tables.contains("audit_entry") && tables.contains("outbox_event"), tables::toString);
        for (String table : tables) {
            for (String secret : List.of(nationalId, phone, otherPhone)) {
                Number hits = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                        "select count(*) from \"" + table + "\" t where t::text like '%' || ?1 || '%'")
                        .setParameter(1, secret).getSingleResult());
                assertEquals(0, hits.intValue(), () -> "plaintext personal data in table " + table);
            }
        }
        Object stored = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select national_id from member where id = ?1").setParameter(1, id).getSingleResult());
        assertTrue(stored.toString().startsWith("v1:local-1:"), "sealed with the active key id");
    }

    @Test
    void auditTrailRefusesUpdatesAndDeletes() {
        UUID id = Api.registered(TestTree.branch(TestTree.committee()).id());
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("update audit_entry set actor = 'x' where target_id = ?1").setParameter(1, id).executeUpdate()));
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("delete from audit_entry where target_id = ?1").setParameter(1, id).executeUpdate()));
        assertEquals(1, auditRows(id, "MEMBER_REGISTERED").size());
    }

    private List<?> auditRows(UUID target, String action) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select actor, cast(details as text) from audit_entry where target_id = ?1 and action = ?2")
                .setParameter(1, target).setParameter(2, action).getResultList());
    }
}
