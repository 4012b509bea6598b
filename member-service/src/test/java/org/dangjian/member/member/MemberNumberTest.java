package org.dangjian.member.member;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Member numbers read {@code M} and the sequence value in ten digits, as they always have. */
class MemberNumberTest {

    @Test
    void aSmallSequenceValueIsZeroPaddedToTenDigits() {
        assertEquals("M0000000001", MemberRepository.memberNumber(1));
        assertEquals("M0000030123", MemberRepository.memberNumber(30_123));
    }

    @Test
    void aValueOfTenDigitsOrMoreIsWrittenWhole() {
        assertEquals("M1234567890", MemberRepository.memberNumber(1_234_567_890L));
        assertEquals("M12345678901", MemberRepository.memberNumber(12_345_678_901L));
    }
}
