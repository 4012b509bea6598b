package org.dangjian.platform.api.pii;

/** How personal data looks to a caller whose role does not allow the full value. */
public final class Masking {

    private Masking() {
    }

    /** {@code 350203199001011234} → {@code 3502**********1234}. */
    public static String nationalId(String value) {
        return keep(value, 4, 4);
    }

    /** {@code 13812345678} → {@code 138****5678}. */
    public static String phone(String value) {
        return keep(value, 3, 4);
    }

    private static String keep(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail) + value.substring(value.length() - tail);
    }
}
