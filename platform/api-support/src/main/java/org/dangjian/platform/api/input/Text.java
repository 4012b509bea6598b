package org.dangjian.platform.api.input;

/**
 * What text a request may carry: any Unicode except the C0 control characters other than tab, line
 * feed and carriage return, and except unpaired surrogates. PostgreSQL refuses U+0000 in text and
 * jsonb (a 500 before these rules), the others are never meant as text and make logs, CSV exports and
 * terminals lie; an unpaired surrogate is not a character at all and cannot be encoded in UTF-8.
 */
public final class Text {

    private Text() {
    }

    /** The index of the first character a request may not carry, or -1 when all are allowed. */
    public static int firstForbidden(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                if (c != '\t' && c != '\n' && c != '\r') {
                    return i;
                }
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    public static boolean isAllowed(CharSequence text) {
        return firstForbidden(text) < 0;
    }
}
