package org.dangjian.member.member;

import org.dangjian.member.member.MemberRepository.NameKey;
import org.dangjian.platform.api.DomainException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * The opaque cursor of a name search: the name and id of the last member on a page, base64url, so the
 * next page starts right after it in (name, id) order without reading the pages before.
 */
final class NameCursor {

    /** A name of at most 50 characters and an id never need more; anything longer is not ours. */
    private static final int MAX_LENGTH = 400;

    private NameCursor() {
    }

    static String of(Member last) {
        // The id first: it never holds the separator, a name may.
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((last.id() + "|" + last.name()).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor names; 400 CURSOR_INVALID unless it came from a search for the same name prefix. */
    static NameKey read(String cursor, String namePrefix) {
        try {
            if (cursor.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int separator = text.indexOf('|');
            if (separator < 0) {
                throw new IllegalArgumentException("no separator");
            }
            NameKey key = new NameKey(text.substring(separator + 1), UUID.fromString(text.substring(0, separator)));
            if (!key.name().startsWith(namePrefix)) {
                throw new IllegalArgumentException("not a position of this search");
            }
            return key;
        } catch (RuntimeException e) {
            throw DomainException.badRequest("CURSOR_INVALID");
        }
    }
}
