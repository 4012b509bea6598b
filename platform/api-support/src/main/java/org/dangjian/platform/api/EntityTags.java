package org.dangjian.platform.api;

import java.util.OptionalLong;

/** If-Match preconditions on versioned records, whose ETag is their version ({@code "3"}). */
public final class EntityTags {

    private EntityTags() {
    }

    /**
     * The version an If-Match header names: {@code "3"}, {@code W/"3"} or {@code 3} → 3; an absent
     * header → empty. A header that names no version throws {@link IllegalArgumentException}: each
     * caller decides how such a precondition fails.
     */
    public static OptionalLong version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return OptionalLong.empty();
        }
        String value = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("If-Match names no version: " + ifMatch, e);
        }
    }
}
