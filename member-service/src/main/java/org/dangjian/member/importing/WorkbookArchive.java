package org.dangjian.member.importing;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dangjian.member.config.MemberRules;
import org.dangjian.platform.api.DomainException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;

/**
 * An uploaded .xlsx checked as the zip archive it is, before the spreadsheet reader opens it: every part (entry)
 * unpacked once, in small chunks, counted and dropped as it streams, so a zip bomb costs the bytes it is refused
 * at and never the gigabyte it claims. Checked: the number of parts, each part's and all parts' unpacked size, each
 * part's compression ratio (counted from the bytes unpacked so far), no archive inside the archive, and each XML
 * part's shape ({@link MarkupScan}). The parts are listed by the same zip reader (Commons Compress, from the
 * central directory) fastexcel-reader opens the workbook with, so both see the same parts.
 */
final class WorkbookArchive {

    private static final int CHUNK = 8192;

    /** Stored and deflated: what Excel, WPS and LibreOffice write. */
    private static final Set<Integer> METHODS = Set.of(ZipEntry.STORED, ZipEntry.DEFLATED);

    /** Magic numbers of the archive and compressed formats a part could hide another bomb in. */
    private static final List<byte[]> ARCHIVES = List.of(
            new byte[] {'P', 'K', 3, 4}, new byte[] {'P', 'K', 5, 6}, new byte[] {'P', 'K', 7, 8}, // zip, .xlsx, .docx
            new byte[] {0x1f, (byte) 0x8b}, // gzip
            new byte[] {'B', 'Z', 'h'}, // bzip2
            new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0}, // xz
            new byte[] {'7', 'z', (byte) 0xbc, (byte) 0xaf, 0x27, 0x1c}, // 7-Zip
            new byte[] {'R', 'a', 'r', '!'}, // RAR
            new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd}, // zstd
            new byte[] {0x04, 0x22, 0x4d, 0x18}); // lz4

    private final MemberRules.Import limits;
    private final MemberRules.Import.Archive archive;
    private long total;

    private WorkbookArchive(MemberRules.Import limits) {
        this.limits = limits;
        this.archive = limits.archive();
    }

    /** Passes a workbook within the limits; otherwise the coded refusal (413/422), or 400 for what is no zip archive. */
    static void check(byte[] workbook, MemberRules.Import limits) {
        new WorkbookArchive(limits).check(workbook);
    }

    private void check(byte[] workbook) {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(workbook)).get()) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            if (entries.size() > archive.entries()) {
                throw ImportRefused.tooManyEntries(archive.entries());
            }
            for (ZipArchiveEntry entry : entries) {
                if (!METHODS.contains(entry.getMethod()) || !zip.canReadEntryData(entry)) {
                    // Encrypted, or packed another way than spreadsheet programs pack (whose unpackers may be absent).
                    throw ImportRefused.unreadable();
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    part(new Counted(in, entry.getCompressedSize()));
                }
            }
        } catch (DomainException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Not a zip archive, or a damaged one.
            throw ImportRefused.unreadable();
        }
    }

    private void part(Counted in) throws IOException {
        byte[] head = in.readNBytes(4);
        for (byte[] magic : ARCHIVES) {
            if (startsWith(head, magic)) {
                throw ImportRefused.nested();
            }
        }
        MarkupScan scan = new MarkupScan(archive.markupLength(), limits.columns(), limits.cellLength());
        Reader reader = new InputStreamReader(new SequenceInputStream(new ByteArrayInputStream(head), in), encoding(head));
        char[] chars = new char[CHUNK];
        for (int n; (n = reader.read(chars)) >= 0; ) {
            scan.accept(chars, n);
        }
    }

    /** The encoding an XML parser detects from the first bytes (XML 1.0 appendix F); UTF-8 unless a UTF-16/32 form. */
    private static Charset encoding(byte[] head) {
        if (startsWith(head, new byte[] {0, 0, (byte) 0xfe, (byte) 0xff}) || startsWith(head, new byte[] {0, 0, 0, '<'})) {
            return Charset.forName("UTF-32BE");
        }
        if (startsWith(head, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0}) || startsWith(head, new byte[] {'<', 0, 0, 0})) {
            return Charset.forName("UTF-32LE");
        }
        if (startsWith(head, new byte[] {(byte) 0xfe, (byte) 0xff}) || startsWith(head, new byte[] {0, '<'})) {
            return StandardCharsets.UTF_16BE;
        }
        if (startsWith(head, new byte[] {(byte) 0xff, (byte) 0xfe}) || startsWith(head, new byte[] {'<', 0})) {
            return StandardCharsets.UTF_16LE;
        }
        return StandardCharsets.UTF_8;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** A part's unpacked bytes, counted against the limits as they are read. */
    private final class Counted extends InputStream {
        private final InputStream in;
        private final long declaredCompressed;
        private long unpacked;

        Counted(InputStream in, long declaredCompressed) {
            this.in = in;
            this.declaredCompressed = declaredCompressed;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, Math.min(len, CHUNK));
            if (n > 0) {
                unpacked += n;
                total += n;
                if (unpacked > archive.entrySize().asLongValue()) {
                    throw ImportRefused.entryTooLarge(archive.entrySize().asLongValue());
                }
                if (total > archive.totalSize().asLongValue()) {
                    throw ImportRefused.tooLarge(archive.totalSize().asLongValue());
                }
                if (unpacked > archive.ratioFrom().asLongValue() && unpacked > packed() * archive.compressionRatio()) {
                    throw ImportRefused.ratioTooHigh(archive.compressionRatio());
                }
            }
            return n;
        }

        /** The packed bytes read so far where the unpacker tells, else the whole part's as the archive declares it. */
        private long packed() {
            long packed = in instanceof InputStreamStatistics s ? s.getCompressedCount() : declaredCompressed;
            return Math.max(packed, 1);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
