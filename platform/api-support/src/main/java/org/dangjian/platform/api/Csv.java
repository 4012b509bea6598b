package org.dangjian.platform.api;

import java.util.List;

/**
 * The CSV format the platform speaks (RFC 4180, as spreadsheet programs write and read it): comma-separated fields, a
 * field holding a separator, quote or line break double-quoted with its quotes doubled, records ended by CRLF. The
 * constants are what a reader of uploaded files parses by (member-service {@code importing/CsvReader}); the methods
 * write downloads that users open in spreadsheets.
 */
public final class Csv {

    public static final char SEPARATOR = ',';
    public static final char QUOTE = '"';
    /** What ends a record written here; a reader also accepts a lone LF or CR. */
    public static final String RECORD_END = "\r\n";
    /** The byte-order mark Excel writes before a UTF-8 file's first field: not part of it. */
    public static final char BYTE_ORDER_MARK = '\uFEFF';

    private static final String QUOTED_QUOTE = "" + QUOTE + QUOTE;

    private Csv() {
    }

    /** RFC 4180 quoting; a leading formula character is neutralised so spreadsheets do not evaluate it. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(SEPARATOR) >= 0 || text.indexOf(QUOTE) >= 0 || text.contains("\n") || text.contains("\r")) {
            return QUOTE + text.replace(String.valueOf(QUOTE), QUOTED_QUOTE) + QUOTE;
        }
        return text;
    }

    /** One record: the values as {@link #cell}s, separated, with the record's end. */
    public static String record(List<?> values) {
        StringBuilder out = new StringBuilder(values.size() * 16);
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(SEPARATOR);
            }
            out.append(cell(values.get(i)));
        }
        return out.append(RECORD_END).toString();
    }
}
