package org.dangjian.platform.api.list;

import org.dangjian.platform.api.input.InvalidParameter;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A keyset position: the sort key values of the last item a client has seen, in the list's order, ending
 * with its id so every position is unique. On the wire it is opaque (base64url of the sort it was made for
 * and the values, separated by U+001F), so clients cannot build one and lists can change their keys.
 * A cursor that does not decode, or was made for another sort, is 400 INVALID_PARAMETER on {@code cursor}.
 */
public final class Cursor {

    public static final int MAX_LENGTH = 512;
    private static final char SEPARATOR = '\u001f';
    private static final String NULL = "\u0000";

    private final List<String> values;

    private Cursor(List<String> values) {
        this.values = values;
    }

    /** The position of an item: its sort key values then its id. {@code null} values are kept as null. */
    public static Cursor at(Object... values) {
        List<String> text = new ArrayList<>(values.length);
        for (Object value : values) {
            text.add(value == null ? NULL : value.toString());
        }
        return new Cursor(text);
    }

    String encode(String sortKey) {
        String joined = sortKey + SEPARATOR + String.join(String.valueOf(SEPARATOR), values);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String text, String sortKey) {
        if (text.length() > MAX_LENGTH) {
            throw invalid(null);
        }
        String joined;
        try {
            joined = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(e);
        }
        List<String> parts = Arrays.asList(joined.split(String.valueOf(SEPARATOR), -1));
        if (parts.size() < 2 || !parts.get(0).equals(sortKey)) {
            throw invalid(null);
        }
        return new Cursor(List.copyOf(parts.subList(1, parts.size())));
    }

    public int length() {
        return values.size();
    }

    public String string(int index) {
        String value = raw(index);
        return NULL.equals(value) ? null : value;
    }

    public UUID uuid(int index) {
        return read(index, UUID::fromString);
    }

    public LocalDate date(int index) {
        return read(index, LocalDate::parse);
    }

    public OffsetDateTime dateTime(int index) {
        return read(index, OffsetDateTime::parse);
    }

    public long number(int index) {
        Long value = read(index, Long::valueOf);
        if (value == null) {
            throw invalid(null);
        }
        return value;
    }

    public BigDecimal decimal(int index) {
        return read(index, BigDecimal::new);
    }

    private String raw(int index) {
        if (index < 0 || index >= values.size()) {
            throw invalid(null);
        }
        return values.get(index);
    }

    private <T> T read(int index, java.util.function.Function<String, T> parser) {
        String value = string(index);
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalid(e);
        }
    }

    private static InvalidParameter invalid(Throwable cause) {
        return new InvalidParameter("cursor", "INVALID_VALUE", cause);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cursor c && values.equals(c.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values);
    }

    @Override
    public String toString() {
        return "Cursor" + values;
    }
}
