package org.dangjian.member.importing;

import org.dangjian.member.config.MemberRules;
import org.dangjian.platform.api.DomainException;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The first worksheet of an .xlsx file as rows of text, the shape {@link CsvReader} gives, so both formats
 * go through one validation. Numbers come back without a spurious ".0" (a phone typed as a number),
 * date-formatted numbers as ISO dates (a birth date typed into a date cell).
 */
final class Xlsx {

    /** Built-in date formats of SpreadsheetML (ECMA-376 §18.8.30), when a cell names no format string. */
    private static final int[][] BUILT_IN_DATE_FORMATS = {{14, 22}, {27, 36}, {45, 47}, {50, 58}};

    private Xlsx() {
    }

    /**
     * The header row and the non-blank rows after it, within the limits: the archive is checked part by part first
     * ({@link WorkbookArchive}), then rows, cells and their text while the sheet streams; more rows than allowed
     * are refused at the first one too many, without reading on.
     */
    static List<List<String>> read(byte[] workbook, MemberRules.Import limits) {
        WorkbookArchive.check(workbook, limits);
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(workbook), new ReadingOptions(true, false));
                Stream<Row> rows = book.getFirstSheet().openStream()) {
            Rows table = new Rows(limits);
            rows.forEach(row -> table.add(cells(row, limits)));
            return table.rows();
        } catch (DomainException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Not a workbook, a damaged one, or one whose sheet XML does not parse.
            throw DomainException.badRequest("IMPORT_FILE_UNREADABLE");
        }
    }

    private static List<String> cells(Row row, MemberRules.Import limits) {
        if (row.getCellCount() > limits.columns()) {
            throw ImportRefused.tooManyColumns(limits.columns());
        }
        List<String> values = new ArrayList<>(row.getCellCount());
        int length = 0;
        for (int i = 0; i < row.getCellCount(); i++) {
            String text = text(row.getCell(i), limits.cellLength());
            if (text.length() > limits.cellLength()) {
                throw ImportRefused.cellTooLong(limits.cellLength());
            }
            length += text.length();
            if (length > limits.lineLength()) {
                throw ImportRefused.lineTooLong(limits.lineLength());
            }
            values.add(text);
        }
        return values;
    }

    static String text(Cell cell, int maxLength) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case EMPTY, ERROR -> "";
            case NUMBER -> isDate(cell) ? cell.asDate().toLocalDate().toString() : plain(cell.asNumber(), maxLength);
            case STRING, BOOLEAN -> cell.getText();
            // A formula's cached result is what the user saw.
            case FORMULA -> cell.getRawValue() == null ? "" : cell.getRawValue();
        };
    }

    /** The number as typed; one whose digits would not fit a cell (1E+999999999 is six characters of XML) is refused. */
    private static String plain(BigDecimal number, int maxLength) {
        BigDecimal stripped = number.stripTrailingZeros();
        long digits = stripped.scale() < 0 ? (long) stripped.precision() - stripped.scale()
                : Math.max(stripped.precision(), stripped.scale() + 1L);
        if (digits > maxLength) {
            throw ImportRefused.cellTooLong(maxLength);
        }
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
