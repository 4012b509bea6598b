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
    private long rows;

    public PgCopy(Connection connection, String table, String columns) throws SQLException {
        this.in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
    }

    public void row(Object... values) throws SQLException {
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
        rows++;
        if (buffer.length() >= FLUSH_BYTES) {
            flush();
        }
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

    private void flush() throws SQLException {
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
        in.endCopy();
    }
}
