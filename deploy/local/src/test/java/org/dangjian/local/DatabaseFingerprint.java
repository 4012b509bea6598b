package org.dangjian.local;

import org.awaitility.core.ConditionTimeoutException;
import org.dangjian.platform.localstack.PostgresServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/**
 * Every row of every table of every service's database, as a hash of the row, so an UPDATE shows as well as an
 * INSERT or a DELETE. The audit trail is left out: reads in scope of personal data are audited, and a refused
 * request may be audited too; nothing else may change.
 */
final class DatabaseFingerprint {

    /** One table's rows, as the sorted hashes of their text. */
    record Rows(long[] hashes) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Rows rows && Arrays.equals(hashes, rows.hashes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(hashes);
        }
    }

    private DatabaseFingerprint() {
    }

    static Map<String, Rows> take(LocalSystem system) {
        Map<String, Rows> prints = new TreeMap<>();
        for (DangjianService service : DangjianService.values()) {
            try (Connection c = DriverManager.getConnection(system.stack().postgres().jdbcUrl(service.database()),
                    PostgresServer.USER, "")) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = c.createStatement().executeQuery("select table_name from information_schema.tables "
                        + "where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'audit_entry'")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    long[] hashes = new long[16];
                    int n = 0;
                    try (ResultSet rs = c.createStatement().executeQuery("select hashtextextended(t::text, 0) from \"" + table + "\" t")) {
                        while (rs.next()) {
                            if (n == hashes.length) {
                                hashes = Arrays.copyOf(hashes, n * 2);
                            }
                            hashes[n++] = rs.getLong(1);
                        }
                    }
                    long[] rows = Arrays.copyOf(hashes, n);
                    Arrays.sort(rows);
                    prints.put(service.database() + "." + table, new Rows(rows));
                }
            } catch (Exception e) {
                throw new IllegalStateException(service.database(), e);
            }
        }
        return prints;
    }

    /** Once what earlier tests set in motion has been applied: two fingerprints a second apart agree (at most a minute). */
    static Map<String, Rows> settled(LocalSystem system) {
        AtomicReference<Map<String, Rows>> previous = new AtomicReference<>(take(system));
        try {
            return await("databases settled").atMost(Duration.ofMinutes(1)).pollDelay(Duration.ofSeconds(1))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        Map<String, Rows> now = take(system);
                        return now.equals(previous.getAndSet(now)) ? now : null;
                    }, Objects::nonNull);
        } catch (ConditionTimeoutException stillMoving) {
            return previous.get(); // the caller's comparison names what kept changing
        }
    }

    /** The tables whose rows differ, each with the rows added and removed (an update is one of each). */
    static List<String> changed(Map<String, Rows> before, Map<String, Rows> after) {
        List<String> changed = new ArrayList<>();
        after.forEach((table, rows) -> {
            long[] old = before.getOrDefault(table, new Rows(new long[0])).hashes();
            int[] difference = difference(old, rows.hashes());
            if (difference[0] + difference[1] > 0) {
                changed.add("%s: %d rows added, %d removed".formatted(table, difference[0], difference[1]));
            }
        });
        return changed;
    }

    /** Rows changed over all tables: an insert, a delete or an update counts one. */
    static long rowsChanged(Map<String, Rows> before, Map<String, Rows> after) {
        long rows = 0;
        for (Map.Entry<String, Rows> table : after.entrySet()) {
            int[] difference = difference(before.getOrDefault(table.getKey(), new Rows(new long[0])).hashes(), table.getValue().hashes());
            rows += Math.max(difference[0], difference[1]);
        }
        return rows;
    }

    /** {added, removed}: the multiset difference of two sorted arrays. */
    private static int[] difference(long[] before, long[] after) {
        int i = 0;
        int j = 0;
        int added = 0;
        int removed = 0;
        while (i < before.length || j < after.length) {
            if (j == after.length || i < before.length && before[i] < after[j]) {
                removed++;
                i++;
            } else if (i == before.length || after[j] < before[i]) {
                added++;
                j++;
            } else {
                i++;
                j++;
            }
        }
        return new int[] {added, removed};
    }
}
