package org.dangjian.platform.localstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A service database as the previous release left it, for a {@code @QuarkusTest} profile that starts the service on it
 * (the upgrade tests). Init args: {@code database} (the service's database name) and optionally {@code fixture} (a
 * class-path {@code pg_dump} of that database, default {@code upgrade/previous-release.sql}). On the JVM's shared
 * local stack it makes three databases: {@code <database>_upgraded} from the fixture, which the application is pointed
 * at and migrates on start; {@code <database>_as_released}, the same fixture left alone to compare rows with; and an
 * empty {@code <database>_fresh} for the test to migrate from nothing and compare schemas with.
 */
public class PreviousReleaseDatabase implements QuarkusTestResourceLifecycleManager {

    private String database;
    private String fixture;

    public static String upgraded(String database) {
        return database + "_upgraded";
    }

    public static String asReleased(String database) {
        return database + "_as_released";
    }

    public static String fresh(String database) {
        return database + "_fresh";
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        if (database == null || !database.matches("[a-z_]+")) {
            throw new IllegalArgumentException("PreviousReleaseDatabase needs the init arg 'database'");
        }
        fixture = initArgs.getOrDefault("fixture", "upgrade/previous-release.sql");
    }

    @Override
    public Map<String, String> start() {
        LocalStack stack = LocalStack.shared();
        String dump = fixtureText();
        try {
            recreate(stack, upgraded(database));
            load(stack, upgraded(database), dump);
            recreate(stack, asReleased(database));
            load(stack, asReleased(database), dump);
            recreate(stack, fresh(database));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the previous release's " + database + " database", e);
        }
        Map<String, String> config = new HashMap<>(stack.quarkusConfig(upgraded(database)));
        // The fixture's rows are dated when it was made: the retention pruner would delete them as old before the test
        // compares them with the released ones.
        config.put("dangjian.outbox.retention", "P36500D");
        config.put("dangjian.processed-events.retention", "P36500D");
        config.put("dangjian.idempotency.retention", "P36500D");
        return config;
    }

    @Override
    public void stop() {
        // The databases stay with the stack, which the JVM's exit stops.
    }

    public static String jdbcUrl(String database) {
        return LocalStack.shared().postgres().jdbcUrl(database);
    }

    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), PostgresServer.USER, "");
    }

    /** The tables of the current schema that hold rows, each with its rows as text ({@code row::text}). */
    public static Map<String, Set<String>> rows(String database) throws SQLException {
        Map<String, Set<String>> rows = new HashMap<>();
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet names = statement.executeQuery(
                    "select tablename from pg_tables where schemaname = current_schema() order by 1")) {
                while (names.next()) {
                    tables.add(names.getString(1));
                }
            }
            for (String table : tables) {
                Set<String> texts = new HashSet<>();
                try (ResultSet found = statement.executeQuery("select t::text from \"" + table + "\" t")) {
                    while (found.next()) {
                        texts.add(found.getString(1));
                    }
                }
                if (!texts.isEmpty()) {
                    rows.put(table, texts);
                }
            }
        }
        return rows;
    }

    private String fixtureText() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + fixture + " on the test class path");
            }
            // Lines starting with a backslash (pg_dump's restrict/unrestrict) are psql commands; everything else is SQL.
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("\\"))
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void recreate(LocalStack stack, String name) throws SQLException {
        try (Connection admin = DriverManager.getConnection(stack.postgres().jdbcUrl("postgres"), PostgresServer.USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + name);
            statement.execute("create database " + name);
        }
    }

    private static void load(LocalStack stack, String name, String dump) throws SQLException {
        try (Connection connection = DriverManager.getConnection(stack.postgres().jdbcUrl(name), PostgresServer.USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(dump);
        }
    }
}
