package org.dangjian.platform.api.list;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/**
 * The one envelope of every list in every service: the items of this page and, when there are more,
 * the opaque cursor of the next page (pass it back as {@code cursor}); {@code null} on the last page.
 * No total: counting a committee's 1.5 million members costs more than the page (a badge asks the
 * service's count endpoint instead).
 */
@Schema(description = "One page of a list. Pass nextCursor back as `cursor` for the next page; null on the last page.")
public record ListPage<T>(List<T> items,
        @Schema(nullable = true, maxLength = Cursor.MAX_LENGTH, description = "opaque; null on the last page") String nextCursor) {

    /**
     * The page from rows fetched with {@code limit = query.size() + 1} in the list's order: the extra row only
     * says there is a next page, whose cursor is the position of the last item kept.
     */
    public static <T> ListPage<T> of(List<T> fetched, ListQuery query, Function<T, Cursor> positionOf) {
        int size = query.size();
        if (fetched.size() <= size) {
            return new ListPage<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, size));
        return new ListPage<>(items, positionOf.apply(items.get(size - 1)).encode(query.sortKey()));
    }

    /**
     * A list that is short by nature (an organization's ancestors, one record's history): all of it in one page.
     * It still has the envelope, so a client reads every list alike, and it may grow a cursor later without a
     * breaking change.
     */
    public static <T> ListPage<T> complete(List<T> items) {
        return new ListPage<>(List.copyOf(items), null);
    }

    /** The same page with its items converted, e.g. rows to views. */
    public <R> ListPage<R> map(Function<T, R> mapper) {
        return new ListPage<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
