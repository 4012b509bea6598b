package org.dangjian.platform.api.jdbc;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One {@code COPY table (columns) FROM STDIN} in PostgreSQL's text format, fed row by row in 1 MiB writes:
 * the cheapest way to write many rows, for the services' bulk writes and the benchmarks' scale data. On a
 * transaction's connection it is part of that transaction. Values are written with {@code toString()}
 * (null as {@code \N}), so a column's text form must be what PostgreSQL parses for its type.
 */
public final class PgCopy implements AutoCloseable {

    private static final int FLUSH_BYTES = 1 << 20;

    private final CopyIn in;
    private final StringBuilder buffer = new StringBuilder(FLUSH_BYTES + 4096);
    /** Rows that arrived encoded ({@link #row(byte[], byte[])}), sent in 1 MiB writes too. */
    private byte[] encoded = new byte[0];
    private int encodedLength;
    private long rows;

    public PgCopy(Connection connection, String table, String columns) throws SQLException {
        this.in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
    }

    public void row(Object... values) throws SQLException {
        flushEncoded(); // rows go out in the order they were given
        append(buffer, values);
        rows++;
        if (buffer.length() >= FLUSH_BYTES) {
            flush();
        }
    }

    /**
     * A row whose leading columns {@link #head} formatted and encoded ahead of this COPY (e.g. on another thread),
     * completed by trailing columns that {@link #tail} encoded once for many rows (what the writer knows only now:
     * the time, the actor).
     */
    public void row(byte[] head, byte[] tail) throws SQLException {
        flush();
        int length = head.length + tail.length;
        if (encoded.length - encodedLength < length) {
            flushEncoded();
            if (encoded.length < length) {
                encoded = new byte[Math.max(FLUSH_BYTES, length)];
            }
        }
        System.arraycopy(head, 0, encoded, encodedLength, head.length);
        encodedLength += head.length;
        System.arraycopy(tail, 0, encoded, encodedLength, tail.length);
        encodedLength += tail.length;
        rows++;
    }

    /** Leading columns of a row for {@link #row(byte[], byte[])}: the values, each followed by a tab, in UTF-8. */
    public static byte[] head(Object... values) {
        StringBuilder text = new StringBuilder(256);
        append(text, values);
        text.setCharAt(text.length() - 1, '\t');
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Trailing columns of rows for {@link #row(byte[], byte[])}: the values and the row's end, in UTF-8. */
    public static byte[] tail(Object... values) {
        StringBuilder text = new StringBuilder(128);
        append(text, values);
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Rows formatted by {@link Rows}, e.g. on another thread while an earlier COPY ran: sent as they are. */
    public void rows(Rows formatted) throws SQLException {
        flush();
        flushEncoded();
        byte[] bytes = formatted.bytes();
        in.writeToCopy(bytes, 0, bytes.length);
        rows += formatted.count;
    }

    /**
     * Rows in the text format {@link #row} writes, built ahead of the COPY that sends them: a bulk operation formats
     * and encodes the next chunk off the thread that waits for the database (benchmark B4). Not thread-safe; build
     * on one thread, then hand over.
     */
    public static final class Rows {
        private final StringBuilder text;
        private int count;
        private byte[] bytes;

        public Rows(int expectedBytes) {
            this.text = new StringBuilder(expectedBytes);
        }

        public Rows add(Object... values) {
            append(text, values);
            count++;
            bytes = null;
            return this;
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

    private static void append(StringBuilder buffer, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                buffer.append("\\N");
            } else {
                String s = v.toString();
                if (!needsEscaping(s)) {
                    buffer.append(s); // the common case, copied in bulk rather than a character at a time
                    continue;
                }
                for (int k = 0; k < s.length(); k++) {
                    char c = s.charAt(k);
                    switch (c) {
                        case '\\' -> buffer.append("\\\\");
                        case '\t' -> buffer.append("\\t");
                        case '\n' -> buffer.append("\\n");
                        case '\r' -> buffer.append("\\r");
                        default -> buffer.append(c);
                    }
                }
            }
        }
        buffer.append('\n');
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

    public long rows() {
        return rows;
    }

    @Override
    public void close() throws SQLException {
        flush();
        flushEncoded();
        in.endCopy();
    }
}
