package org.dangjian.platform.api.access;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.dangjian.platform.api.Caller;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Set;

/**
 * What every write and bulk request must pass after authentication (ARCHITECTURE.md §4), whatever
 * an endpoint's own roles say: service accounts of other government systems ({@code integration})
 * only read and run bulk operations, never single writes; and each caller draws on its allowance
 * ({@link RateLimiter}), keyed by the verified subject, never a claimed one.
 */
@Singleton
public class WriteAndBulkPolicy {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String QUOTA = WriteAndBulkPolicy.class.getName() + ".quota";

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
            if (identity.isAnonymous()) {
                return; // refused by the endpoint's own check
            }
            if (!bulk && isIntegrationOnly(identity)) {
                throw new ForbiddenException("service accounts read and run bulk operations only");
            }
            limiter.consume(identity.getPrincipal().getName(), bulk)
                    .ifPresent(quota -> request.setProperty(QUOTA, quota));
        }).replaceWithVoid();
    }

    /** Every limited request tells the client what is left of its allowance, so it can pace itself before a 429. */
    @ServerResponseFilter
    public void tellQuota(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(QUOTA) instanceof RateLimiter.Quota quota) {
            response.getHeaders().putSingle(RateLimiter.Quota.POLICY_HEADER, quota.policyField());
            response.getHeaders().putSingle(RateLimiter.Quota.HEADER, quota.field());
        }
    }

    private static boolean isIntegrationOnly(SecurityIdentity identity) {
        return identity.hasRole(Caller.INTEGRATION) && identity.getRoles().size() == 1;
    }
}
