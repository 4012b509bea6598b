package org.dangjian.platform.api.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** An array literal is read back by PostgreSQL's own array input as exactly the values it was built from. */
class PgArrayTest {

    private static Connection db;

    @BeforeAll
    static void connect() throws SQLException {
        db = ScratchPostgres.connect();
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    @Test
    void quotesAndBackslashesAreEscapedNotDropped() throws SQLException {
        List<String> values = List.of("say \"hi\"", "C:\\dir\\", "\\\"", "\"");

        assertEquals("{\"say \\\"hi\\\"\",\"C:\\\\dir\\\\\",\"\\\\\\\"\",\"\\\"\"}", PgArray.literal(values));
        assertEquals(values, roundTrip(values, "text"));
    }

    @Test
    void commasBracesAndWhitespaceStayInsideTheirElement() throws SQLException {
        List<String> values = List.of("a,b", "{x}", "}", "{", " padded ", "tab\there", "line\nbreak");

        assertEquals(values, roundTrip(values, "text"));
    }

    @Test
    void anEmptyStringIsAnElementNotAnEmptyArray() throws SQLException {
        assertEquals("{\"\"}", PgArray.literal(List.of("")));
        assertEquals(List.of(""), roundTrip(List.of(""), "text"));
    }

    @Test
    void javaNullIsSqlNullAndTheWordNullIsText() throws SQLException {
        List<String> values = Arrays.asList(null, "NULL", "null", null);

        assertEquals("{NULL,\"NULL\",\"null\",NULL}", PgArray.literal(values));
        assertEquals(values, roundTrip(values, "text"));
    }

    @Test
    void unicodeIsCarriedAsItIs() throws SQLException {
        List<String> values = List.of("厦门市思明区", "党员 👍", "é\u0301");

        assertEquals(values, roundTrip(values, "text"));
    }

    @Test
    void noValuesMakeTheEmptyArray() throws SQLException {
        assertEquals("{}", PgArray.literal(List.of()));
        assertEquals(List.of(), roundTrip(List.of(), "text"));
    }

    @Test
    void typedValuesAreReadByTheirColumnTypes() throws SQLException {
        UUID id = UUID.fromString("0b8f4f8e-6a55-4a8e-9d0e-3f1c2b7a9e01");
        Instant at = Instant.parse("2026-12-03T21:05:07.123456Z");

        assertEquals(List.of(id.toString()), roundTrip(List.of(id), "uuid"));
        assertEquals(List.of("2026-02-28", "2024-02-29"), roundTrip(List.of(LocalDate.of(2026, 2, 28), LocalDate.of(2024, 2, 29)), "date"));
        assertEquals(List.of("1000.50", "0.0000001"), roundTrip(List.of(new BigDecimal("1000.50"), new BigDecimal("1E-7")), "numeric"));
        assertEquals(List.of("7", "-1"), roundTrip(List.of(7, -1L), "bigint"));
        assertEquals(List.of("true", "false"), roundTrip(List.of(true, false), "boolean"));
        assertEquals(List.of("2026-12-03 21:05:07.123456+00"), roundTrip(List.of(at), "timestamptz"));
        assertEquals(List.of("FULL"), roundTrip(List.of(Stage.FULL), "text"));
    }

    @Test
    void aValueOfNoKnownElementTypeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PgArray.literal(List.of(new Object())));
    }

    private enum Stage {
        FULL;

        @Override
        public String toString() {
            return "正式党员"; // what the column holds is the name, whatever the label
        }
    }

    /** The literal cast to {@code type[]} by PostgreSQL, its elements read back as text. */
    private static List<String> roundTrip(List<?> values, String type) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("select cast(cast(? as " + type + "[]) as text[])")) {
            db.createStatement().execute("set timezone = 'UTC'");
            select.setString(1, PgArray.literal(values));
            try (ResultSet r = select.executeQuery()) {
                r.next();
                Array array = r.getArray(1);
                return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
            }
        }
    }
}
