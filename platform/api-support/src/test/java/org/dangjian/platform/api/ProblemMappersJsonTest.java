package org.dangjian.platform.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dangjian.platform.api.input.JsonInputRules;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Where the parser stopped names the field, and what stopped it is the field's code. */
class ProblemMappersJsonTest {

    private final ObjectMapper mapper = JsonInputRules.applyParserRules(new ObjectMapper());

    @Test
    void aRepeatedKeyIsNamedByItsPath() {
        JsonParseException e = assertThrows(JsonParseException.class,
                () -> mapper.readTree("{\"items\":[{\"a\":1},{\"leader\":{\"name\":\"x\",\"name\":\"y\"}}]}"));
        assertEquals("items[1].leader.name", ProblemMappers.parserPath((JsonParser) e.getProcessor()));
        assertEquals("DUPLICATE_FIELD", ProblemMappers.fieldCode(e));
    }

    @Test
    void aRawControlCharacterIsNamedToo() {
        JsonParseException e = assertThrows(JsonParseException.class, () -> mapper.readTree("{\"name\":\"a\u0001\"}"));
        assertEquals("name", ProblemMappers.parserPath((JsonParser) e.getProcessor()));
        assertEquals("INVALID_CHARACTERS", ProblemMappers.fieldCode(e));
    }

    @Test
    void aStatusWithoutAPreciseProblemHasAStableCode() {
        assertEquals("PAYLOAD_TOO_LARGE", ProblemMappers.codeOf(413));
        assertEquals("UNSUPPORTED_MEDIA_TYPE", ProblemMappers.codeOf(415));
        assertEquals("INTERNAL_ERROR", ProblemMappers.codeOf(502));
    }
}
