package org.dangjian.platform.api.access;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Which verified identities the cache keeps, and until when: the token's exp, at most the maximum age. */
class VerifiedTokenCacheTest {

    private static final long NOW = 1_800_000_000_000L;

    private final AtomicLong clock = new AtomicLong(NOW);
    private final VerifiedTokenCache cache = new VerifiedTokenCache(100, Duration.ofMinutes(10), clock::get);

    @Test
    void aVerifiedTokenIsKnownUntilJustBeforeItsExpiry() {
        SecurityIdentity identity = identityExpiringAt(NOW / 1000 + 60);
        cache.remember("token-a", identity);

        clock.set(NOW + 59_999);
        assertSame(identity, cache.find("token-a"));
        clock.set(NOW + 60_000);
        assertNull(cache.find("token-a"), "at its exp the token must be verified again, which applies the issuer's rules");
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheMaximumAge() {
        cache.remember("token-b", identityExpiringAt(NOW / 1000 + 3600));

        clock.set(NOW + Duration.ofMinutes(10).toMillis());
        assertNull(cache.find("token-b"));
    }

    @Test
    void aTokenDifferingInOneCharacterIsNotKnown() {
        cache.remember("header.claims.signature", identityExpiringAt(NOW / 1000 + 60));

        assertNull(cache.find("header.claims.signaturf"));
    }

    @Test
    void anAlreadyExpiredTokenIsNotRemembered() {
        cache.remember("token-c", identityExpiringAt(NOW / 1000 - 1));

        assertNull(cache.find("token-c"));
    }

    @Test
    void anIdentityWithoutAJwtIsNotRemembered() {
        cache.remember("token-d", QuarkusSecurityIdentity.builder().setAnonymous(true).build());

        assertNull(cache.find("token-d"));
    }

    private static SecurityIdentity identityExpiringAt(long expSeconds) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new ExpiringJwt(expSeconds)).addRole("auditor").build();
    }
}
