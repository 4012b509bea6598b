package org.dangjian.platform.api.jdbc;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rows formatted ahead of a COPY read exactly as PostgreSQL's text format wants them. */
class PgCopyTest {

    @Test
    void valuesAreTabSeparatedRowsEndWithANewlineAndNullIsBackslashN() {
        UUID id = UUID.fromString("0b8f4f8e-6a55-4a8e-9d0e-3f1c2b7a9e01");
        PgCopy.Rows rows = new PgCopy.Rows(64).add(id, "王建国", null, 3L).add("x", null, null, 0);

        assertEquals(id + "\t王建国\t\\N\t3\nx\t\\N\t\\N\t0\n", rows.toString());
    }

    @Test
    void backslashesTabsAndLineBreaksInAValueAreEscaped() {
        PgCopy.Rows rows = new PgCopy.Rows(64).add("厦门\\某\t公司\r\n研发部", "\"quoted\", with comma");

        assertEquals("厦门\\\\某\\t公司\\r\\n研发部\t\"quoted\", with comma\n", rows.toString());
    }

    @Test
    void theRowsAreSentInUtf8() {
        PgCopy.Rows rows = new PgCopy.Rows(16).add("党员");

        assertArrayEquals("党员\n".getBytes(StandardCharsets.UTF_8), rows.bytes());
    }

    @Test
    void aRowEncodedAheadIsItsHeadColumnsThenTheColumnsItSharesWithOthers() {
        byte[] head = PgCopy.head("a\tb", null);
        byte[] tail = PgCopy.tail(7, "x");

        assertEquals("a\\tb\t\\N\t", new String(head, StandardCharsets.UTF_8));
        assertEquals("7\tx\n", new String(tail, StandardCharsets.UTF_8));
    }
}
