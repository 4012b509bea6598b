package org.dangjian.platform.api.pii;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * The resident identity card number (居民身份证号码, GB 11643-1999): 6-digit region, 8-digit birth
 * date, 3-digit sequence (odd for men), and an ISO 7064 MOD 11-2 check character (0–9 or X).
 */
public final class NationalIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private NationalIdNumber() {
    }

    /** Upper-cases the check character so that equal numbers compare (and blind-index) equally. */
    public static String normalize(String value) {
        return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    public static boolean isValid(String value) {
        String id = normalize(value);
        if (id == null || !id.matches("\\d{17}[0-9X]")) {
            return false;
        }
        return birthDate(id).isPresent() && checkCharacter(id.substring(0, 17)) == id.charAt(17);
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public static Optional<LocalDate> birthDate(String id) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14))));
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}
