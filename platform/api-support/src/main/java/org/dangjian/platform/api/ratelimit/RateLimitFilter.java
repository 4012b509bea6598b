package org.dangjian.platform.api.ratelimit;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;

/**
 * Token buckets per caller for writes and bulk operations (ARCHITECTURE.md §4 hardening). Runs
 * after authentication, so the bucket belongs to the verified subject, never to a claimed one; a
 * request without a valid token is refused before it gets here. Buckets live in this instance:
 * with N replicas a caller gets at most N times the allowance, which bounds abuse well enough
 * without a shared store in the request path.
 */
@Singleton
public class RateLimitFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** A client proxy: filters are built at static init, before runtime configuration exists. */
    @Inject
    RateLimiter limiter;

    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter(priority = Priorities.USER)
    public Uni<Void> limit(ContainerRequestContext request, ResourceInfo resource) {
        boolean bulk = resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(BulkOperation.class);
        if (!bulk && !WRITES.contains(request.getMethod())) {
            return Uni.createFrom().voidItem();
        }
        // Deferred: authentication is not proactive, and this must not block the event loop.
        return identities.getDeferredIdentity().invoke(identity -> {
            if (!identity.isAnonymous()) {
                limiter.consume(identity.getPrincipal().getName(), bulk);
            }
        }).replaceWithVoid();
    }
}
