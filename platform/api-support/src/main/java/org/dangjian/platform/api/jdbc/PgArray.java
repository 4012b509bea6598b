package org.dangjian.platform.api.jdbc;

import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.UUID;

/**
 * PostgreSQL array literals ({@code {"a","b",NULL}}), bound as one text parameter and cast in SQL
 * ({@code unnest(cast(?1 as uuid[]), cast(?2 as text[]))}): a set-wise statement binds a whole column of values
 * as one parameter, through Hibernate's native queries as well as plain JDBC, without driver-specific array
 * binding.
 *
 * <p>Every element is double-quoted, with {@code "} and {@code \} escaped by a backslash, so commas, braces,
 * whitespace, an empty string and the word {@code NULL} stay the text they are; a Java null is the unquoted
 * {@code NULL} (PostgreSQL's "Array Value Input"). Elements are typed: text, enum constants (by name), UUIDs,
 * numbers, booleans and {@code java.time} values (their ISO text, which PostgreSQL's date and time types read).
 * Anything else is refused rather than written by {@code toString()}.
 */
public final class PgArray {

    private PgArray() {
    }

    /** The values as one array literal, in iteration order. */
    public static String literal(Collection<?> values) {
        StringBuilder out = new StringBuilder(values.size() * 40 + 2).append('{');
        boolean first = true;
        for (Object value : values) {
            if (!first) {
                out.append(',');
            }
            first = false;
            element(out, value);
        }
        return out.append('}').toString();
    }

    private static void element(StringBuilder out, Object value) {
        if (value == null) {
            out.append("NULL");
            return;
        }
        String text = text(value);
        out.append('"');
        if (text.indexOf('"') < 0 && text.indexOf('\\') < 0) {
            out.append(text); // the common case (ids, numbers, codes), copied whole
        } else {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
        }
        out.append('"');
    }

    private static String text(Object value) {
        if (value instanceof CharSequence s) {
            return s.toString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof UUID || value instanceof Number || value instanceof Boolean || value instanceof TemporalAccessor) {
            return value.toString();
        }
        throw new IllegalArgumentException("no PostgreSQL array element for a " + value.getClass().getName());
    }
}
