package org.dangjian.platform.api.list;

import java.util.StringJoiner;

/**
 * A list's order: a field name the API documents and its direction. Services map the field to their
 * columns and add the id as the last key, so equal values still have one order for the keyset.
 */
public record SortOrder(String field, boolean descending) {

    static SortOrder parse(String choice) {
        return choice.startsWith("-") ? new SortOrder(choice.substring(1), true) : new SortOrder(choice, false);
    }

    public boolean is(String name) {
        return field.equals(name);
    }

    /** {@code ORDER BY} terms for the key columns, all in this direction: {@code a.starts_at desc, a.id desc}. */
    public String orderBy(String... columns) {
        StringJoiner terms = new StringJoiner(", ");
        for (String column : columns) {
            terms.add(column + (descending ? " desc" : " asc"));
        }
        return terms.toString();
    }

    /**
     * The keyset condition "after the cursor" on the key columns, as a row comparison with the parameters
     * {@code :cursor0}, {@code :cursor1}, … for the caller to bind from the {@link Cursor}:
     * {@code (a.starts_at, a.id) < (:cursor0, :cursor1)} when descending. The key columns must not be null.
     */
    public String after(String... columns) {
        StringJoiner left = new StringJoiner(", ", "(", ")");
        StringJoiner right = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < columns.length; i++) {
            left.add(columns[i]);
            right.add(":cursor" + i);
        }
        return left + (descending ? " < " : " > ") + right;
    }
}
