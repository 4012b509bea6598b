package org.dangjian.member.importing;

import org.dangjian.platform.api.DomainException;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The first worksheet of an .xlsx file as rows of text, the shape {@link Csv} gives, so both formats
 * go through one validation. Numbers come back without a spurious ".0" (a phone typed as a number),
 * date-formatted numbers as ISO dates (a birth date typed into a date cell).
 */
final class Xlsx {

    /** Built-in date formats of SpreadsheetML (ECMA-376 §18.8.30), when a cell names no format string. */
    private static final int[][] BUILT_IN_DATE_FORMATS = {{14, 22}, {27, 36}, {45, 47}, {50, 58}};

    private Xlsx() {
    }

    /** At most {@code limit} rows are read: a larger file is refused by the caller without reading it all. */
    static List<List<String>> read(InputStream in, int limit) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(in, new ReadingOptions(true, false));
                Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            List<List<String>> table = new ArrayList<>();
            rows.limit(limit).forEach(row -> table.add(cells(row)));
            return table;
        } catch (IOException | RuntimeException e) {
            // Not a workbook, a damaged one, or one whose sheet XML does not parse.
            throw DomainException.badRequest("IMPORT_FILE_UNREADABLE");
        }
    }

    private static List<String> cells(Row row) {
        List<String> values = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            values.add(text(row.getCell(i)));
        }
        return values;
    }

    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case EMPTY, ERROR -> "";
            case NUMBER -> isDate(cell) ? cell.asDate().toLocalDate().toString() : plain(cell.asNumber());
            case STRING, BOOLEAN -> cell.getText();
            // A formula's cached result is what the user saw.
            case FORMULA -> cell.getRawValue() == null ? "" : cell.getRawValue();
        };
    }

    private static String plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static boolean isDate(Cell cell) {
        String format = cell.getDataFormatString();
        if (format != null && !format.isBlank() && !"General".equalsIgnoreCase(format)) {
            // Quoted literals and [colour]/[locale] sections are not date parts.
            String bare = format.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").toLowerCase(Locale.ROOT);
            return bare.contains("y") || bare.contains("d");
        }
        Integer id = cell.getDataFormatId();
        if (id == null) {
            return false;
        }
        for (int[] range : BUILT_IN_DATE_FORMATS) {
            if (id >= range[0] && id <= range[1]) {
                return true;
            }
        }
        return false;
    }
}
