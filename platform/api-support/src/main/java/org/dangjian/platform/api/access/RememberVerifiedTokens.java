package org.dangjian.platform.api.access;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Hands every identity an identity provider produced to {@link VerifiedBearerTokens}, which keeps
 * those verified for a bearer token. Augmentors run only after a provider succeeded, so a token
 * that failed verification never gets here. It runs first, so what is remembered is the identity as
 * quarkus-oidc built it; the augmentors after it apply to a remembered identity again on each
 * request, as they would without the cache. The identity passes through unchanged.
 */
@ApplicationScoped
public class RememberVerifiedTokens implements SecurityIdentityAugmentor {

    private final VerifiedBearerTokens tokens;

    @Inject
    public RememberVerifiedTokens(VerifiedBearerTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        tokens.remember(identity);
        return Uni.createFrom().item(identity);
    }
}
