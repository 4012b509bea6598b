package org.dangjian.member.importing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** RFC 4180 as spreadsheet programs write it: what an import file's rows and fields are. */
class CsvTest {

    @Test
    void aQuotedFieldKeepsItsCommasQuotesAndLineBreaks() {
        assertEquals(List.of(List.of("name", "workUnit"), List.of("张三", "市委组织部, \"两新\"工委\n第一支部")),
                Csv.read("name,workUnit\n张三,\"市委组织部, \"\"两新\"\"工委\n第一支部\"\n", Limits.defaults()));
    }

    @Test
    void windowsLineEndsAndAMissingFinalLineEndEndRowsAlike() {
        assertEquals(List.of(List.of("a", "b"), List.of("1", ""), List.of("2", "x")), Csv.read("a,b\r\n1,\r\n2,x", Limits.defaults()));
    }

    @Test
    void theByteOrderMarkExcelWritesIsNotPartOfTheFirstHeader() {
        assertEquals(List.of(List.of("name", "gender")), Csv.read("\uFEFFname,gender\n", Limits.defaults()));
    }

    @Test
    void anEmptyFileHasNoRows() {
        assertEquals(List.of(), Csv.read("", Limits.defaults()));
    }
}
