package org.dangjian.platform.api.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.DomainException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs an {@link Idempotent} method in one transaction that also records the key with the
 * response, so the key exists if and only if the effect does: a crash in between leaves neither,
 * and a retry simply runs again. Two concurrent requests with one key serialise on the key's
 * primary key; the second sees the first's committed response.
 *
 * <p>Ordered before {@code @Transactional} (priority 200 above PLATFORM_BEFORE) so that the
 * service's transaction joins this one.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 150)
public class IdempotencyInterceptor {

    static final String REPLAYED = "dangjian.idempotent-replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7e]{8,100}");
    /** Headers a client needs from a replayed creation response. */
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG);
    private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    RoutingContext routing;

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @AroundInvoke
    Object around(InvocationContext ctx) throws Exception {
        String key = routing.request().getHeader(Idempotent.HEADER);
        if (key == null || SAFE_METHODS.contains(routing.request().method().name())) {
            // a read changes nothing, so retrying it is safe without a key (a class marked @Idempotent has reads too)
            return ctx.proceed();
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw DomainException.badRequest("IDEMPOTENCY_KEY_INVALID");
        }
        String operation = ctx.getMethod().getDeclaringClass().getSimpleName() + "." + ctx.getMethod().getName();
        String fingerprint = fingerprint(ctx.getParameters());
        String subject = actingAs();
        return QuarkusTransaction.requiringNew().call(() -> {
            int claimed = em.createNativeQuery("""
                    insert into idempotent_request (caller, idempotency_key, operation, request_hash, created_at)
                    values (?1, ?2, ?3, ?4, now()) on conflict do nothing""")
                    .setParameter(1, subject).setParameter(2, key)
                    .setParameter(3, operation).setParameter(4, fingerprint)
                    .executeUpdate();
            if (claimed == 0) {
                return replay(ctx, subject, key, operation, fingerprint);
            }
            Object result = ctx.proceed();
            em.flush(); // constraint failures surface here, mapped as without the key
            remember(subject, key, result);
            return result;
        });
    }

    private Object replay(InvocationContext ctx, String subject, String key, String operation, String fingerprint)
            throws JsonProcessingException {
        Object[] row = (Object[]) em.createNativeQuery("""
                select operation, request_hash, response_status, cast(response_headers as text), cast(response_body as text)
                from idempotent_request where caller = ?1 and idempotency_key = ?2""")
                .setParameter(1, subject).setParameter(2, key)
                .getSingleResult();
        if (!operation.equals(row[0]) || !fingerprint.equals(row[1])) {
            throw DomainException.unprocessable("IDEMPOTENCY_KEY_REUSED", key);
        }
        routing.put(REPLAYED, Boolean.TRUE);
        int status = ((Number) row[2]).intValue();
        JsonNode headers = row[3] == null ? json.createObjectNode() : json.readTree((String) row[3]);
        String body = (String) row[4];
        Class<?> returnType = ctx.getMethod().getReturnType();
        if (Response.class.isAssignableFrom(returnType)) {
            Response.ResponseBuilder response = Response.status(status);
            headers.fields().forEachRemaining(h -> response.header(h.getKey(), h.getValue().asText()));
            if (body != null) {
                // as decimals: a replayed amount reads 30.00 as the first answer did, not the double 30.0
                response.entity(json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(body))
                        .type(MediaType.APPLICATION_JSON_TYPE);
            }
            return response.build();
        }
        return body == null ? null : json.readValue(body, json.constructType(ctx.getMethod().getGenericReturnType()));
    }

    private void remember(String subject, String key, Object result) throws JsonProcessingException {
        int status = 200;
        Object entity = result;
        ObjectNode headers = json.createObjectNode();
        if (result instanceof Response response) {
            status = response.getStatus();
            entity = response.getEntity();
            for (String name : KEPT_HEADERS) {
                Object value = response.getHeaders().getFirst(name);
                if (value != null) {
                    headers.put(name, value.toString());
                }
            }
        } else if (result == null) {
            status = 204;
        }
        em.createNativeQuery("""
                update idempotent_request set response_status = ?3, response_headers = cast(?4 as jsonb),
                       response_body = cast(?5 as jsonb)
                where caller = ?1 and idempotency_key = ?2""")
                .setParameter(1, subject).setParameter(2, key).setParameter(3, status)
                .setParameter(4, json.writeValueAsString(headers))
                .setParameter(5, entity == null || !json.canSerialize(entity.getClass()) || entity instanceof StreamingOutput
                        ? null : json.writeValueAsString(entity))
                .executeUpdate();
    }

    /**
     * Whose keys these are: the client ({@code azp}), the subject ({@code sub}) and the organization the token
     * acts for ({@code org_id}), as a JSON array in the {@code caller} column, e.g.
     * {@code ["dangjian-web","5b1f…","01a2…"]}. One client acting for two organizations (or for two users) has
     * two sets of keys, so it never replays one organization's answer to the other. Keys stored before this
     * (the subject alone) are simply not found again; they are pruned after the retention.
     */
    private String actingAs() {
        List<String> parts = new java.util.ArrayList<>();
        parts.add(claim("azp"));
        String sub = token.getSubject();
        parts.add(sub != null ? sub : caller.subject());
        parts.add(claim("org_id"));
        try {
            return json.writeValueAsString(parts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String claim(String name) {
        Object value = token.getClaim(name);
        return value == null ? "" : value.toString().replace("\"", "");
    }

    /** The same request means the same operation on the same path and body: the method's arguments. */
    private String fingerprint(Object[] parameters) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Object parameter : parameters) {
                if (parameter instanceof UriInfo || parameter instanceof HttpHeaders
                        || parameter instanceof SecurityContext || parameter instanceof InputStream) {
                    continue; // context objects: the path and body are in the other arguments
                }
                sha.update(json.writeValueAsBytes(parameter));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("request cannot be fingerprinted", e);
        }
    }
}
