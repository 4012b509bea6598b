package org.dangjian.platform.api.jdbc;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One {@code COPY table (columns) FROM STDIN} in PostgreSQL's text format, fed in 1 MiB writes: the cheapest way to
 * write many rows, for the services' bulk writes and the benchmarks' scale data. On a transaction's connection it is
 * part of that transaction.
 *
 * <p>A row's values are written through one typed column writer, {@link Row}, in the order of the COPY's columns:
 * {@code copy.row(r -> r.uuid(id).text(name).date(bornOn))}. The same writer builds rows ahead of the COPY
 * ({@link Rows}, e.g. a chunk formatted on another thread while the previous one is written) and the encoded parts
 * of rows that many rows complete alike ({@link Columns}).
 */
public final class PgCopy implements AutoCloseable {

    private static final int FLUSH_BYTES = 1 << 20;

    private final CopyIn in;
    private final StringBuilder buffer = new StringBuilder(FLUSH_BYTES + 4096);
    private final Row writer = new Row(buffer);
    /** Rows that arrived encoded ({@link #row(Columns, Columns)}), sent in 1 MiB writes too. */
    private byte[] encoded = new byte[0];
    private int encodedLength;
    private long rows;

    public PgCopy(Connection connection, String table, String columns) throws SQLException {
        this.in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
    }

    /** One row: {@code columns} writes its values in the COPY's column order. */
    public void row(Consumer<Row> columns) throws SQLException {
        flushEncoded(); // rows go out in the order they were given
        writer.write(columns);
        rows++;
        if (buffer.length() >= FLUSH_BYTES) {
            flush();
        }
    }

    /**
     * One row of leading columns encoded ahead of this COPY (e.g. where a bulk operation prepared the entry, off the
     * thread that waits for the database) and trailing columns encoded once for many rows (what the writer knows
     * only now: the time, the actor).
     */
    public void row(Columns head, Columns tail) throws SQLException {
        flush();
        int length = head.bytes.length + 1 + tail.bytes.length + 1;
        if (encoded.length - encodedLength < length) {
            flushEncoded();
            if (encoded.length < length) {
                encoded = new byte[Math.max(FLUSH_BYTES, length)];
            }
        }
        System.arraycopy(head.bytes, 0, encoded, encodedLength, head.bytes.length);
        encodedLength += head.bytes.length;
        encoded[encodedLength++] = '\t';
        System.arraycopy(tail.bytes, 0, encoded, encodedLength, tail.bytes.length);
        encodedLength += tail.bytes.length;
        encoded[encodedLength++] = '\n';
        rows++;
    }

    /** Rows built ahead by {@link Rows}: sent as they are. */
    public void rows(Rows formatted) throws SQLException {
        flush();
        flushEncoded();
        byte[] bytes = formatted.bytes();
        in.writeToCopy(bytes, 0, bytes.length);
        rows += formatted.count;
    }

    /** How many rows this COPY was given. */
    public long rows() {
        return rows;
    }

    @Override
    public void close() throws SQLException {
        flush();
        flushEncoded();
        in.endCopy();
    }

    /**
     * The typed column writer: each call appends the next column's value in COPY's text format, a Java null as
     * {@code \N}. Only {@link #text} can hold characters the format escapes (backslash, tab, newline, carriage
     * return); the other types' text never does, so they are appended as they are.
     */
    public static final class Row {
        private final StringBuilder out;
        private boolean first = true;

        private Row(StringBuilder out) {
            this.out = out;
        }

        private void write(Consumer<Row> columns) {
            int start = out.length();
            first = true;
            try {
                columns.accept(this);
            } catch (RuntimeException e) {
                out.setLength(start); // no half row reaches the table when the COPY is closed after the failure
                throw e;
            }
            out.append('\n');
        }

        private StringBuilder next() {
            if (first) {
                first = false;
            } else {
                out.append('\t');
            }
            return out;
        }

        private Row nullValue() {
            next().append("\\N");
            return this;
        }

        /** text, varchar, json, jsonb: backslash, tab, newline and carriage return escaped. */
        public Row text(String value) {
            if (value == null) {
                return nullValue();
            }
            StringBuilder to = next();
            if (!needsEscaping(value)) {
                to.append(value); // the common case, copied whole rather than a character at a time
                return this;
            }
            for (int k = 0; k < value.length(); k++) {
                char c = value.charAt(k);
                switch (c) {
                    case '\\' -> to.append("\\\\");
                    case '\t' -> to.append("\\t");
                    case '\n' -> to.append("\\n");
                    case '\r' -> to.append("\\r");
                    default -> to.append(c);
                }
            }
            return this;
        }

        /** An enum column or a text column holding an enum: the constant's name. */
        public Row name(Enum<?> value) {
            return value == null ? nullValue() : text(value.name());
        }

        public Row uuid(UUID value) {
            if (value == null) {
                return nullValue();
            }
            next().append(value);
            return this;
        }

        /** smallint, integer, bigint. */
        public Row integer(long value) {
            next().append(value);
            return this;
        }

        /** A nullable smallint, integer or bigint. */
        public Row integer(Number value) {
            return value == null ? nullValue() : integer(value.longValue());
        }

        public Row decimal(BigDecimal value) {
            if (value == null) {
                return nullValue();
            }
            next().append(value.toPlainString());
            return this;
        }

        public Row bool(boolean value) {
            next().append(value ? 't' : 'f');
            return this;
        }

        public Row date(LocalDate value) {
            if (value == null) {
                return nullValue();
            }
            next().append(value);
            return this;
        }

        /** timestamptz: ISO 8601 with its offset. */
        public Row timestamp(OffsetDateTime value) {
            if (value == null) {
                return nullValue();
            }
            next().append(value);
            return this;
        }

        /** timestamptz: ISO 8601 in UTC. */
        public Row timestamp(Instant value) {
            if (value == null) {
                return nullValue();
            }
            next().append(value);
            return this;
        }

        private static boolean needsEscaping(String s) {
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Rows built ahead of the COPY that sends them: a bulk operation formats and encodes the next chunk off the thread
     * that waits for the database (benchmark B4). Not thread-safe; build on one thread, then hand over.
     */
    public static final class Rows {
        private final StringBuilder text;
        private final Row writer;
        private int count;
        private byte[] bytes;

        public Rows(int expectedBytes) {
            this.text = new StringBuilder(expectedBytes);
            this.writer = new Row(text);
        }

        public Rows add(Consumer<Row> columns) {
            writer.write(columns);
            count++;
            bytes = null;
            return this;
        }

        public int count() {
            return count;
        }

        /** The rows in UTF-8, encoded once: call it where the rows are built to keep the encoding off the writer. */
        public byte[] bytes() {
            if (bytes == null) {
                bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            }
            return bytes;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /**
     * Some of a row's columns, formatted and encoded once: the leading columns a bulk operation prepares per entry,
     * or the trailing ones that all of one COPY's rows share ({@link #row(Columns, Columns)}).
     */
    public static final class Columns {
        private final byte[] bytes;

        private Columns(byte[] bytes) {
            this.bytes = bytes;
        }

        public static Columns of(Consumer<Row> columns) {
            StringBuilder text = new StringBuilder(256);
            Row row = new Row(text);
            columns.accept(row);
            return new Columns(text.toString().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private void flushEncoded() throws SQLException {
        if (encodedLength > 0) {
            in.writeToCopy(encoded, 0, encodedLength);
            encodedLength = 0;
        }
    }

    private void flush() throws SQLException {
        if (buffer.isEmpty()) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }
}
