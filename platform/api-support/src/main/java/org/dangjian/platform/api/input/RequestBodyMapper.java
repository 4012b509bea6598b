package org.dangjian.platform.api.input;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The mapper Quarkus REST reads request bodies (and writes responses) with: the service's own mapper
 * plus the request-body value rules of {@link JsonInputRules#strictCopy}. Responses are written exactly
 * as before (the rules are deserializers only).
 */
@Provider
public class RequestBodyMapper implements ContextResolver<ObjectMapper> {

    @Inject
    ObjectMapper mapper;

    private ObjectMapper strict;

    @PostConstruct
    void init() {
        strict = JsonInputRules.strictCopy(mapper);
        // As Quarkus REST sets on its own writer's factory: the HTTP layer closes and flushes the stream itself.
        strict.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        strict.getFactory().disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }
}
