package org.dangjian.platform.api.input;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class HeaderTextTest {

    /** What the server sees of a header sent as UTF-8: one character per octet. */
    private static String asReceived(String sent) {
        return new String(sent.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    @Test
    void utf8OctetsAreDecoded() {
        assertEquals("政审 political review", HeaderText.decode(asReceived("政审 political review")));
    }

    @Test
    void rfc8187PercentEncodedUtf8IsDecoded() {
        assertEquals("政审 a+b", HeaderText.decode("UTF-8''%E6%94%BF%E5%AE%A1%20a+b"));
        assertEquals("政审", HeaderText.decode("utf-8''%E6%94%BF%E5%AE%A1"));
    }

    @Test
    void asciiAndLatin1TextThatIsNotUtf8StayAsTheyArrived() {
        assertEquals("political review", HeaderText.decode("political review"));
        assertEquals("café", HeaderText.decode("café"));
        assertNull(HeaderText.decode(null));
    }

    @Test
    void aDecodedControlCharacterIsNotAccepted() {
        assertEquals("UTF-8''a%00b", HeaderText.decode("UTF-8''a%00b"));
        assertEquals("UTF-8''%E6%94", HeaderText.decode("UTF-8''%E6%94"));
    }
}
