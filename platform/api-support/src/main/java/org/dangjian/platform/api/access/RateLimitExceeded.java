package org.dangjian.platform.api.access;

import org.dangjian.platform.api.DomainException;

/** 429 RATE_LIMITED, with the seconds after which the caller's allowance has a token again. */
public class RateLimitExceeded extends DomainException {

    private final long retryAfterSeconds;
    private final RateLimiter.Quota quota;

    public RateLimitExceeded(long retryAfterSeconds, RateLimiter.Quota quota) {
        super(429, "RATE_LIMITED", retryAfterSeconds);
        this.retryAfterSeconds = retryAfterSeconds;
        this.quota = quota;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public RateLimiter.Quota quota() {
        return quota;
    }
}
