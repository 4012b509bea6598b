package org.dangjian.member.member;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.dangjian.member.TestIds;
import org.dangjian.member.TestTree;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.dangjian.member.Api.asPlatformAdmin;
import static org.dangjian.member.Api.fullMember;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A client that lost the answer to a registration retries with its Idempotency-Key and registers nobody twice. */
@QuarkusTest
class RegistrationRetryTest {

    @Inject
    EntityManager em;

    @Test
    void aRetriedRegistrationReturnsTheFirstMemberAndRegistersNoOther() {
        Map<String, Object> body = fullMember(TestTree.branch(TestTree.committee()).id(), TestIds.nationalId(), TestIds.phone());
        String key = UUID.randomUUID().toString();
        String id = asPlatformAdmin().header("Idempotency-Key", key).body(body).post("/api/v1/members")
                .then().statusCode(201).extract().path("id");
        asPlatformAdmin().header("Idempotency-Key", key).body(body).post("/api/v1/members")
                .then().statusCode(201).header("Idempotent-Replayed", equalTo("true")).body("id", equalTo(id));
        // Without the key the same person is refused as a duplicate, as before.
        asPlatformAdmin().body(body).post("/api/v1/members").then().statusCode(409);
        assertEquals(1L, registrationEvents(UUID.fromString(id)));
    }

    private long registrationEvents(UUID member) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where aggregate_id = ?1 and type = 'member.registered'")
                .setParameter(1, member).getSingleResult()).longValue());
    }
}
