package org.dangjian.platform.api.access;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.ext.web.RoutingContext;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The provider answers only for tokens whose identity the augmentor remembered; for every other
 * token it answers nothing, which sends the token to quarkus-oidc's own provider for verification.
 * Which identities are remembered and for how long is the cache's ({@link VerifiedTokenCacheTest}).
 */
class VerifiedBearerTokensTest {

    private static final String TOKEN = "header.claims.signature";

    private final VerifiedBearerTokens tokens = new VerifiedBearerTokens(config(true));
    private final RememberVerifiedTokens augmentor = new RememberVerifiedTokens(tokens);

    @Test
    void aTokenNotSeenBeforeIsLeftToQuarkusOidc() {
        assertNull(answerFor(TOKEN, request()));
    }

    @Test
    void aTokenVerifiedOnceIsAnsweredWithItsIdentityAndRolesAfterwards() {
        SecurityIdentity verified = verifiedIdentity(TOKEN, request());
        assertSame(verified, augmentor.augment(verified, null).await().indefinitely(), "the augmentor changes nothing");

        SecurityIdentity known = answerFor(TOKEN, request());

        assertEquals("someone", known.getPrincipal().getName());
        assertEquals(Set.of("branch-secretary"), known.getRoles());
        assertEquals(TOKEN, known.getCredential(AccessTokenCredential.class).getToken());
    }

    @Test
    void aRememberedIdentityCarriesTheRequestItIsUsedFor() {
        augmentor.augment(verifiedIdentity(TOKEN, request()), null).await().indefinitely();
        RoutingContext second = request();

        SecurityIdentity known = answerFor(TOKEN, second);

        assertSame(second, HttpSecurityUtils.getRoutingContextAttribute(known));
        assertSame(second, known.getAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE));
    }

    @Test
    void anIdentityWithoutABearerTokenIsNotRemembered() {
        SecurityIdentity withoutCredential = QuarkusSecurityIdentity.builder()
                .setPrincipal(ExpiringJwt.expiringIn(300)).addRole("platform-admin").build();
        augmentor.augment(withoutCredential, null).await().indefinitely();

        assertNull(answerFor(TOKEN, request()));
    }

    @Test
    void turnedOffEveryTokenIsLeftToQuarkusOidc() {
        VerifiedBearerTokens off = new VerifiedBearerTokens(config(false));
        new RememberVerifiedTokens(off).augment(verifiedIdentity(TOKEN, request()), null).await().indefinitely();

        assertNull(off.authenticate(bearer(TOKEN, request()), null).await().indefinitely());
    }

    private SecurityIdentity answerFor(String token, RoutingContext request) {
        return tokens.authenticate(bearer(token, request), null).await().indefinitely();
    }

    private static TokenAuthenticationRequest bearer(String token, RoutingContext request) {
        TokenAuthenticationRequest authentication = new TokenAuthenticationRequest(new AccessTokenCredential(token));
        HttpSecurityUtils.setRoutingContextAttribute(authentication, request);
        return authentication;
    }

    /** Shaped like quarkus-oidc's identity: JWT principal, realm roles, the token as credential, the request. */
    private static SecurityIdentity verifiedIdentity(String token, RoutingContext request) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(ExpiringJwt.expiringIn(300))
                .addRole("branch-secretary")
                .addCredential(new AccessTokenCredential(token))
                .addAttribute(RoutingContext.class.getName(), request)
                .addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, request)
                .build();
    }

    private static RoutingContext request() {
        return (RoutingContext) Proxy.newProxyInstance(RoutingContext.class.getClassLoader(),
                new Class<?>[] {RoutingContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "request";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static VerifiedBearerTokens.VerifiedTokenCacheConfig config(boolean enabled) {
        return new VerifiedBearerTokens.VerifiedTokenCacheConfig() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public int maxSize() {
                return 100;
            }

            @Override
            public Duration maxAge() {
                return Duration.ofMinutes(10);
            }
        };
    }
}
