package org.dangjian.platform.api.access;

import org.dangjian.platform.api.DomainException;

/** 429 RATE_LIMITED, with the seconds after which the caller's allowance has a token again. */
public class RateLimitExceeded extends DomainException {

    private final long retryAfterSeconds;

    public RateLimitExceeded(long retryAfterSeconds) {
        super(429, "RATE_LIMITED", retryAfterSeconds);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
