package org.dangjian.member.common;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.dangjian.platform.api.Messages;
import org.dangjian.platform.api.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Locale;

/**
 * {@link ItemsRefused} as problem+json: the platform's mapper answers a {@code DomainException} without
 * {@code errors[]}; this one, more specific, adds an entry per refused item in the same shape as field errors.
 */
public class ItemsRefusedMapper {

    @ServerExceptionMapper
    public Response refused(ItemsRefused e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.negotiate(headers.getAcceptableLanguages());
        List<Problem.FieldError> errors = e.items().stream()
                .map(i -> new Problem.FieldError(i.field(), i.code(), Messages.get(locale, i.code() + ".detail", i.args())))
                .toList();
        Problem problem = new Problem(Problem.typeOf(e.code()), Messages.get(locale, e.code() + ".title"), e.status(),
                Messages.get(locale, e.code() + ".detail", e.args()), uri.getRequestUri().getRawPath(), e.code(), errors);
        return Response.status(e.status()).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag()).entity(problem).build();
    }
}
