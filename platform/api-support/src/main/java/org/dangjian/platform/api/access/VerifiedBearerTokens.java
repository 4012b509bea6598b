package org.dangjian.platform.api.access;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Set;

/**
 * Verifies a bearer token once, not on every request. Clients reuse an access token for its whole
 * lifetime (minutes), and checking its RS256 signature and parsing its claims again on every call
 * cost ~40 % of a simple read's CPU (benchmark B1). The first request with a token goes through
 * quarkus-oidc as before; the identity it yields is remembered under the exact token text until the
 * token's own {@code exp} (no grace), or {@link VerifiedTokenCacheConfig#maxAge()} if sooner. A token
 * that fails verification is never remembered, so a forged or expired one is refused every time.
 *
 * <p>What this gives up: a token's signature key removed from the issuer's JWKS keeps working here
 * until the token expires or leaves the cache — the same as for any locally verified JWT, whose
 * validity never depended on a call to the issuer.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedBearerTokens implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    @Inject
    OidcAuthenticationMechanism oidc;

    private final VerifiedTokenCacheConfig config;
    private final VerifiedTokenCache verified;

    @Inject
    public VerifiedBearerTokens(VerifiedTokenCacheConfig config) {
        this.config = config;
        this.verified = new VerifiedTokenCache(config.maxSize(), config.maxAge(), System::currentTimeMillis);
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String token = bearerToken(context);
        if (token == null || !config.enabled()) {
            return oidc.authenticate(context, identities);
        }
        SecurityIdentity known = verified.find(token);
        if (known != null) {
            return Uni.createFrom().item(forThisRequest(known, context));
        }
        return oidc.authenticate(context, identities).invoke(identity -> verified.remember(token, identity));
    }

    /**
     * The remembered identity carries the routing context of the request that verified it; anything
     * that looks at the identity's request must see this one.
     */
    private static SecurityIdentity forThisRequest(SecurityIdentity identity, RoutingContext context) {
        return QuarkusSecurityIdentity.builder(identity)
                .addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, context)
                .build();
    }

    private static String bearerToken(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return header.substring(BEARER.length()).trim();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return oidc.getChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return oidc.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return oidc.getCredentialTransport(context);
    }

    @Override
    public int getPriority() {
        return oidc.getPriority();
    }

    /** How long verified tokens are remembered; {@code dangjian.auth.verified-token-cache.*}. */
    @io.smallrye.config.ConfigMapping(prefix = "dangjian.auth.verified-token-cache")
    public interface VerifiedTokenCacheConfig {
        @io.smallrye.config.WithDefault("true")
        boolean enabled();

        /**
         * Tokens remembered at once (a few KB each: the claims and the token text); the least used go first.
         * 5000 stays within ~20 MB of a 320 MB heap.
         */
        @io.smallrye.config.WithDefault("5000")
        int maxSize();

        /** Upper bound on remembering a token, whatever its own lifetime. */
        @io.smallrye.config.WithDefault("PT10M")
        Duration maxAge();
    }
}
