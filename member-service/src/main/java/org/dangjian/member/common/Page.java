package org.dangjian.member.common;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list in a stable order. {@code hasMore} instead of a total: counting a province's
 * members on every page request is not affordable.
 */
public record Page<T>(List<T> items, int page, int size, boolean hasMore) {

    public static final int MAX_SIZE = 200;

    /** From a query that fetched {@code size + 1} rows: the extra row only tells that more exist. */
    public static <E, T> Page<T> of(List<E> fetched, int page, int size, Function<E, T> view) {
        boolean more = fetched.size() > size;
        List<E> rows = more ? fetched.subList(0, size) : fetched;
        return new Page<>(rows.stream().map(view).toList(), page, size, more);
    }
}
