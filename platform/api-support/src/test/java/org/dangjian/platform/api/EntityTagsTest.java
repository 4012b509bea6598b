package org.dangjian.platform.api;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EntityTagsTest {

    @Test
    void quotedWeakAndBareTagsNameTheVersion() {
        assertEquals(OptionalLong.of(3), EntityTags.version("\"3\""));
        assertEquals(OptionalLong.of(3), EntityTags.version("W/\"3\""));
        assertEquals(OptionalLong.of(3), EntityTags.version(" 3 "));
    }

    @Test
    void anAbsentHeaderSetsNoPrecondition() {
        assertEquals(OptionalLong.empty(), EntityTags.version(null));
        assertEquals(OptionalLong.empty(), EntityTags.version("  "));
    }

    @Test
    void aTagThatIsNoVersionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> EntityTags.version("\"abc\""));
    }
}
