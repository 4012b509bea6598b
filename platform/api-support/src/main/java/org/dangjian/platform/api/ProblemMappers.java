package org.dangjian.platform.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
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
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.dangjian.platform.api.access.RateLimitExceeded;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
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

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.negotiate(headers.getAcceptableLanguages());
        String field = jsonPath(e);
        List<Problem.FieldError> errors = field.isEmpty() ? List.of()
                : List.of(new Problem.FieldError(field, "INVALID_VALUE", Messages.get(locale, "INVALID_VALUE.field")));
        return respond(400, "MALFORMED_REQUEST_BODY", locale, uri, errors);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonParseException e, HttpHeaders headers, UriInfo uri) {
        return respond(400, "MALFORMED_REQUEST_BODY", headers, uri, List.of());
    }

    @ServerExceptionMapper
    public Response unmappableJson(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        return respond(400, "MALFORMED_REQUEST_BODY", headers, uri, List.of());
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
        String code = switch (status) {
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
        return respond(status, code, headers, uri, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        UUID incident = Ids.next();
        LOG.errorf(e, "unexpected failure, incident %s, %s", incident, uri.getPath());
        return respond(500, "INTERNAL_ERROR", Messages.negotiate(headers.getAcceptableLanguages()), uri, List.of(), incident);
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
