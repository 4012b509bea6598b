package org.dangjian.platform.localstack;

import io.quarkus.test.junit.QuarkusTestProfile;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database of the previous release — the one before the platform modules owned their tables, when each service's
 * own migrations created them — upgraded by starting the service's current code on it ({@link PreviousReleaseDatabase}
 * loads the service's committed {@code upgrade/previous-release.sql}). A service's test extends it as a
 * {@code @QuarkusTest} with a {@link Profile} naming its database.
 */
public abstract class UpgradeFromThePreviousReleaseContract {

    /** Points the application at {@code <database>_upgraded}, prepared from the fixture, instead of the usual one. */
    public abstract static class Profile implements QuarkusTestProfile {

        private final String database;

        protected Profile(String database) {
            this.database = database;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PreviousReleaseDatabase.class, Map.of("database", database)));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    /** The application's Flyway (the service's configuration). */
    protected abstract Flyway flyway();

    /** The service's database name, e.g. {@code member}. */
    protected abstract String database();

    /** The platform modules whose tables the service's database holds, e.g. {@code api-support}. */
    protected abstract List<String> platformModules();

    @Test
    void theServiceStartedOnItAndItsMigrationsValidateWithNothingPending() {
        assertTrue(flyway().validateWithResult().validationSuccessful);
        assertEquals(0, flyway().info().pending().length);
    }

    @Test
    void everyRowOfThePreviousReleaseIsStillThere() throws SQLException {
        Map<String, Set<String>> released = PreviousReleaseDatabase.rows(PreviousReleaseDatabase.asReleased(database()));
        Map<String, Set<String>> upgraded = PreviousReleaseDatabase.rows(PreviousReleaseDatabase.upgraded(database()));
        // Its checksums were realigned (theServiceHistoryKeptEveryMigrationAndEachPlatformModuleWasBaselinedAtV1).
        released.remove("flyway_schema_history");

        assertTrue(released.keySet().containsAll(List.of("outbox_event", "processed_event", "idempotent_request",
                "audit_entry")), "the fixture has rows in the platform tables: " + released.keySet());
        for (Map.Entry<String, Set<String>> table : released.entrySet()) {
            Set<String> now = upgraded.getOrDefault(table.getKey(), Set.of());
            List<String> missing = table.getValue().stream().filter(row -> !now.contains(row)).toList();
            assertEquals(List.of(), missing, "rows of " + table.getKey() + " lost or changed by the upgrade");
        }
    }

    @Test
    void theServiceHistoryKeptEveryMigrationAndEachPlatformModuleWasBaselinedAtV1() throws SQLException {
        String upgraded = PreviousReleaseDatabase.upgraded(database());
        List<String> releasedHistory = history(PreviousReleaseDatabase.asReleased(database()), "flyway_schema_history");
        List<String> upgradedHistory = history(upgraded, "flyway_schema_history");

        assertEquals(releasedHistory, upgradedHistory.subList(0, releasedHistory.size()),
                "no migration of the previous release ran again or went missing");
        for (String module : platformModules()) {
            List<String> platform = history(upgraded, "platform_" + module.replace('-', '_') + "_schema_history");
            assertEquals("1 BASELINE platform/" + module + " tables as created by the service migrations true",
                    platform.get(0), "platform/" + module + " adopted what the service had created");
            assertTrue(platform.stream().allMatch(row -> row.endsWith(" true")), platform.toString());
        }
    }

    @Test
    void theUpgradedSchemaEqualsAFreshlyMigratedOne() throws SQLException {
        // The service's own configuration on an empty database: platform parts (its callback) and service migrations.
        Configuration service = flyway().getConfiguration();
        Flyway.configure(service.getClassLoader()).configuration(service)
                .dataSource(PreviousReleaseDatabase.jdbcUrl(PreviousReleaseDatabase.fresh(database())), PostgresServer.USER, "")
                .load().migrate();

        assertEquals(SchemaCatalog.ofDatabase(PreviousReleaseDatabase.jdbcUrl(PreviousReleaseDatabase.fresh(database()))).lines(),
                SchemaCatalog.ofDatabase(PreviousReleaseDatabase.jdbcUrl(PreviousReleaseDatabase.upgraded(database()))).lines());
    }

    /** version, type, script (description for a baseline) and success of each applied migration, in order. */
    private static List<String> history(String database, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = PreviousReleaseDatabase.connect(database);
                Statement statement = connection.createStatement();
                ResultSet found = statement.executeQuery("select version, type, case when type = 'BASELINE' then description"
                        + " else script end, success from " + table + " order by installed_rank")) {
            while (found.next()) {
                rows.add(found.getString(1) + " " + found.getString(2) + " " + found.getString(3) + " " + found.getBoolean(4));
            }
        }
        return rows;
    }
}
