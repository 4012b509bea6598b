package org.dangjian.platform.api.idempotency;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Tells the client that a response is the stored answer to an earlier request with the same key. */
public class IdempotentReplayHeader {

    @ServerResponseFilter
    public void mark(ContainerResponseContext response, RoutingContext routing) {
        if (Boolean.TRUE.equals(routing.get(IdempotencyInterceptor.REPLAYED))) {
            response.getHeaders().putSingle(Idempotent.REPLAYED_HEADER, "true");
        }
    }
}
