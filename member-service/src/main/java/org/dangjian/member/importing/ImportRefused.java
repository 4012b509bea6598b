package org.dangjian.member.importing;

import org.dangjian.platform.api.DomainException;

/**
 * The answers to a file over an import limit ({@code MemberRules.Import}), refused whole before any row is registered:
 * 413 for a file too large in some measure, 422 for content no member list needs. The arguments are the limits only,
 * never anything read from the file.
 */
final class ImportRefused {

    private static final long MB = 1024 * 1024;

    private ImportRefused() {
    }

    static DomainException tooManyRows(int rows) {
        return new DomainException(413, "IMPORT_TOO_MANY_ROWS", rows);
    }

    static DomainException tooManyColumns(int columns) {
        return DomainException.unprocessable("IMPORT_TOO_MANY_COLUMNS", columns);
    }

    static DomainException cellTooLong(int characters) {
        return DomainException.unprocessable("IMPORT_CELL_TOO_LONG", characters);
    }

    static DomainException lineTooLong(int characters) {
        return DomainException.unprocessable("IMPORT_LINE_TOO_LONG", characters);
    }

    static DomainException tooManyEntries(int entries) {
        return new DomainException(413, "IMPORT_ARCHIVE_TOO_MANY_ENTRIES", entries);
    }

    static DomainException entryTooLarge(long bytes) {
        return new DomainException(413, "IMPORT_ARCHIVE_ENTRY_TOO_LARGE", bytes / MB);
    }

    static DomainException tooLarge(long bytes) {
        return new DomainException(413, "IMPORT_ARCHIVE_TOO_LARGE", bytes / MB);
    }

    static DomainException ratioTooHigh(int ratio) {
        return new DomainException(413, "IMPORT_ARCHIVE_RATIO_TOO_HIGH", ratio);
    }

    static DomainException nested() {
        return DomainException.unprocessable("IMPORT_ARCHIVE_NESTED");
    }

    static DomainException markupRefused(int characters) {
        return DomainException.unprocessable("IMPORT_ARCHIVE_MARKUP_REFUSED", characters);
    }

    static DomainException unreadable() {
        return DomainException.badRequest("IMPORT_FILE_UNREADABLE");
    }
}
