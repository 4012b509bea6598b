package org.dangjian.platform.api.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The callers' token buckets, one for writes and one for bulk operations each. */
@ApplicationScoped
public class RateLimiter {

    @Inject
    RateLimitConfig config;

    /** Idle callers' buckets are dropped, so a million members cost memory only while active. */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(10, TimeUnit.MINUTES).maximumSize(200_000).build();

    /**
     * Takes one request from the caller's allowance and returns what is left of it, or refuses with 429
     * RATE_LIMITED; empty when limits are off.
     */
    public Optional<Quota> consume(String caller, boolean bulk) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        int perMinute = allowance(caller, bulk);
        Bucket bucket = buckets.get((bulk ? "bulk:" : "write:") + caller + ":" + perMinute, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        String policy = bulk ? "bulk" : "writes";
        if (!probe.isConsumed()) {
            long retryAfter = TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1;
            throw new RateLimitExceeded(retryAfter, new Quota(policy, perMinute, 0, retryAfter));
        }
        long remaining = probe.getRemainingTokens();
        // Greedy refill: the allowance is whole again once the used tokens have trickled back.
        long secondsToFull = (long) Math.ceil((perMinute - remaining) * 60.0 / perMinute);
        return Optional.of(new Quota(policy, perMinute, remaining, secondsToFull));
    }

    /**
     * What is left of one allowance, told to the client in the IETF RateLimit fields
     * (draft-ietf-httpapi-ratelimit-headers): {@code RateLimit-Policy: "writes";q=600;w=60} and
     * {@code RateLimit: "writes";r=599;t=1}.
     */
    public record Quota(String policy, int perMinute, long remaining, long secondsToReset) {

        public static final String POLICY_HEADER = "RateLimit-Policy";
        public static final String HEADER = "RateLimit";

        public String policyField() {
            return "\"" + policy + "\";q=" + perMinute + ";w=60";
        }

        public String field() {
            return "\"" + policy + "\";r=" + remaining + ";t=" + secondsToReset;
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
