package org.dangjian.member.importing;

import org.dangjian.member.config.MemberRules;
import org.dangjian.platform.api.Csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads an uploaded CSV file in the platform's format ({@link Csv}: comma-separated, double-quoted fields may hold
 * commas, doubled quotes and line breaks) into rows of text, within the import's limits.
 */
final class CsvReader {

    private CsvReader() {
    }

    /**
     * Parses a whole file held in memory (the HTTP body limit bounds it): indexing a string is several times
     * cheaper than {@code Reader.read()} per character, whose locking was a tenth of a bulk import's CPU (B4).
     * The limits are checked as it goes: a record's length, its fields' count and length, the number of non-blank
     * rows ({@link Rows}); a million empty lines cost no more than one.
     */
    static List<List<String>> read(String text, MemberRules.Import limits) {
        Rows rows = new Rows(limits);
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int recordStart = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            any = true;
            char ch = text.charAt(i);
            // The line break that ends a record is not part of it.
            if (i - recordStart >= limits.lineLength() && (quoted || ch != '\n' && ch != '\r')) {
                throw ImportRefused.lineTooLong(limits.lineLength());
            }
            if (quoted) {
                if (ch == Csv.QUOTE) {
                    if (i + 1 < length && text.charAt(i + 1) == Csv.QUOTE) {
                        field.append(Csv.QUOTE);
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == Csv.QUOTE && field.isEmpty()) {
                quoted = true;
            } else if (ch == Csv.SEPARATOR) {
                add(row, field, limits);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
                add(row, field, limits);
                rows.add(row);
                row = new ArrayList<>();
                any = false;
                recordStart = i + 1;
            } else {
                field.append(ch);
            }
            if (field.length() > limits.cellLength()) {
                throw ImportRefused.cellTooLong(limits.cellLength());
            }
        }
        if (any || !field.isEmpty() || !row.isEmpty()) {
            add(row, field, limits);
            rows.add(row);
        }
        List<List<String>> read = rows.rows();
        // A leading byte-order mark (Excel writes one) is not part of the first header.
        if (!read.isEmpty() && !read.get(0).isEmpty() && read.get(0).get(0).startsWith(String.valueOf(Csv.BYTE_ORDER_MARK))) {
            read.get(0).set(0, read.get(0).get(0).substring(1));
        }
        return read;
    }

    private static void add(List<String> row, StringBuilder field, MemberRules.Import limits) {
        if (row.size() == limits.columns()) {
            throw ImportRefused.tooManyColumns(limits.columns());
        }
        row.add(field.toString());
        field.setLength(0);
    }
}
