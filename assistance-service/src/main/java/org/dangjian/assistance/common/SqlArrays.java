package org.dangjian.assistance.common;

import java.util.Collection;
import java.util.Objects;

/** Lists bound to set-wise statements ({@code unnest(cast(?1 as uuid[]), …)}) in the event reactions. */
public final class SqlArrays {

    private SqlArrays() {
    }

    /**
     * A PostgreSQL array literal, bound as text and cast, to avoid driver-specific array binding; null
     * elements as NULL. Only for values whose text holds no quote or backslash (ids, numbers, enum names,
     * dates, instants).
     */
    public static String of(Collection<?> values) {
        StringBuilder literal = new StringBuilder("{");
        for (Object v : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append(v == null ? "NULL" : "\"" + Objects.toString(v) + "\"");
        }
        return literal.append('}').toString();
    }
}
