package org.dangjian.member.member;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.dangjian.member.Api;
import org.dangjian.member.TestIds;
import org.dangjian.member.TestTree;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.pii.PersonalDataProtection;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.dangjian.member.Api.as;
import static org.dangjian.member.Api.asPlatformAdmin;
import static org.dangjian.member.Api.fullMember;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Key rotation: values sealed with a retired key are re-sealed with the active one and still read the same. */
@QuarkusTest
class KeyRotationTest {

    private static final String RETIRED_KEY = "retired-0";
    private static final String PATH = "/api/v1/admin/personal-data/re-encryption";

    @Inject
    EntityManager em;

    @Inject
    PersonalDataProtection protection;

    @Test
    void reEncryptionResealsValuesOfARetiredKeyWithTheActiveKeyAndTheyReadTheSame() {
        String nationalId = TestIds.nationalId();
        String phone = TestIds.phone();
        UUID id = Api.registered(fullMember(TestTree.branch(TestTree.committee()).id(), nationalId, phone));
        sealWithRetiredKey(id, nationalId, phone);
        assertTrue(column(id, "national_id").startsWith("v1:" + RETIRED_KEY + ":"));

        asPlatformAdmin().post(PATH).then().statusCode(200)
                .body("reencrypted.'member.national_id'", greaterThanOrEqualTo(1))
                .body("reencrypted.'member.phone'", greaterThanOrEqualTo(1))
                .body("remaining", equalTo(0));

        assertTrue(column(id, "national_id").startsWith(protection.activePrefix()));
        assertTrue(column(id, "phone").startsWith(protection.activePrefix()));
        asPlatformAdmin().get("/api/v1/members/" + id).then().statusCode(200)
                .body("nationalId", equalTo(nationalId)).body("phone", equalTo(phone));
        assertTrue(count("select count(*) from audit_entry where action = 'PERSONAL_DATA_REENCRYPTED'") > 0);
    }

    @Test
    void aLimitedCallLeavesTheRestForTheNextCall() {
        UUID first = Api.registered(fullMember(TestTree.branch(TestTree.committee()).id(), TestIds.nationalId(), TestIds.phone()));
        UUID second = Api.registered(fullMember(TestTree.branch(TestTree.committee()).id(), TestIds.nationalId(), TestIds.phone()));
        sealWithRetiredKey(first, "110101199003077777", null);
        sealWithRetiredKey(second, "110101199003077777", null);

        asPlatformAdmin().post(PATH + "?limit=1").then().statusCode(200).body("remaining", equalTo(1));
        asPlatformAdmin().post(PATH).then().statusCode(200).body("remaining", equalTo(0));
    }

    @Test
    void onlyPlatformAdminsRotate() {
        as(Caller.ORG_ADMIN, TestTree.committee().id()).post(PATH).then().statusCode(403);
    }

    private void sealWithRetiredKey(UUID id, String nationalId, String phone) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update member set national_id = ?1 where id = ?2")
                    .setParameter(1, protection.encryptWith(RETIRED_KEY, nationalId)).setParameter(2, id).executeUpdate();
            if (phone != null) {
                em.createNativeQuery("update member set phone = ?1 where id = ?2")
                        .setParameter(1, protection.encryptWith(RETIRED_KEY, phone)).setParameter(2, id).executeUpdate();
            }
        });
    }

    private String column(UUID id, String column) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select " + column + " from member where id = ?1").setParameter(1, id).getSingleResult());
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
