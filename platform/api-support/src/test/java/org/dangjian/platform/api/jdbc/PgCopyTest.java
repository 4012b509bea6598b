package org.dangjian.platform.api.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Rows written through the typed column writer read exactly as PostgreSQL's COPY text format wants them. */
class PgCopyTest {

    private static final UUID ID = UUID.fromString("0b8f4f8e-6a55-4a8e-9d0e-3f1c2b7a9e01");

    private static Connection db;

    @BeforeAll
    static void connect() throws SQLException {
        db = ScratchPostgres.connect();
        try (Statement s = db.createStatement()) {
            s.execute("set timezone = 'UTC'");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    @BeforeEach
    void freshTable() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("drop table if exists copied");
            s.execute("create table copied (id uuid, note text, n bigint, amount numeric, done boolean, day date, at timestamptz)");
        }
    }

    @Test
    void columnsAreTabSeparatedRowsEndWithANewlineAndNullIsBackslashN() {
        PgCopy.Rows rows = new PgCopy.Rows(64)
                .add(r -> r.uuid(ID).text("王建国").text(null).integer(3))
                .add(r -> r.text("x").date(null).integer((Integer) null).bool(false));

        assertEquals(ID + "\t王建国\t\\N\t3\nx\t\\N\t\\N\tf\n", rows.toString());
    }

    @Test
    void backslashTabNewlineAndCarriageReturnInTextAreEscaped() {
        PgCopy.Rows rows = new PgCopy.Rows(64).add(r -> r.text("厦门\\某\t公司\r\n研发部").text("\"quoted\", with comma"));

        assertEquals("厦门\\\\某\\t公司\\r\\n研发部\t\"quoted\", with comma\n", rows.toString());
    }

    @Test
    void textThatLooksLikeTheNullMarkerOrTheEndMarkerStaysText() throws SQLException {
        List<String> notes = List.of("\\N", "\\.", "NULL", "", "tab\tnew\nline\rback\\slash", "党员 👍");
        try (PgCopy copy = new PgCopy(db, "copied", "note")) {
            for (String note : notes) {
                copy.row(r -> r.text(note));
            }
            copy.row(r -> r.text(null));
        }

        List<String> expected = new ArrayList<>(notes);
        expected.add(null);
        assertEquals(expected, column("note"));
    }

    @Test
    void everyColumnTypeIsReadBackAsWritten() throws SQLException {
        OffsetDateTime at = OffsetDateTime.of(2026, 12, 3, 21, 5, 7, 123_456_000, ZoneOffset.ofHours(8));
        try (PgCopy copy = new PgCopy(db, "copied", "id, note, n, amount, done, day, at")) {
            copy.row(r -> r.uuid(ID).name(ZoneKind.SHANGHAI).integer(Long.MIN_VALUE).decimal(new BigDecimal("1E+3")).bool(true)
                    .date(LocalDate.of(2024, 2, 29)).timestamp(at));
            copy.row(r -> r.uuid(null).name(null).integer((Long) null).decimal(null).bool(false).date(null)
                    .timestamp(Instant.parse("2026-01-01T00:00:00Z")));
        }

        try (ResultSet r = db.createStatement().executeQuery(
                "select id, note, n, amount, done, day, at from copied order by id nulls last")) {
            r.next();
            assertEquals(ID, r.getObject(1, UUID.class));
            assertEquals("SHANGHAI", r.getString(2));
            assertEquals(Long.MIN_VALUE, r.getLong(3));
            assertEquals(new BigDecimal("1000"), r.getBigDecimal(4));
            assertEquals(true, r.getBoolean(5));
            assertEquals(LocalDate.of(2024, 2, 29), r.getObject(6, LocalDate.class));
            assertEquals(at.toInstant(), r.getObject(7, OffsetDateTime.class).toInstant());
            r.next();
            assertEquals(Arrays.asList(null, null, null, null), Arrays.asList(r.getObject(1), r.getObject(2), r.getObject(3), r.getObject(4)));
            assertEquals(false, r.getBoolean(5));
            assertEquals(Instant.parse("2026-01-01T00:00:00Z"), r.getObject(7, OffsetDateTime.class).toInstant());
        }
    }

    @Test
    void rowsBuiltAheadAndRowsFromEncodedColumnsKeepTheirOrder() throws SQLException {
        PgCopy.Columns shared = PgCopy.Columns.of(r -> r.integer(7).date(LocalDate.of(2026, 12, 6)));
        try (PgCopy copy = new PgCopy(db, "copied", "note, n, day")) {
            copy.row(r -> r.text("first").integer(1).date(LocalDate.of(2026, 1, 1)));
            copy.row(PgCopy.Columns.of(r -> r.text("second")), shared);
            copy.rows(new PgCopy.Rows(64).add(r -> r.text("third").integer(3).date(null)));
            copy.row(PgCopy.Columns.of(r -> r.text("fourth")), shared);
            assertEquals(4, copy.rows());
        }

        assertEquals(List.of("first", "second", "third", "fourth"), column("note"));
    }

    @Test
    void aRowWhoseValuesFailIsNotHalfWritten() throws SQLException {
        try (PgCopy copy = new PgCopy(db, "copied", "note, n")) {
            copy.row(r -> r.text("kept").integer(1));
            assertThrows(IllegalStateException.class, () -> copy.row(r -> {
                r.text("half");
                throw new IllegalStateException("a value could not be computed");
            }));
        }

        assertEquals(List.of("kept"), column("note"));
    }

    @Test
    void theRowsAreSentInUtf8() {
        PgCopy.Rows rows = new PgCopy.Rows(16).add(r -> r.text("党员"));

        assertArrayEquals("党员\n".getBytes(StandardCharsets.UTF_8), rows.bytes());
    }

    @Test
    void encodedColumnsAreTheirValuesTabSeparatedWithoutARowEnd() {
        assertEquals("a\\tb\t\\N", PgCopy.Columns.of(r -> r.text("a\tb").uuid(null)).toString());
    }

    private enum ZoneKind {
        SHANGHAI
    }

    private static List<String> column(String name) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet r = db.createStatement().executeQuery("select " + name + " from copied order by ctid")) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }
}
