package org.dangjian.assistance;

import java.time.Duration;
import java.util.function.Supplier;

/** Waiting for an asynchronous effect (an event applied by a consumer): one helper instead of a loop per test. */
public final class Eventually {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Eventually() {
    }

    /** Polls until the probe answers something other than null or false, and returns that answer. */
    public static <T> T await(Supplier<T> probe) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + TIMEOUT.toSeconds() + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
