package org.dangjian.organization;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.dangjian.platform.messaging.RetentionPruner;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class OutboxOperationsTest {

    @Inject
    EntityManager em;

    @Inject
    RetentionPruner pruner;

    @Test
    void readinessShowsTheRelayBacklogDrainedAfterAWrite() throws Exception {
        Api.newCommittee("积压测试党委");
        await("outbox relayed").atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from outbox_event where published_at is null") == 0);
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Outbox relay' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Outbox relay' }.data.pending", equalTo(0));
    }

    @Test
    void backlogAndPublishedCountAreMetrics() {
        Api.newCommittee("指标测试党委");
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("dangjian_outbox_pending"))
                .body(containsString("dangjian_outbox_oldest_pending_seconds"))
                .body(containsString("dangjian_outbox_published_total"));
    }

    @Test
    void publishedRowsOlderThanTheRetentionArePrunedAndPendingOnesKept() {
        UUID old = UUID.randomUUID();
        UUID unpublished = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            insert(old, "now() - interval '30 days'", "now() - interval '30 days'");
            insert(unpublished, "now() - interval '30 days'", "null");
        });

        pruner.prune();

        assertEquals(0L, count("select count(*) from outbox_event where id = '" + old + "'"));
        assertEquals(1L, count("select count(*) from outbox_event where id = '" + unpublished + "'"));
    }

    private void insert(UUID id, String occurredAt, String publishedAt) {
        em.createNativeQuery("insert into outbox_event (id, topic, type, source, aggregate_id, payload, occurred_at, published_at) "
                + "values (?1, 'dangjian.test.v1', 'test.pruned', '/test', ?1, '{}', " + occurredAt + ", " + publishedAt + ")")
                .setParameter(1, id).executeUpdate();
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
