package org.dangjian.platform.api.input;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QueryParametersTest {

    enum Kind { SPECIAL, DONATION }

    private final QueryParameters provider = new QueryParameters();

    private static QueryParam query(String name) {
        return new QueryParam() {
            @Override
            public String value() {
                return name;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return QueryParam.class;
            }
        };
    }

    private <T> ParamConverter<T> converter(Class<T> type, String name) {
        return provider.getConverter(type, type, new Annotation[] {query(name)});
    }

    @Test
    void wellFormedValuesReadAsJaxRsReadsThem() {
        assertEquals(20, converter(int.class, "size").fromString("20"));
        assertEquals(7L, converter(Long.class, "n").fromString("7"));
        assertEquals(Kind.SPECIAL, converter(Kind.class, "kind").fromString("SPECIAL"));
        assertEquals(new BigDecimal("1.50"), converter(BigDecimal.class, "min").fromString("1.50"));
        UUID id = UUID.randomUUID();
        assertEquals(id, converter(UUID.class, "id").fromString(id.toString()));
        assertEquals(Boolean.TRUE, converter(Boolean.class, "b").fromString("TRUE"));
        assertEquals("王", converter(String.class, "q").fromString("王"));
        assertNull(converter(int.class, "size").fromString(null));
    }

    @Test
    void anUnreadableValueNamesItsParameter() {
        InvalidParameter e = assertThrows(InvalidParameter.class, () -> converter(int.class, "size").fromString("abc"));
        assertEquals("size", e.parameter());
        assertEquals("INVALID_VALUE", e.fieldCode());
        assertEquals(400, e.getResponse().getStatus());
        assertThrows(InvalidParameter.class, () -> converter(int.class, "size").fromString("2147483648"));
        assertThrows(InvalidParameter.class, () -> converter(Kind.class, "kind").fromString("NOPE"));
        assertThrows(InvalidParameter.class, () -> converter(UUID.class, "id").fromString("not-an-id"));
        assertThrows(InvalidParameter.class, () -> converter(boolean.class, "b").fromString("yes"));
    }

    @Test
    void aStringWithAControlCharacterIsRefused() {
        InvalidParameter e = assertThrows(InvalidParameter.class, () -> converter(String.class, "q").fromString("a\u0000"));
        assertEquals("INVALID_CHARACTERS", e.fieldCode());
    }

    @Test
    void pathParametersAreLeftToJaxRs() {
        PathParam path = new PathParam() {
            @Override
            public String value() {
                return "id";
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return PathParam.class;
            }
        };
        assertNull(provider.getConverter(UUID.class, UUID.class, new Annotation[] {path}));
    }
}
