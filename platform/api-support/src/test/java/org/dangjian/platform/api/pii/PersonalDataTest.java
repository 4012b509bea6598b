package org.dangjian.platform.api.pii;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonalDataTest {

    private static final String KEY_1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    // Fictitious: region 110101, born 1949-10-01, sequence 001; check character computed.
    private static final String VALID_ID = "11010119491001001" + NationalIdNumber.checkCharacter("11010119491001001");

    @Test
    void aNationalIdWithItsCheckCharacterIsValid() {
        assertTrue(NationalIdNumber.isValid(VALID_ID));
    }

    @Test
    void aWrongCheckCharacterIsRefused() {
        char wrong = VALID_ID.charAt(17) == '1' ? '2' : '1';
        assertFalse(NationalIdNumber.isValid(VALID_ID.substring(0, 17) + wrong));
    }

    @Test
    void aLowerCaseXCheckCharacterIsTheSameNumber() {
        String first17 = findFirst17WithCheckX();
        assertTrue(NationalIdNumber.isValid(first17 + "x"));
        assertEquals(first17 + "X", NationalIdNumber.normalize(first17 + "x"));
    }

    @Test
    void anImpossibleBirthDateIsRefused() {
        String first17 = "11010120230229001"; // 2023 has no 29 February
        assertFalse(NationalIdNumber.isValid(first17 + NationalIdNumber.checkCharacter(first17)));
    }

    @Test
    void wrongLengthOrLettersAreRefused() {
        assertFalse(NationalIdNumber.isValid(VALID_ID.substring(0, 17)));
        assertFalse(NationalIdNumber.isValid("A" + VALID_ID.substring(1)));
    }

    @Test
    void maskingKeepsOnlyTheEnds() {
        assertEquals("1101**********" + VALID_ID.substring(14), Masking.nationalId(VALID_ID));
        assertEquals("138****5678", Masking.phone("13812345678"));
    }

    @Test
    void encryptedValuesRoundTripAndNameTheirKey() {
        PersonalDataProtection pdp = protection("k1");
        String sealed = pdp.encrypt(VALID_ID);
        assertTrue(sealed.startsWith("v1:k1:"));
        assertFalse(sealed.contains(VALID_ID));
        assertNotEquals(sealed, pdp.encrypt(VALID_ID), "a fresh IV every time");
        assertEquals(VALID_ID, pdp.decrypt(sealed));
    }

    @Test
    void rotationReencryptsWithTheActiveKeyAndOldValuesStillDecrypt() {
        String sealedWithOldKey = protection("k1").encrypt(VALID_ID);
        PersonalDataProtection rotated = protection("k2");
        assertTrue(rotated.needsReencryption(sealedWithOldKey));
        String resealed = rotated.reencrypt(sealedWithOldKey);
        assertTrue(resealed.startsWith("v1:k2:"));
        assertEquals(VALID_ID, rotated.decrypt(resealed));
        assertFalse(rotated.needsReencryption(resealed));
    }

    @Test
    void aTamperedValueIsRejected() {
        PersonalDataProtection pdp = protection("k1");
        String sealed = pdp.encrypt(VALID_ID);
        String relabelled = sealed.replace("v1:k1:", "v1:k2:");
        assertThrows(IllegalStateException.class, () -> pdp.decrypt(relabelled));
    }

    @Test
    void valuesSealedOnManyThreadsWithAlternatingKeysAllReadBack() throws Exception {
        PersonalDataProtection pdp = protection("k1");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<java.util.Map<String, String>>> sealedByThread = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                sealedByThread.add(pool.submit(() -> {
                    java.util.Map<String, String> sealed = new java.util.HashMap<>();
                    for (int i = 0; i < 500; i++) {
                        String plain = "1381234" + String.format("%04d", thread * 1000 + i);
                        sealed.put(plain, pdp.encryptWith(i % 2 == 0 ? "k1" : "k2", plain));
                    }
                    return sealed;
                }));
            }
            for (var future : sealedByThread) {
                // Read back on other threads than the ones that sealed.
                java.util.Map<String, String> sealed = future.get();
                java.util.List<java.util.concurrent.Future<Boolean>> checks = new java.util.ArrayList<>();
                sealed.forEach((plain, value) -> checks.add(pool.submit(() -> plain.equals(pdp.decrypt(value)))));
                for (var check : checks) {
                    assertTrue(check.get());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRejectedValueDoesNotSpoilTheNextDecryptionOnTheSameThread() {
        PersonalDataProtection pdp = protection("k1");
        String sealed = pdp.encrypt(VALID_ID);
        String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThrows(IllegalStateException.class, () -> pdp.decrypt(tampered));
        assertEquals(VALID_ID, pdp.decrypt(sealed));
        assertEquals(VALID_ID, pdp.decrypt(pdp.encrypt(VALID_ID)));
    }

    @Test
    void blindIndexIsDeterministicAndKeyed() {
        PersonalDataProtection pdp = protection("k1");
        assertEquals(pdp.blindIndex(VALID_ID), pdp.blindIndex(VALID_ID));
        assertNotEquals(pdp.blindIndex(VALID_ID), pdp.blindIndex("13812345678"));
        assertEquals(64, pdp.blindIndex(VALID_ID).length());
    }

    private static PersonalDataProtection protection(String activeKey) {
        PersonalDataProtection pdp = new PersonalDataProtection();
        pdp.config = new PiiConfig() {
            @Override
            public Map<String, String> keys() {
                return Map.of("k1", KEY_1, "k2", KEY_2);
            }

            @Override
            public Optional<String> activeKey() {
                return Optional.of(activeKey);
            }

            @Override
            public Optional<String> blindIndexKey() {
                return Optional.of(KEY_2);
            }

            @Override
            public Optional<java.util.List<String>> encryptedColumns() {
                return Optional.empty();
            }
        };
        return pdp;
    }

    private static String findFirst17WithCheckX() {
        for (int sequence = 1; sequence < 1000; sequence++) {
            String first17 = "110101194910010" + String.format("%02d", sequence % 100);
            if (NationalIdNumber.checkCharacter(first17) == 'X') {
                return first17;
            }
        }
        throw new AssertionError("no sequence with check character X");
    }
}
