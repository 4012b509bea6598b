package org.dangjian.platform.api.list;

import jakarta.ws.rs.QueryParam;
import org.dangjian.platform.api.input.InvalidParameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The paging and ordering parameters every list takes, as one {@code @BeanParam}: {@code cursor} (a previous
 * page's nextCursor), {@code size} (1–{@value #MAX_SIZE}, default {@value #DEFAULT_SIZE}) and, where a user
 * would sort, {@code sort} ({@code field} ascending, {@code -field} descending, from the list's documented
 * choices). A value outside these is 400 INVALID_PARAMETER naming the parameter.
 *
 * <p>Every list resolves its order first, {@link #sort} (with only a default when users cannot choose, so a
 * {@code sort} it does not offer is refused), then reads {@link #after()}: a cursor belongs to the order it
 * was made for.
 */
public class ListQuery {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    @QueryParam("cursor")
    @Parameter(description = "nextCursor of the previous page; absent for the first page",
            schema = @Schema(type = SchemaType.STRING, maxLength = Cursor.MAX_LENGTH, pattern = "^[A-Za-z0-9_-]*$"))
    String cursor;

    @QueryParam("size")
    @Parameter(description = "items per page", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "" + MAX_SIZE,
            defaultValue = "" + DEFAULT_SIZE))
    Integer size;

    @QueryParam("sort")
    @Parameter(description = "order: a field name, `-` before it for descending; each list documents its choices",
            schema = @Schema(type = SchemaType.STRING, maxLength = 64, pattern = "^-?[A-Za-z]+$"))
    String sort;

    private String sortKey = "";

    public ListQuery() {
    }

    /** A query built in code (a service's own walk over a list, a test). */
    public static ListQuery of(String cursor, Integer size, String sort) {
        ListQuery query = new ListQuery();
        query.cursor = cursor;
        query.size = size;
        query.sort = sort;
        return query;
    }

    public int size() {
        if (size == null) {
            return DEFAULT_SIZE;
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidParameter("size", "INVALID_VALUE", null);
        }
        return size;
    }

    /** What to fetch to know whether there is a next page: one more than the page. */
    public int limit() {
        return size() + 1;
    }

    /**
     * The order asked for, among {@code choices} (e.g. {@code "startsAt", "-startsAt", "name"}), or
     * {@code defaultChoice} when none was asked for.
     */
    public SortOrder sort(String defaultChoice, String... choices) {
        String chosen = sort == null || sort.isEmpty() ? defaultChoice : sort;
        List<String> allowed = Arrays.asList(choices);
        if (!chosen.equals(defaultChoice) && !allowed.contains(chosen)) {
            throw new InvalidParameter("sort", "INVALID_VALUE", null);
        }
        sortKey = chosen;
        return SortOrder.parse(chosen);
    }

    /** The position to continue after, when a cursor was sent. Resolve the order first. */
    public Optional<Cursor> after() {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Cursor.decode(cursor, sortKey));
    }

    String sortKey() {
        return sortKey;
    }
}
