package org.dangjian.organization;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.messaging.RetentionPruner;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.dangjian.organization.Api.as;
import static org.dangjian.organization.Api.asPlatformAdmin;
import static org.dangjian.organization.Api.organization;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Idempotency-Key on a creating POST (platform @Idempotent), proven on establishing an organization. */
@QuarkusTest
class IdempotencyKeyTest {

    private static final String PATH = "/api/v1/organizations";

    @Inject
    EntityManager em;

    @Inject
    RetentionPruner pruner;

    @Test
    void retryWithTheSameKeyReturnsTheFirstResponseAndCreatesNothingMore() {
        String name = "幂等党委-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        var first = asPlatformAdmin().header("Idempotency-Key", key).body(organization(name, "COMMITTEE", null))
                .post(PATH).then().statusCode(201).header("Idempotent-Replayed", nullValue());
        String id = first.extract().path("id");
        String location = first.extract().header("Location");

        asPlatformAdmin().header("Idempotency-Key", key).body(organization(name, "COMMITTEE", null))
                .post(PATH).then().statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .header("Location", equalTo(location))
                .header("ETag", equalTo(first.extract().header("ETag")))
                .body("id", equalTo(id)).body("name", equalTo(name));

        assertEquals(1L, organizationsNamed(name));
        assertEquals(1L, eventsAbout(id));
    }

    @Test
    void sameKeyWithAnotherRequestIsRefusedAndChangesNothing() {
        String key = UUID.randomUUID().toString();
        String name = "幂等党委-" + UUID.randomUUID();
        asPlatformAdmin().header("Idempotency-Key", key).body(organization(name, "COMMITTEE", null))
                .post(PATH).then().statusCode(201);

        String other = "另一个党委-" + UUID.randomUUID();
        asPlatformAdmin().header("Idempotency-Key", key).header("Accept-Language", "en")
                .body(organization(other, "COMMITTEE", null))
                .post(PATH).then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"))
                .body("title", equalTo("Idempotency key reused"));
        assertEquals(0L, organizationsNamed(other));
    }

    @Test
    void concurrentRequestsWithOneKeyCreateExactlyOneOrganization() throws Exception {
        String name = "并发幂等党委-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Callable<String> request = () -> asPlatformAdmin().header("Idempotency-Key", key)
                .body(organization(name, "COMMITTEE", null))
                .post(PATH).then().statusCode(201).extract().path("id");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = pool.invokeAll(IntStream.range(0, 8).mapToObj(i -> request).toList());
            String first = answers.get(0).get();
            for (Future<String> answer : answers) {
                assertEquals(first, answer.get(), "every retry sees the one organization created");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1L, organizationsNamed(name));
    }

    @Test
    void aKeyWhoseRequestWasRefusedCanBeUsedForTheCorrectedRequest() {
        String key = UUID.randomUUID().toString();
        String name = "更正后的党委-" + UUID.randomUUID();
        asPlatformAdmin().header("Idempotency-Key", key).body(organization(name, "BRANCH", UUID.randomUUID()))
                .post(PATH).then().statusCode(422);
        asPlatformAdmin().header("Idempotency-Key", key).body(organization(name, "COMMITTEE", null))
                .post(PATH).then().statusCode(201).header("Idempotent-Replayed", nullValue());
        assertEquals(1L, organizationsNamed(name));
    }

    @Test
    void keysBelongToTheCallerWhoSentThem() {
        UUID committee = Api.newCommittee("键归属党委-" + UUID.randomUUID());
        String key = UUID.randomUUID().toString();
        String mine = "甲支部-" + UUID.randomUUID();
        String theirs = "乙支部-" + UUID.randomUUID();
        as(Caller.ORG_ADMIN, committee).header("Idempotency-Key", key).body(organization(mine, "BRANCH", committee))
                .post(PATH).then().statusCode(201);
        asPlatformAdmin().header("Idempotency-Key", key).body(organization(theirs, "BRANCH", committee))
                .post(PATH).then().statusCode(201).header("Idempotent-Replayed", nullValue());
        assertEquals(1L, organizationsNamed(mine));
        assertEquals(1L, organizationsNamed(theirs));
    }

    @Test
    void malformedKeyIsRefusedWith400() {
        String name = "短键党委-" + UUID.randomUUID();
        asPlatformAdmin().header("Idempotency-Key", "short").body(organization(name, "COMMITTEE", null))
                .post(PATH).then().statusCode(400).body("code", equalTo("IDEMPOTENCY_KEY_INVALID"));
        assertEquals(0L, organizationsNamed(name));
    }

    @Test
    void keysOlderThanTheRetentionArePrunedAndRecentOnesKept() {
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            rememberKey(old, "now() - interval '2 days'");
            rememberKey(recent, "now() - interval '1 hour'");
        });

        pruner.prune();

        assertEquals(0L, keysNamed(old));
        assertEquals(1L, keysNamed(recent));
    }

    private void rememberKey(String key, String createdAt) {
        em.createNativeQuery("insert into idempotent_request (caller, idempotency_key, operation, request_hash, "
                + "response_status, created_at) values ('test', ?1, 'Test.op', 'x', 201, " + createdAt + ")")
                .setParameter(1, key).executeUpdate();
    }

    private long keysNamed(String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from idempotent_request where idempotency_key = ?1").setParameter(1, key)
                .getSingleResult()).longValue());
    }

    private long organizationsNamed(String name) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from organization where name = ?1").setParameter(1, name).getSingleResult()).longValue());
    }

    private long eventsAbout(String id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where aggregate_id = ?1").setParameter(1, UUID.fromString(id)).getSingleResult()).longValue());
    }
}
