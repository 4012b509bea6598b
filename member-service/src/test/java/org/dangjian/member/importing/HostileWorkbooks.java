package org.dangjian.member.importing;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Workbooks built in the test, small on disk, that a spreadsheet reader without limits would choke on: each starts
 * from the parts of a real workbook (fastexcel's, with the import header) and replaces or adds one.
 */
final class HostileWorkbooks {

    static final long MB = 1024 * 1024;
    /** A gigabyte, as the issue counts it: 1,000,000,000 bytes of 'A' pack into 990 KB, under the 1 MB body limit. */
    static final long GB = 1_000_000_000L;

    static final String SHEET = "xl/worksheets/sheet1.xml";
    static final String SHARED_STRINGS = "xl/sharedStrings.xml";
    static final String SHEET_START = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    static final String SHEET_END = "</sheetData></worksheet>";

    private HostileWorkbooks() {
    }

    /** One cell whose text is {@code characters} long. */
    static byte[] hugeCell(long characters) {
        return replacing(SHEET, zip -> zip.repeated(SHEET, SHEET_START + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>", "A",
                characters, "</t></is></c></row>" + SHEET_END));
    }

    /** A shared-strings part of one string {@code bytes} long. */
    static byte[] sharedStringsBomb(long bytes) {
        return replacing(SHARED_STRINGS, zip -> zip.repeated(SHARED_STRINGS, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>", "A", bytes, "</t></si></sst>"));
    }

    /** A picture part of {@code bytes} zero bytes: not XML, so only its size and ratio count. */
    static byte[] binaryBomb(long bytes) {
        return adding(zip -> zip.repeated("xl/media/image1.png", "", "\0", bytes, ""));
    }

    /** The same small row over and over, {@code bytes} of sheet in all, each cell {@code cellCharacters} long. */
    static byte[] repetitiveRows(long bytes, int cellCharacters) {
        return replacing(SHEET, zip -> zip.repeated(SHEET, SHEET_START, row(cellCharacters), bytes, SHEET_END));
    }

    /**
     * Numbered rows of {@code cellCharacters} each, {@code bytes} of sheet: packed about 46:1 with 200 characters a
     * cell, under the ratio limit, so only the size limits can stop it.
     */
    static byte[] numberedRows(long bytes, int cellCharacters) {
        return replacing(SHEET, zip -> zip.deflated(SHEET, numbered(bytes, cellCharacters)));
    }

    /** {@code parts} sheets of numbered rows besides the real one, each {@code bytes} long. */
    static byte[] extraSheets(int parts, long bytes, int cellCharacters) {
        byte[] sheet = numbered(bytes, cellCharacters).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return adding(zip -> {
            for (int p = 0; p < parts; p++) {
                zip.deflated("xl/worksheets/extra" + p + ".xml", sheet);
            }
        });
    }

    private static String numbered(long bytes, int cellCharacters) {
        StringBuilder sheet = new StringBuilder(SHEET_START);
        String text = "x".repeat(cellCharacters);
        for (int r = 1; sheet.length() < bytes; r++) {
            sheet.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\" t=\"inlineStr\"><is><t>").append(text)
                    .append("</t></is></c></row>");
        }
        return sheet.append(SHEET_END).toString();
    }

    static byte[] manyEntries(int entries) {
        return adding(zip -> {
            for (int i = 0; i < entries; i++) {
                zip.deflated("docProps/custom" + i + ".xml", "<x/>");
            }
        });
    }

    /** Another zip archive inside the workbook, itself unpacking to 100 MB (the outer one stays under the body limit). */
    static byte[] nestedArchive() {
        byte[] inner = new ZipBuilder().repeated("bomb.txt", "", "0", 100 * MB, "").finish();
        return adding(zip -> zip.stored("xl/embeddings/oleObject1.xlsx", inner));
    }

    /** A single cell at the given reference, e.g. {@code ZZZZ1}. */
    static byte[] cellAt(String reference) {
        return replacing(SHEET, zip -> zip.deflated(SHEET, SHEET_START + "<row r=\"1\"><c r=\"" + reference
                + "\" t=\"inlineStr\"><is><t>x</t></is></c></row>" + SHEET_END));
    }

    /** One row of {@code cells} cells without references (the reader numbers them one after another). */
    static byte[] cellsInOneRow(int cells) {
        return replacing(SHEET, zip -> zip.deflated(SHEET, SHEET_START + "<row>"
                + "<c t=\"inlineStr\"><is><t>x</t></is></c>".repeat(cells) + "</row>" + SHEET_END));
    }

    /** A sheet part that declares entities, the billion-laughs way. */
    static byte[] documentTypeDeclaration() {
        return replacing(SHEET, zip -> zip.deflated(SHEET, "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>" + SHEET_START.substring(SHEET_START.indexOf("<worksheet"))
                + "<row><c t=\"inlineStr\"><is><t>&b;</t></is></c></row>" + SHEET_END));
    }

    static String row(int cellCharacters) {
        return "<row><c t=\"inlineStr\"><is><t>" + "x".repeat(cellCharacters) + "</t></is></c></row>";
    }

    static byte[] replacing(String part, Consumer<ZipBuilder> replacement) {
        ZipBuilder zip = new ZipBuilder();
        base().forEach((name, content) -> {
            if (!name.equals(part)) {
                zip.deflated(name, content);
            }
        });
        replacement.accept(zip);
        return zip.finish();
    }

    static byte[] adding(Consumer<ZipBuilder> extra) {
        return replacing("", extra);
    }

    /** The parts of a real workbook holding only the import header. */
    static Map<String, byte[]> base() {
        try {
            return parts(MemberXlsxTest.workbook(List.of()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, byte[]> parts(byte[] xlsx) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(xlsx)).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                parts.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
            }
        }
        return parts;
    }
}
