package org.dangjian.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.LanguageHeader;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.dangjian.platform.api.input.HeaderText;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * What the HTTP layer answers before (or around) JAX-RS, in the same problem+json as {@link ProblemMappers}:
 * <ul>
 *   <li>a body declared larger than {@code quarkus.http.limits.max-body-size}: 413 PAYLOAD_TOO_LARGE (Quarkus's
 *       own check, one route later, answers an empty 413; a chunked body without Content-Length that grows past
 *       the limit is still cut off by Quarkus REST with an empty 413);</li>
 *   <li>any failure of a route that no one answered (a 500 outside JAX-RS, a status set with {@code fail(n)}):
 *       problem+json with the status's code, 500 INTERNAL_ERROR with a logged incident id. Authentication and
 *       authorization failures are left to Quarkus, which adds its challenge.</li>
 * </ul>
 * It also decodes the free-text headers ({@link #TEXT_HEADERS}) as {@link HeaderText} describes, before
 * anything reads them.
 */
@ApplicationScoped
public class HttpEdge {

    /** Headers that carry free text in the caller's language. */
    public static final List<String> TEXT_HEADERS = List.of("X-Purpose");

    private static final Logger LOG = Logger.getLogger(HttpEdge.class);

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::inbound);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    }

    private void inbound(RoutingContext rc) {
        MultiMap headers = rc.request().headers();
        for (String name : TEXT_HEADERS) {
            String received = headers.get(name);
            String decoded = HeaderText.decode(received);
            if (received != null && !received.equals(decoded)) {
                try {
                    headers.set(name, decoded);
                } catch (IllegalArgumentException e) {
                    // a value the header map refuses (e.g. a line break): keep it as it arrived
                }
            }
        }
        String length = headers.get(HttpHeaders.CONTENT_LENGTH);
        if (length != null && maxBodySize.isPresent()) {
            try {
                if (Long.parseLong(length.trim()) > maxBodySize.get().asLongValue()) {
                    // As Quarkus does: answer at once and close the connection rather than read the body.
                    rc.response().putHeader(HttpHeaders.CONNECTION, "close");
                    rc.response().endHandler(done -> rc.request().connection().close());
                    answer(rc, 413, null);
                    return;
                }
            } catch (NumberFormatException e) {
                // not a length: Quarkus's own handling answers it
            }
        }
        rc.next();
    }

    private void failed(RoutingContext rc) {
        Throwable failure = rc.failure();
        if (rc.response().headWritten() || rc.response().ended() || failure instanceof AuthenticationException
                || failure instanceof UnauthorizedException || failure instanceof ForbiddenException) {
            rc.next();
            return;
        }
        int status = failure instanceof HttpException http ? http.getStatusCode() : rc.statusCode();
        if (status < 400) {
            status = 500;
        }
        UUID incident = null;
        if (status >= 500) {
            incident = Ids.next();
            LOG.errorf(failure, "unexpected failure, incident %s, %s", incident, rc.normalizedPath());
        }
        answer(rc, status, incident);
    }

    private void answer(RoutingContext rc, int status, UUID incident) {
        List<Locale> acceptable = new ArrayList<>();
        for (LanguageHeader language : rc.acceptableLanguages()) {
            acceptable.add(Locale.forLanguageTag(language.value()));
        }
        Locale locale = Messages.negotiate(acceptable);
        String code = ProblemMappers.codeOf(status);
        Object[] args = incident == null ? new Object[0] : new Object[] {incident};
        Problem problem = new Problem(Problem.typeOf(code), Messages.get(locale, code + ".title"), status,
                Messages.get(locale, code + ".detail", args), rc.request().path(), code, null);
        HttpServerResponse response = rc.response();
        try {
            byte[] body = json.writeValueAsBytes(problem);
            response.setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                    .end(io.vertx.core.buffer.Buffer.buffer(body));
        } catch (JsonProcessingException e) {
            response.setStatusCode(status).end();
        }
    }
}
