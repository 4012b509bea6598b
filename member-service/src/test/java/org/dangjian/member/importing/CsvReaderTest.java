package org.dangjian.member.importing;

import org.dangjian.platform.api.Csv;
import org.dangjian.platform.api.DomainException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** RFC 4180 as spreadsheet programs write it: what an import file's rows and fields are. */
class CsvReaderTest {

    @Test
    void aQuotedFieldKeepsItsCommasQuotesAndLineBreaks() {
        assertEquals(List.of(List.of("name", "workUnit"), List.of("张三", "市委组织部, \"两新\"工委\n第一支部")),
                CsvReader.read("name,workUnit\n张三,\"市委组织部, \"\"两新\"\"工委\n第一支部\"\n", Limits.defaults()));
    }

    @Test
    void windowsLineEndsAndAMissingFinalLineEndEndRowsAlike() {
        assertEquals(List.of(List.of("a", "b"), List.of("1", ""), List.of("2", "x")), CsvReader.read("a,b\r\n1,\r\n2,x", Limits.defaults()));
    }

    @Test
    void theByteOrderMarkExcelWritesIsNotPartOfTheFirstHeader() {
        assertEquals(List.of(List.of("name", "gender")), CsvReader.read("\uFEFFname,gender\n", Limits.defaults()));
    }

    @Test
    void recordsThePlatformWritesReadBackAsTheSameFields() {
        List<String> fields = List.of("市委组织部, \"两新\"工委", "第一\r\n支部", "plain", "");

        assertEquals(List.of(List.of("name", "workUnit", "grid", "phone"), fields),
                CsvReader.read(Csv.record(List.of("name", "workUnit", "grid", "phone")) + Csv.record(fields), Limits.defaults()));
    }

    @Test
    void anEmptyFileHasNoRows() {
        assertEquals(List.of(), CsvReader.read("", Limits.defaults()));
    }

    static void refused(int status, String code, String csv, Limits limits) {
        DomainException e = assertThrows(DomainException.class, () -> CsvReader.read(csv, limits));
        assertEquals(code, e.code());
        assertEquals(status, e.status());
    }

    @Test
    void aFileMayHoldAsManyNonBlankRowsAsTheLimitAndBlankOnesDoNotCount() {
        Limits three = Limits.defaults().withRows(3);
        assertEquals(4, CsvReader.read("h\n1\n\n,\n2\n\r\n3\n\n\n", three).size());
        refused(413, "IMPORT_TOO_MANY_ROWS", "h\n1\n2\n3\n4\n", three);
    }

    @Test
    void aMillionEmptyLinesCostNoMoreThanOne() {
        assertEquals(List.of(List.of("name")), CsvReader.read("name\n" + "\n".repeat(1_000_000), Limits.defaults()));
    }

    @Test
    void aRecordMayHoldAsManyFieldsAsTheColumnLimit() {
        assertEquals(64, CsvReader.read(",".repeat(63) + "\n", Limits.defaults()).get(0).size());
        refused(422, "IMPORT_TOO_MANY_COLUMNS", ",".repeat(64) + "\n", Limits.defaults());
    }

    @Test
    void aFieldMayBeAsLongAsTheCellLimitQuotedOrNot() {
        assertEquals(1000, CsvReader.read("x".repeat(1000), Limits.defaults()).get(0).get(0).length());
        refused(422, "IMPORT_CELL_TOO_LONG", "x".repeat(1001), Limits.defaults());
        refused(422, "IMPORT_CELL_TOO_LONG", "\"" + "\n".repeat(1001) + "\"", Limits.defaults());
    }

    @Test
    void aRecordMayBeAsLongAsTheLineLimit() {
        String field = "x".repeat(511);
        String line = String.join(",", java.util.Collections.nCopies(8, field));
        assertEquals(4095, line.length());
        assertEquals(8, CsvReader.read(line + "x\r\n" + line + "x\n", Limits.defaults()).get(1).size());
        refused(422, "IMPORT_LINE_TOO_LONG", line + "xx\n", Limits.defaults());
    }
}
