package org.dangjian.organization.coverage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"91110000802100433B", "91350200MA2YQ0001G", "52350200MJ0000001E"})
    void codesWithTheirCheckCharacterAreValid(String code) {
        assertTrue(CreditCode.isValid(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "91110000802100433C", // wrong check character
            "91110000802100443B", // one digit changed
            "9111000080210043B", // 17 characters
            "91110000802100433BX", // 19 characters
            "9111000080210043IB", // I is not in the alphabet
            "91110000802100433b", // lower case
            ""})
    void anythingElseIsInvalid(String code) {
        assertFalse(CreditCode.isValid(code));
    }

    @Test
    void theCheckValueZeroIsTheCharacterZero() {
        // sum ≡ 0 (mod 31) → check value (31 - 0) mod 31 = 0
        assertTrue(CreditCode.isValid("000000000000000000"));
        assertFalse(CreditCode.isValid("00000000000000000Y"));
    }

    @Test
    void theRegionIsCharactersThreeToEight() {
        assertEquals("350200", CreditCode.regionOf("91350200MA2YQ0001G"));
    }
}
