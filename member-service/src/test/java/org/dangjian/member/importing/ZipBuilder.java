package org.dangjian.member.importing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Zip archives written byte by byte, so a test can build any workbook, hostile ones included: a part that unpacks
 * to a gigabyte is written in a second and takes under a megabyte, by deflating one chunk of its repeated content
 * against the chunk before it as a preset dictionary and writing that same output once per repetition.
 */
final class ZipBuilder {

    static final int CHUNK = 1 << 20;

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final ByteArrayOutputStream central = new ByteArrayOutputStream();
    private int entries;

    ZipBuilder deflated(String name, byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        return entry(name, Deflater.DEFLATED, crc.getValue(), deflate(content, null, true), content.length);
    }

    ZipBuilder deflated(String name, String content) {
        return deflated(name, content.getBytes(StandardCharsets.UTF_8));
    }

    ZipBuilder stored(String name, byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        return entry(name, 0, crc.getValue(), content, content.length);
    }

    /**
     * A deflated part of {@code prefix}, then {@code unit} repeated to at least {@code size} bytes (whole units, in
     * chunks of about a megabyte), then {@code suffix}.
     */
    ZipBuilder repeated(String name, String prefix, String unit, long size, String suffix) {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] tail = suffix.getBytes(StandardCharsets.UTF_8);
        byte[] one = unit.getBytes(StandardCharsets.UTF_8);
        byte[] chunk = new byte[Math.max(1, CHUNK / one.length) * one.length];
        for (int i = 0; i < chunk.length; i += one.length) {
            System.arraycopy(one, 0, chunk, i, one.length);
        }
        long chunks = Math.max(1, (size + chunk.length - 1) / chunk.length);
        byte[] window = Arrays.copyOfRange(chunk, chunk.length - Math.min(chunk.length, 32 * 1024), chunk.length);
        byte[] first = deflate(concat(head, chunk), null, false);
        byte[] again = deflate(chunk, window, false);
        byte[] last = deflate(tail, window, true);
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        packed.writeBytes(first);
        CRC32 crc = new CRC32();
        crc.update(head);
        crc.update(chunk);
        for (long c = 1; c < chunks; c++) {
            packed.writeBytes(again);
            crc.update(chunk);
        }
        packed.writeBytes(last);
        crc.update(tail);
        long unpacked = head.length + chunks * chunk.length + tail.length;
        return entry(name, Deflater.DEFLATED, crc.getValue(), packed.toByteArray(), unpacked);
    }

    byte[] finish() {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        zip.writeBytes(body.toByteArray());
        zip.writeBytes(central.toByteArray());
        ByteBuffer end = little(22).putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                .putShort((short) entries).putShort((short) entries).putInt(central.size()).putInt(body.size())
                .putShort((short) 0);
        zip.writeBytes(end.array());
        return zip.toByteArray();
    }

    private ZipBuilder entry(String name, int method, long crc, byte[] data, long unpacked) {
        if (unpacked >= 0xFFFFFFFFL || entries >= 0xFFFF) {
            throw new IllegalArgumentException("ZIP64 is not written here");
        }
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        int offset = body.size();
        ByteBuffer local = little(30).putInt(0x04034b50).putShort((short) 20).putShort((short) 0x0800)
                .putShort((short) method).putShort((short) 0).putShort((short) 0x21).putInt((int) crc)
                .putInt(data.length).putInt((int) unpacked).putShort((short) n.length).putShort((short) 0);
        body.writeBytes(local.array());
        body.writeBytes(n);
        body.writeBytes(data);
        ByteBuffer header = little(46).putInt(0x02014b50).putShort((short) 20).putShort((short) 20)
                .putShort((short) 0x0800).putShort((short) method).putShort((short) 0).putShort((short) 0x21)
                .putInt((int) crc).putInt(data.length).putInt((int) unpacked).putShort((short) n.length)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(offset);
        central.writeBytes(header.array());
        central.writeBytes(n);
        entries++;
        return this;
    }

    /** Raw deflate of {@code content}, byte-aligned at its end, the last block of the stream when {@code last}. */
    private static byte[] deflate(byte[] content, byte[] dictionary, boolean last) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            if (dictionary != null) {
                deflater.setDictionary(dictionary);
            }
            deflater.setInput(content);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            if (last) {
                deflater.finish();
                while (!deflater.finished()) {
                    out.write(buffer, 0, deflater.deflate(buffer));
                }
            } else {
                int n;
                do {
                    n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                    out.write(buffer, 0, n);
                } while (n == buffer.length || !deflater.needsInput());
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
