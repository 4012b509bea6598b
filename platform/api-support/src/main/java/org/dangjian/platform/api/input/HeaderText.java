package org.dangjian.platform.api.input;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Free text in an HTTP header (such as {@code X-Purpose}, the reason for an unmasked read that the audit
 * keeps). HTTP carries header values as octets that the server reads as ISO-8859-1, one character per
 * octet, so a client that sends UTF-8 (curl, most HTTP libraries) arrives garbled: "政审" as "æ\u0094¿å®¡".
 * Two forms are understood:
 * <ul>
 *   <li>raw UTF-8 octets: a value whose octets are well-formed UTF-8 with at least one non-ASCII
 *       sequence is decoded as UTF-8 (ISO-8859-1 text that happens to form valid multi-octet UTF-8,
 *       such as "Ã©", is practically never written by hand);</li>
 *   <li>RFC 8187 {@code UTF-8''<percent-encoded octets>} (case-insensitive charset, no language), for
 *       clients that can only send ASCII headers, such as browsers' fetch.</li>
 * </ul>
 * Anything else is kept as it arrived. A decoded value that holds characters {@link Text} forbids is
 * not decoded either (it stays the harmless ASCII it was sent as).
 */
public final class HeaderText {

    private static final Pattern EXT_VALUE = Pattern.compile("(?i)UTF-8''((?:[A-Za-z0-9!#$&+.^_`|~-]|%[0-9A-Fa-f]{2})*)");

    private HeaderText() {
    }

    public static String decode(String received) {
        if (received == null) {
            return null;
        }
        var extValue = EXT_VALUE.matcher(received);
        if (extValue.matches()) {
            String decoded = utf8(URLDecoder.decode(extValue.group(1).replace("+", "%2B"), StandardCharsets.ISO_8859_1));
            return decoded != null && Text.isAllowed(decoded) ? decoded : received;
        }
        boolean nonAscii = false;
        for (int i = 0; i < received.length(); i++) {
            char c = received.charAt(i);
            if (c > 0xFF) {
                return received; // already characters, not octets
            }
            nonAscii |= c > 0x7F;
        }
        if (!nonAscii) {
            return received;
        }
        String decoded = utf8(received);
        return decoded != null && Text.isAllowed(decoded) ? decoded : received;
    }

    /** The octets (one per character, each ≤ 0xFF) decoded strictly as UTF-8, or null when they are not UTF-8. */
    private static String utf8(String octets) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(octets.getBytes(StandardCharsets.ISO_8859_1)));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
