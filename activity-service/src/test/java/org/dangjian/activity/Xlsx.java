package org.dangjian.activity;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A downloaded .xlsx read back as a spreadsheet program would (fastexcel-reader): each sheet's rows, by name in
 * the workbook's order. A cell is typed as written: {@code asNumber()} fails on a text cell and {@code asString()}
 * on a number.
 */
final class Xlsx {

    private Xlsx() {
    }

    static Map<String, List<Row>> sheets(byte[] xlsx) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            Map<String, List<Row>> sheets = new LinkedHashMap<>();
            for (Sheet sheet : workbook.getSheets().toList()) {
                sheets.put(sheet.getName(), sheet.read());
            }
            return sheets;
        }
    }
}
