package org.dangjian.member;

import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** The one way these tests wait for an asynchronous effect: poll a condition until it holds, 30 s at most. */
public final class Eventually {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private Eventually() {
    }

    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + LIMIT.toSeconds() + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * Until the reaction has applied the event: its id is recorded in the transaction of the effect, so the effect
     * is then visible too (and the event was not dead-lettered).
     */
    public static void applied(String consumer, UUID eventId) {
        await(consumer + " applies " + eventId, () -> QuarkusTransaction.requiringNew().call(() -> ((Number) TestTree.em()
                .createNativeQuery("select count(*) from processed_event where consumer = ?1 and event_id = ?2")
                .setParameter(1, consumer).setParameter(2, eventId).getSingleResult()).longValue()) == 1L);
    }
}
