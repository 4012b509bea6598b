package org.dangjian.platform.api.input;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextTest {

    @Test
    void tabsLineBreaksAndAnyCharacterOfUnicodeAreText() {
        assertTrue(Text.isAllowed("帮扶\t资金\r\n二〇二五 😀 é"));
    }

    @Test
    void nulAndOtherC0ControlCharactersAreNot() {
        assertEquals(1, Text.firstForbidden("a\u0000b"));
        assertEquals(0, Text.firstForbidden("\u0007"));
        assertEquals(3, Text.firstForbidden("esc\u001b[31m"));
    }

    @Test
    void anUnpairedSurrogateIsNot() {
        assertEquals(5, Text.firstForbidden("half \ud83d"));
        assertEquals(0, Text.firstForbidden("\ude00 low first"));
        assertEquals(0, Text.firstForbidden("\ud83d\ud83d\ude00"));
        assertFalse(Text.isAllowed("\udc00"));
    }
}
