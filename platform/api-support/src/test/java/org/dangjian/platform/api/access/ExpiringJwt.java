package org.dangjian.platform.api.access;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Map;
import java.util.Set;

/** The principal quarkus-oidc gives a verified bearer token, reduced to what the cache reads: its {@code exp}. */
record ExpiringJwt(long exp) implements JsonWebToken {

    /** A token of "someone" that expires {@code seconds} from the system clock's now. */
    static ExpiringJwt expiringIn(long seconds) {
        return new ExpiringJwt(System.currentTimeMillis() / 1000 + seconds);
    }

    @Override
    public String getName() {
        return "someone";
    }

    @Override
    public Set<String> getClaimNames() {
        return Set.of("exp");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        return (T) Map.<String, Object>of("exp", exp).get(claimName);
    }
}
