package org.dangjian.member.importing;

import org.dangjian.platform.api.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.dangjian.member.importing.HostileWorkbooks.GB;
import static org.dangjian.member.importing.HostileWorkbooks.MB;
import static org.dangjian.member.importing.HostileWorkbooks.SHEET;
import static org.dangjian.member.importing.HostileWorkbooks.SHEET_END;
import static org.dangjian.member.importing.HostileWorkbooks.SHEET_START;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each limit of an uploaded workbook at its boundary: at the limit it passes, one past it the file is refused. */
class WorkbookArchiveTest {

    static final Limits DEFAULTS = Limits.defaults();

    static void refused(int status, String code, Executable check) {
        DomainException e = assertThrows(DomainException.class, check);
        assertEquals(code, e.code());
        assertEquals(status, e.status());
    }

    static Limits archive(int entries, long entrySize, long totalSize, int ratio, long ratioFrom) {
        return DEFAULTS.withArchive(Limits.archive(entries, entrySize, totalSize, ratio, ratioFrom, 65536));
    }

    static byte[] zipOf(int entries, int bytesEach) {
        ZipBuilder zip = new ZipBuilder();
        for (int i = 0; i < entries; i++) {
            zip.stored("part" + i + ".bin", new byte[bytesEach]);
        }
        return zip.finish();
    }

    @Test
    void aRealWorkbookPassesTheDefaults() throws IOException {
        assertDoesNotThrow(() -> WorkbookArchive.check(MemberXlsxTest.workbook(java.util.List.of()), DEFAULTS));
    }

    @Test
    void partsAreCountedUpToTheLimit() {
        assertDoesNotThrow(() -> WorkbookArchive.check(zipOf(10, 1), archive(10, MB, MB, 100, MB)));
        refused(413, "IMPORT_ARCHIVE_TOO_MANY_ENTRIES", () -> WorkbookArchive.check(zipOf(11, 1), archive(10, MB, MB, 100, MB)));
    }

    @Test
    void aPartMayUnpackToItsLimitAndNotAByteMore() {
        assertDoesNotThrow(() -> WorkbookArchive.check(zipOf(1, 1000), archive(10, 1000, MB, 100, MB)));
        refused(413, "IMPORT_ARCHIVE_ENTRY_TOO_LARGE", () -> WorkbookArchive.check(zipOf(1, 1001), archive(10, 1000, MB, 100, MB)));
    }

    @Test
    void allPartsTogetherMayUnpackToTheTotalLimit() {
        assertDoesNotThrow(() -> WorkbookArchive.check(zipOf(4, 250), archive(10, 1000, 1000, 100, MB)));
        refused(413, "IMPORT_ARCHIVE_TOO_LARGE", () -> WorkbookArchive.check(zipOf(5, 201), archive(10, 1000, 1000, 100, MB)));
    }

    @Test
    void aPartPackedMoreDenselyThanTheRatioIsRefusedOnceLargerThanTheGraceSize() {
        // A megabyte of one short element repeated packs about 1000:1.
        byte[] dense = new ZipBuilder().repeated("dense.xml", "", "<a/>", MB, "").finish();
        assertDoesNotThrow(() -> WorkbookArchive.check(dense, archive(10, 16 * MB, 32 * MB, 100, 2 * MB)));
        refused(413, "IMPORT_ARCHIVE_RATIO_TOO_HIGH", () -> WorkbookArchive.check(dense, archive(10, 16 * MB, 32 * MB, 100, MB / 2)));
        assertDoesNotThrow(() -> WorkbookArchive.check(dense, archive(10, 16 * MB, 32 * MB, 2000, MB / 2)));
    }

    @Test
    void bombsOfSeveralRatiosAreRefusedAfterUnpackingLittleOfThem() {
        byte[] rows = HostileWorkbooks.repetitiveRows(200 * MB, 10);
        assertTrue(rows.length < MB, "small on disk: " + rows.length);
        long start = System.nanoTime();
        refused(413, "IMPORT_ARCHIVE_RATIO_TOO_HIGH", () -> WorkbookArchive.check(rows, DEFAULTS));
        refused(413, "IMPORT_ARCHIVE_RATIO_TOO_HIGH", () -> WorkbookArchive.check(HostileWorkbooks.binaryBomb(GB), DEFAULTS));
        // Text the reader would build whole is refused sooner still, at the markup limit.
        refused(422, "IMPORT_CELL_TOO_LONG", () -> WorkbookArchive.check(HostileWorkbooks.hugeCell(GB), DEFAULTS));
        refused(422, "IMPORT_CELL_TOO_LONG", () -> WorkbookArchive.check(HostileWorkbooks.sharedStringsBomb(GB), DEFAULTS));
        // Unpacking a gigabyte takes seconds; refusing after the first megabyte, milliseconds.
        assertTrue(System.nanoTime() - start < 3_000_000_000L, "refused early");
    }

    @Test
    void aLargePartPackedLikeASpreadsheetIsStoppedByTheSizeLimits() {
        refused(413, "IMPORT_ARCHIVE_ENTRY_TOO_LARGE", () -> WorkbookArchive.check(HostileWorkbooks.numberedRows(17 * MB, 200), DEFAULTS));
        refused(413, "IMPORT_ARCHIVE_TOO_LARGE", () -> WorkbookArchive.check(HostileWorkbooks.extraSheets(3, 12 * MB, 200), DEFAULTS));
    }

    @Test
    void theGeneratedGigabyteBombReallyUnpacksToAGigabyte() throws IOException {
        byte[] bomb = new ZipBuilder().repeated("bomb.xml", "<t>", "A", GB, "</t>").finish();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bomb))) {
            ZipEntry entry = zip.getNextEntry();
            CRC32 crc = new CRC32();
            long total = 0;
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = zip.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
                total += n;
            }
            assertTrue(total >= GB, "unpacked " + total);
            assertEquals(entry.getCrc(), crc.getValue());
        }
        assertTrue(bomb.length < MB, "within the 1 MB body limit: " + bomb.length);
    }

    @Test
    void anArchiveInsideTheWorkbookIsRefused() {
        refused(422, "IMPORT_ARCHIVE_NESTED", () -> WorkbookArchive.check(HostileWorkbooks.nestedArchive(), DEFAULTS));
        byte[] gzip = new ZipBuilder().stored("xl/media/image1.png", new byte[] {0x1f, (byte) 0x8b, 8, 0}).finish();
        refused(422, "IMPORT_ARCHIVE_NESTED", () -> WorkbookArchive.check(gzip, DEFAULTS));
    }

    @Test
    void aPictureIsOnlyCounted() {
        byte[] png = new byte[200_000];
        png[0] = (byte) 0x89;
        png[1] = 'P';
        assertDoesNotThrow(() -> WorkbookArchive.check(new ZipBuilder().stored("xl/media/image1.png", png).finish(), DEFAULTS));
    }

    static byte[] sheet(String rows) {
        return new ZipBuilder().deflated(SHEET, SHEET_START + rows + SHEET_END).finish();
    }

    static byte[] sheetUtf16(String rows) {
        return new ZipBuilder().deflated(SHEET, ("\uFEFF" + SHEET_START.replace("UTF-8", "UTF-16") + rows + SHEET_END)
                .getBytes(StandardCharsets.UTF_16LE)).finish();
    }

    @Test
    void aCellMayBeAsFarRightAsTheColumnLimit() {
        // Column 64 is BL.
        assertDoesNotThrow(() -> WorkbookArchive.check(sheet("<row r=\"1\"><c r=\"BL1\"><v>1</v></c></row>"), DEFAULTS));
        refused(422, "IMPORT_TOO_MANY_COLUMNS", () -> WorkbookArchive.check(sheet("<row r=\"1\"><c r=\"BM1\"><v>1</v></c></row>"), DEFAULTS));
        refused(422, "IMPORT_TOO_MANY_COLUMNS", () -> WorkbookArchive.check(sheet("<row r=\"1\"><c s=\"1\" r=\"XFD1\"/></row>"), DEFAULTS));
        refused(422, "IMPORT_TOO_MANY_COLUMNS", () -> WorkbookArchive.check(sheet("<x:row><x:c r=\"ZZZZZZZZ1\"/></x:row>"), DEFAULTS));
    }

    @Test
    void aRowMayHoldAsManyCellsAsTheColumnLimit() {
        assertDoesNotThrow(() -> WorkbookArchive.check(sheet("<row>" + "<c><v>1</v></c>".repeat(64) + "</row>"), DEFAULTS));
        refused(422, "IMPORT_TOO_MANY_COLUMNS", () -> WorkbookArchive.check(sheet("<row>" + "<c/>".repeat(65) + "</row>"), DEFAULTS));
        // Rows are counted each on their own.
        assertDoesNotThrow(() -> WorkbookArchive.check(sheet(("<row>" + "<c/>".repeat(40) + "</row>").repeat(3)), DEFAULTS));
    }

    @Test
    void aSheetWrittenInUtf16IsCheckedAlike() {
        assertDoesNotThrow(() -> WorkbookArchive.check(sheetUtf16("<row><c r=\"A1\"><v>1</v></c></row>"), DEFAULTS));
        refused(422, "IMPORT_TOO_MANY_COLUMNS", () -> WorkbookArchive.check(sheetUtf16("<row><c r=\"XFD1\"/></row>"), DEFAULTS));
    }

    @Test
    void theTextOfOneCellOrSharedStringMayBeAsLongAsTheMarkupLimit() {
        String cell = "<row><c t=\"inlineStr\"><is><t>%s</t></is></c></row>";
        assertDoesNotThrow(() -> WorkbookArchive.check(sheet(cell.formatted("x".repeat(65536))), DEFAULTS));
        refused(422, "IMPORT_CELL_TOO_LONG", () -> WorkbookArchive.check(sheet(cell.formatted("x".repeat(65537))), DEFAULTS));
        // Rich text: many short runs the reader joins into one string.
        String runs = "<r><t>" + "x".repeat(1000) + "</t></r>";
        byte[] sst = new ZipBuilder().deflated("xl/sharedStrings.xml", "<sst><si>" + runs.repeat(66) + "</si></sst>").finish();
        refused(422, "IMPORT_CELL_TOO_LONG", () -> WorkbookArchive.check(sst, DEFAULTS));
        byte[] strings = new ZipBuilder().deflated("xl/sharedStrings.xml", ("<si>" + runs.repeat(60) + "</si>").repeat(3)).finish();
        assertDoesNotThrow(() -> WorkbookArchive.check(strings, DEFAULTS));
        String cdata = "<row><c t=\"inlineStr\"><is><t><![CDATA[%s]]></t></is></c></row>";
        refused(422, "IMPORT_CELL_TOO_LONG", () -> WorkbookArchive.check(sheet(cdata.formatted("<".repeat(70000))), DEFAULTS));
    }

    @Test
    void aTagLongerThanTheMarkupLimitOrADocumentTypeIsRefused() {
        refused(422, "IMPORT_ARCHIVE_MARKUP_REFUSED", () -> WorkbookArchive.check(
                sheet("<row><c r=\"A1\" t=\"" + "s".repeat(70000) + "\"/></row>"), DEFAULTS));
        refused(422, "IMPORT_ARCHIVE_MARKUP_REFUSED", () -> WorkbookArchive.check(HostileWorkbooks.documentTypeDeclaration(), DEFAULTS));
        // Comments and processing instructions are XML as spreadsheets may write it.
        assertDoesNotThrow(() -> WorkbookArchive.check(sheet("<!-- it's > \"fine\" --><?pi x?><row><c r=\"A1\"/></row>"), DEFAULTS));
    }

    @Test
    void whatIsNoZipArchiveIsUnreadable() {
        refused(400, "IMPORT_FILE_UNREADABLE", () -> WorkbookArchive.check("name,gender\n".getBytes(), DEFAULTS));
        refused(400, "IMPORT_FILE_UNREADABLE", () -> WorkbookArchive.check(new byte[0], DEFAULTS));
    }

    @Test
    void everyPartIsCheckedNotOnlyTheOnesTheReaderOpens() {
        refused(413, "IMPORT_ARCHIVE_TOO_MANY_ENTRIES", () -> WorkbookArchive.check(HostileWorkbooks.manyEntries(1000), DEFAULTS));
        refused(422, "IMPORT_TOO_MANY_COLUMNS", () -> WorkbookArchive.check(HostileWorkbooks.adding(zip -> zip.deflated(
                "xl/worksheets/sheet9.xml", SHEET_START + "<row><c r=\"ZZ1\"/></row>" + SHEET_END)), DEFAULTS));
    }
}
