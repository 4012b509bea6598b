package org.dangjian.platform.api.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The callers' token buckets, one for writes and one for bulk operations each. */
@ApplicationScoped
public class RateLimiter {

    @Inject
    RateLimitConfig config;

    /** Idle callers' buckets are dropped, so a million members cost memory only while active. */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(10, TimeUnit.MINUTES).maximumSize(200_000).build();

    /** Takes one request from the caller's allowance, or refuses with 429 RATE_LIMITED. */
    public void consume(String caller, boolean bulk) {
        if (!config.enabled()) {
            return;
        }
        int perMinute = allowance(caller, bulk);
        Bucket bucket = buckets.get((bulk ? "bulk:" : "write:") + caller + ":" + perMinute, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new RateLimitExceeded(TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        }
    }

    private int allowance(String caller, boolean bulk) {
        RateLimitConfig.Allowance own = config.callers().get(caller);
        if (own != null) {
            var specific = bulk ? own.bulkPerMinute() : own.writesPerMinute();
            if (specific.isPresent()) {
                return specific.get();
            }
        }
        return bulk ? config.bulkPerMinute() : config.writesPerMinute();
    }
}
