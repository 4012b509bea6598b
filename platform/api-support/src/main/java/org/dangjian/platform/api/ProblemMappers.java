package org.dangjian.platform.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.dangjian.platform.api.access.RateLimitExceeded;
import org.dangjian.platform.api.access.RateLimiter;
import org.dangjian.platform.api.input.InvalidCharacters;
import org.dangjian.platform.api.input.LimitExceeded;
import org.dangjian.platform.api.input.InvalidParameter;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one place where failures become RFC 9457 problem+json responses with a stable code and a
 * message in the caller's language (zh-CN by default, English on request).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response domain(DomainException e, HttpHeaders headers, UriInfo uri) {
        return respond(e.status(), e.code(), headers, uri, List.of(), e.args());
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitExceeded e, HttpHeaders headers, UriInfo uri) {
        return Response.fromResponse(respond(e.status(), e.code(), headers, uri, List.of(), e.args()))
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .header(RateLimiter.Quota.POLICY_HEADER, e.quota().policyField())
                .header(RateLimiter.Quota.HEADER, e.quota().field()).build();
    }

    @ServerExceptionMapper
    public Response validation(ResteasyReactiveViolationException e, HttpHeaders headers, UriInfo uri) {
        return violations(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.negotiate(headers.getAcceptableLanguages());
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v.getPropertyPath()), constraintCode(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::code))
                .collect(Collectors.toList());
        return respond(400, "VALIDATION_FAILED", locale, uri, errors);
    }

    /**
     * A request body that is not JSON, or JSON that does not fit: 400 MALFORMED_REQUEST_BODY, with the
     * field (its path in the body) and what is wrong with it when the reader knows where it stopped.
     * Quarkus REST throws some of these as they are and wraps the others in a 400 WebApplicationException
     * ({@link #http}); both end here.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        return malformedBody(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonParseException e, HttpHeaders headers, UriInfo uri) {
        return malformedBody(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response unmappableJson(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        return malformedBody(e, headers, uri);
    }

    /**
     * A type Jackson cannot build is a bug of ours (500 with an incident id). Mapped here because Quarkus's
     * own mapper for it answers 500 with an empty body; before duplicate keys were refused by the parser,
     * {@code {"amount":1,"amount":2}} into a record ended there.
     */
    @ServerExceptionMapper
    public Response invalidDefinition(InvalidDefinitionException e, HttpHeaders headers, UriInfo uri) {
        return incident(e, headers, uri);
    }

    /** A query parameter that cannot be read as its type (input.QueryParameters): 400 naming it. */
    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameter e, HttpHeaders headers, UriInfo uri) {
        return invalidParameter(e.parameter(), e.fieldCode(), headers, uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, HttpHeaders headers, UriInfo uri) {
        return challenge(headers, uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpHeaders headers, UriInfo uri) {
        return challenge(headers, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return respond(403, "FORBIDDEN", headers, uri, List.of());
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, HttpHeaders headers, UriInfo uri) {
        return respond(409, "CONCURRENT_MODIFICATION", headers, uri, List.of());
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, HttpHeaders headers, UriInfo uri) {
        return respond(409, "CONCURRENT_MODIFICATION", headers, uri, List.of());
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JacksonException json) {
            return malformedBody(json, headers, uri);
        }
        if (e instanceof NotFoundException && e.getCause() instanceof DateTimeParseException unparsed) {
            // A java.time query parameter (Quarkus converts those itself, without asking input.QueryParameters):
            // the value that failed names the parameter. A path parameter's failure stays 404 below.
            String parameter = queryParameterWithValue(uri, unparsed.getParsedString());
            if (parameter != null) {
                return invalidParameter(parameter, "INVALID_VALUE", headers, uri);
            }
        }
        if (status >= 500) {
            return incident(e, headers, uri);
        }
        return respond(status, codeOf(status), headers, uri, List.of());
    }

    /** The stable code of an HTTP status that no more precise problem explains. */
    public static String codeOf(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "RESOURCE_NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "HTTP_" + status;
        };
    }

    /**
     * Anything else. Some failures are not bugs however deeply they are wrapped ({@link Failures}): a
     * unique-key race (SQLState 23505, also at commit) is 409 CONCURRENT_MODIFICATION, so a retry gets the
     * precise answer; text PostgreSQL cannot store (22021, 22P05) is 400 INVALID_CHARACTERS. Every other
     * failure is 500 INTERNAL_ERROR with an incident id that the log line carries too.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        Failures.Classified known = Failures.classify(e).orElse(null);
        if (known == null) {
            return incident(e, headers, uri);
        }
        if (known.status() == 409) {
            LOG.infof("%s answered 409 CONCURRENT_MODIFICATION: %s (SQLState %s)", uri.getPath(), e, Failures.sqlState(e));
        }
        return respond(known.status(), known.code(), headers, uri, List.of(), known.args());
    }

    private Response incident(Throwable e, HttpHeaders headers, UriInfo uri) {
        UUID incident = Ids.next();
        LOG.errorf(e, "unexpected failure, incident %s, %s", incident, uri.getPath());
        return respond(500, "INTERNAL_ERROR", Messages.negotiate(headers.getAcceptableLanguages()), uri, List.of(), incident);
    }

    private Response invalidParameter(String parameter, String fieldCode, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.negotiate(headers.getAcceptableLanguages());
        return respond(400, "INVALID_PARAMETER", locale, uri,
                List.of(new Problem.FieldError(parameter, fieldCode, Messages.get(locale, fieldCode + ".field"))), parameter);
    }

    private static String queryParameterWithValue(UriInfo uri, String value) {
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
            if (parameter.getValue().contains(value)) {
                return parameter.getKey();
            }
        }
        return null;
    }

    private Response malformedBody(JacksonException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.negotiate(headers.getAcceptableLanguages());
        JacksonException cause = innermost(e);
        String field = cause instanceof StreamReadException read && read.getProcessor() != null
                ? parserPath(read.getProcessor()) : "";
        if (field.isEmpty() && e instanceof JsonMappingException mapping) {
            field = jsonPath(mapping);
        }
        String fieldCode = fieldCode(cause);
        List<Problem.FieldError> errors = field.isEmpty() ? List.of()
                : List.of(new Problem.FieldError(field, fieldCode, Messages.get(locale, fieldCode + ".field")));
        return respond(400, "MALFORMED_REQUEST_BODY", locale, uri, errors);
    }

    /** What is wrong with the field, as a stable code (messages: {@code <code>.field}). */
    static String fieldCode(JacksonException e) {
        if (e instanceof InvalidCharacters) {
            return "INVALID_CHARACTERS";
        }
        if (e instanceof StreamConstraintsException || e instanceof LimitExceeded) {
            return "LIMIT_EXCEEDED";
        }
        if (e instanceof InputCoercionException || e instanceof MismatchedInputException) {
            return "INVALID_VALUE";
        }
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.startsWith("Duplicate field")) {
            return "DUPLICATE_FIELD";
        }
        if (message.contains("Illegal unquoted character") || message.contains("Invalid UTF-8")
                || message.contains("Illegal character")) {
            return "INVALID_CHARACTERS";
        }
        return e instanceof StreamReadException ? "INVALID_SYNTAX" : "INVALID_VALUE";
    }

    private static JacksonException innermost(JacksonException e) {
        JacksonException innermost = e;
        for (Throwable t : Failures.chain(e)) {
            if (t instanceof JacksonException json) {
                innermost = json;
            }
        }
        return innermost;
    }

    /** Where the parser stopped: {@code leader.name}, {@code items[2].amount}. */
    static String parserPath(JsonParser parser) {
        Deque<String> steps = new ArrayDeque<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
                context = context.getParent()) {
            if (context.inArray()) {
                steps.addFirst("[" + Math.max(0, context.getCurrentIndex()) + "]");
            } else if (context.getCurrentName() != null) {
                steps.addFirst(context.getCurrentName());
            }
        }
        return String.join(".", steps).replace(".[", "[");
    }

    private Response challenge(HttpHeaders headers, UriInfo uri) {
        return Response.fromResponse(respond(401, "UNAUTHENTICATED", headers, uri, List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"dangjian\"").build();
    }

    private Response respond(int status, String code, HttpHeaders headers, UriInfo uri, List<Problem.FieldError> errors,
            Object... args) {
        return respond(status, code, Messages.negotiate(headers.getAcceptableLanguages()), uri, errors, args);
    }

    private static Response respond(int status, String code, Locale locale, UriInfo uri, List<Problem.FieldError> errors,
            Object... args) {
        Problem problem = new Problem(Problem.typeOf(code), Messages.get(locale, code + ".title"), status,
                Messages.get(locale, code + ".detail", args), uri.getRequestUri().getRawPath(), code, errors.isEmpty() ? null : errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .entity(problem).build();
    }

    /** {@code create.body.leader.name} → {@code leader.name}: the path inside the request, not the Java method. */
    static String field(Path path) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER && names.isEmpty()) {
                names.add(node.getName());
                continue;
            }
            String name = node.getName();
            if (name != null) {
                names.add(node.getIndex() != null ? name + "[" + node.getIndex() + "]" : name);
            }
        }
        // A body parameter's own name says nothing to the caller; a query parameter's does.
        if (names.size() > 1) {
            names.remove(0);
        }
        return String.join(".", names);
    }

    private static String constraintCode(ConstraintViolation<?> violation) {
        String annotation = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return annotation.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
