package org.dangjian.assistance.common;

import java.util.List;
import java.util.function.Function;

/** One page of a list, in a stable order; {@code total} counts every match. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 200;

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
