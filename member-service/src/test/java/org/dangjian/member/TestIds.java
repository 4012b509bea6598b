package org.dangjian.member;

import org.dangjian.platform.api.pii.NationalIdNumber;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** Fictitious but valid national ID numbers and phones, different on every call. */
public final class TestIds {

    private static final String[] REGIONS = {"350203", "350206", "350102", "110101", "440305", "330106"};

    private TestIds() {
    }

    public static String nationalId(LocalDate birthDate) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first17 = REGIONS[random.nextInt(REGIONS.length)] + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE)
                + "%03d".formatted(random.nextInt(1000));
        return first17 + NationalIdNumber.checkCharacter(first17);
    }

    /** Someone born between 1950 and 1984: of age for the 2005 application of {@link Api#fullMember}. */
    public static String nationalId() {
        return nationalId(LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365 * 35)));
    }

    public static String phone() {
        return "139" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** The same number with a wrong check character. */
    public static String withWrongCheck(String id) {
        char check = id.charAt(17);
        return id.substring(0, 17) + (check == '0' ? '1' : '0');
    }
}
