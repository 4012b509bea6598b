package org.dangjian.platform.api.access;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * Verifies a bearer token once, not on every request. Clients reuse an access token for its whole
 * lifetime (minutes), and checking its RS256 signature and parsing its claims again on every call
 * cost ~40 % of a simple read's CPU (benchmark B1).
 *
 * <p>Built on Quarkus Security's public extension points only: quarkus-oidc's bearer mechanism
 * still reads the header, resolves the tenant and answers the 401 challenge; it hands the token to
 * the identity providers as a {@link TokenAuthenticationRequest}. This provider comes first
 * ({@link #priority()}): for a token verified before it answers with the remembered identity, for
 * any other it answers nothing, so quarkus-oidc's own provider verifies it as before.
 * {@link RememberVerifiedTokens}, the first augmentor, remembers the identity quarkus-oidc produced,
 * under the exact token text, until the token's own {@code exp} (no grace), or
 * {@link VerifiedTokenCacheConfig#maxAge()} if sooner. A token that fails verification produces no
 * identity and is never remembered, so a forged or expired one is refused every time.
 *
 * <p>What this gives up: a token's signature key removed from the issuer's JWKS keeps working here
 * until the token expires or leaves the cache — the same as for any locally verified JWT, whose
 * validity never depended on a call to the issuer. The services have one OIDC tenant; with several,
 * the cache would have to be keyed by tenant too.
 */
@ApplicationScoped
public class VerifiedBearerTokens implements IdentityProvider<TokenAuthenticationRequest> {

    /** Where quarkus-oidc and Quarkus HTTP security look for the request an identity belongs to. */
    private static final String[] ROUTING_CONTEXT_ATTRIBUTES = {
        RoutingContext.class.getName(), HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE};

    private final VerifiedTokenCacheConfig config;
    private final VerifiedTokenCache verified;

    @Inject
    public VerifiedBearerTokens(VerifiedTokenCacheConfig config) {
        this.config = config;
        this.verified = new VerifiedTokenCache(config.maxSize(), config.maxAge(), System::currentTimeMillis);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Ahead of quarkus-oidc's provider, which keeps the default priority. */
    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        SecurityIdentity known = config.enabled() && request.getToken() instanceof AccessTokenCredential token
                ? verified.find(token.getToken())
                : null;
        if (known == null) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(withRequest(known, HttpSecurityUtils.getRoutingContextAttribute(request)));
    }

    /**
     * Remembers the identity quarkus-oidc verified for a bearer access token (one carrying its
     * {@link AccessTokenCredential}); every other identity, and one already known, is left alone.
     */
    void remember(SecurityIdentity identity) {
        if (!config.enabled()) {
            return;
        }
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null || token.getToken() == null || verified.find(token.getToken()) != null) {
            return;
        }
        // Without the verifying request: the cache must not keep a finished request's objects alive.
        verified.remember(token.getToken(), withRequest(identity, null));
    }

    /** The identity as seen by this request: anything that looks at the identity's request must see this one. */
    private static SecurityIdentity withRequest(SecurityIdentity identity, RoutingContext request) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity);
        for (String attribute : ROUTING_CONTEXT_ATTRIBUTES) {
            builder.addAttribute(attribute, request);
        }
        return builder.build();
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
