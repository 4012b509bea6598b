package org.dangjian.platform.api.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Identities of bearer tokens that passed verification, each until its token's {@code exp} (no
 * grace) or {@code maxAge} after it was verified, whichever comes first. Keyed by the exact token
 * text: a token differing in any character, its signature included, is a different key and is
 * verified on its own.
 */
final class VerifiedTokenCache {

    private final Cache<String, Verified> entries;
    private final long maxAgeMillis;
    private final LongSupplier clockMillis;

    VerifiedTokenCache(int maxSize, Duration maxAge, LongSupplier clockMillis) {
        // Expiry is checked on every read against the clock; the cache's own expiry only frees memory.
        this.entries = Caffeine.newBuilder().maximumSize(maxSize).expireAfterWrite(maxAge).build();
        this.maxAgeMillis = maxAge.toMillis();
        this.clockMillis = clockMillis;
    }

    /** The identity verified for this token, or null when unknown or no longer valid. */
    SecurityIdentity find(String token) {
        Verified hit = entries.getIfPresent(token);
        if (hit == null) {
            return null;
        }
        if (hit.validUntilMillis <= clockMillis.getAsLong()) {
            entries.invalidate(token);
            return null;
        }
        return hit.identity;
    }

    /** Remembers a verified JWT's identity; anything else (anonymous, opaque, no exp) is not remembered. */
    void remember(String token, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        long now = clockMillis.getAsLong();
        long expiresAtMillis = jwt.getExpirationTime() * 1000L;
        long validUntil = Math.min(expiresAtMillis, now + maxAgeMillis);
        if (expiresAtMillis > 0 && validUntil > now) {
            entries.put(token, new Verified(identity, validUntil));
        }
    }

    private record Verified(SecurityIdentity identity, long validUntilMillis) {
    }
}
