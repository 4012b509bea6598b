package org.dangjian.local;

import org.dangjian.platform.api.pii.NationalIdNumber;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Looks for plaintext personal data where none may be (ARCHITECTURE.md §4): national ID numbers
 * (18 characters with a valid GB 11643 check character) and mainland mobile numbers, as whole
 * tokens, in every text column of a database and in log files.
 */
final class PersonalDataScan {

    private static final Pattern NATIONAL_ID = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[\\dXx](?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z])1[3-9]\\d{9}(?![0-9A-Za-z])");

    record Finding(String where, String kind, String masked) {
    }

    private final List<Finding> findings = new ArrayList<>();
    private long valuesScanned;
    private long linesScanned;

    void scanDatabase(String name, String jdbcUrl, String user) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, "")) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("""
                    select c.table_name, c.column_name from information_schema.columns c
                    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
                      and c.data_type in ('text', 'character varying', 'jsonb', 'json')""")) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] column : columns) {
                try (ResultSet rs = c.createStatement().executeQuery("select cast(\"" + column[1] + "\" as text) from \""
                        + column[0] + "\" where \"" + column[1] + "\" is not null")) {
                    while (rs.next()) {
                        valuesScanned++;
                        scanText(name + "." + column[0] + "." + column[1], rs.getString(1));
                    }
                }
            }
        }
    }

    void scanLogs(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches(".*\\.log(\\.\\d+)?")).toList()) {
                try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                    lines.forEach(line -> {
                        linesScanned++;
                        scanText(file.toString(), line);
                    });
                } catch (java.io.UncheckedIOException e) {
                    // a log written in another encoding by a child process: read it leniently
                    for (String line : new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).split("\n")) {
                        linesScanned++;
                        scanText(file.toString(), line);
                    }
                }
            }
        }
    }

    void scanText(String where, String text) {
        Matcher id = NATIONAL_ID.matcher(text);
        while (id.find()) {
            if (NationalIdNumber.isValid(id.group())) {
                findings.add(new Finding(where, "national ID", mask(id.group())));
            }
        }
        Matcher mobile = MOBILE.matcher(text);
        while (mobile.find()) {
            findings.add(new Finding(where, "mobile number", mask(mobile.group())));
        }
    }

    List<Finding> findings() {
        return findings;
    }

    long valuesScanned() {
        return valuesScanned;
    }

    long linesScanned() {
        return linesScanned;
    }

    /** Findings are reported masked: the report itself must not leak what it found. */
    private static String mask(String value) {
        return value.substring(0, 3) + "*".repeat(value.length() - 7) + value.substring(value.length() - 4);
    }
}
