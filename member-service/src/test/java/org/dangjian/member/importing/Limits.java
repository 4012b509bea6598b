package org.dangjian.member.importing;

import io.quarkus.runtime.configuration.MemorySize;
import org.dangjian.member.config.MemberRules;

import java.math.BigInteger;

/** Import limits for plain unit tests: the configured defaults, or small ones to test a rule at its boundary. */
record Limits(int rows, int columns, int cellLength, int lineLength, MemberRules.Import.Archive archive)
        implements MemberRules.Import {

    record ArchiveLimits(int entries, MemorySize entrySize, MemorySize totalSize, int compressionRatio, MemorySize ratioFrom,
            int markupLength) implements MemberRules.Import.Archive {
    }

    static final long MB = 1024 * 1024;

    /** The defaults of {@link MemberRules.Import}. */
    static Limits defaults() {
        return new Limits(5000, 64, 1000, 4096, archive(1000, 16 * MB, 32 * MB, 100, MB, 65536));
    }

    static ArchiveLimits archive(int entries, long entrySize, long totalSize, int ratio, long ratioFrom, int markupLength) {
        return new ArchiveLimits(entries, size(entrySize), size(totalSize), ratio, size(ratioFrom), markupLength);
    }

    Limits withRows(int rows) {
        return new Limits(rows, columns, cellLength, lineLength, archive);
    }

    Limits withArchive(ArchiveLimits archive) {
        return new Limits(rows, columns, cellLength, lineLength, archive);
    }

    /** Unset, as by default: the cores but one. */
    @Override
    public java.util.OptionalInt workers() {
        return java.util.OptionalInt.empty();
    }

    private static MemorySize size(long bytes) {
        return new MemorySize(BigInteger.valueOf(bytes));
    }
}
