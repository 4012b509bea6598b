package org.dangjian.platform.api.schema;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.RepairResult;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Migrates the platform's tables in a service database, before the service's own migrations: each
 * {@link PlatformSchema} part with its own Flyway instance on the service's DataSource, its own migrations (named, not
 * scanned: {@link ClasspathMigrations}) and its own history table, so a platform table is declared and changed in one
 * place while every service database has it.
 *
 * <p>A part's history table missing means one of two databases, told apart explicitly rather than by Flyway's
 * baselineOnMigrate (which only asks whether the schema is empty, and the first part run would make it non-empty for the
 * next):
 * <ul>
 *   <li><b>fresh</b> — none of the part's tables exists: its history starts with a baseline at version 0 (Flyway
 *   starts a history by itself only in an empty schema, and the parts share the service's), then its migrations run
 *   from V1; so does the service's own history, when it is missing too;</li>
 *   <li><b>the release before the platform owned its tables</b> — the service's history table exists and so does every
 *   table of the part, created by the service's own migrations in exactly the shape of the part's V1: the part is
 *   baselined at version 1 and migrated from there (later versions run as usual). That is <em>adoption</em>.</li>
 * </ul>
 * Anything in between (some of the part's tables, or its tables without a service history) is refused, naming the
 * tables: it is no database any release made, and guessing would risk data.
 *
 * <p>The service migrations that used to create those tables were edited when the platform took them over (their
 * statements about platform tables removed; their version numbers kept, since existing databases know them), so their
 * checksums in {@code flyway_schema_history} no longer match the files. They are realigned with Flyway's repair on the
 * service's own configuration exactly once: at adoption, before the first part is baselined (a start that fails halfway
 * finds a part still unadopted and repairs again, which changes nothing the second time). Never on an ordinary start:
 * a later accidental edit of an applied service migration must still fail validation.
 *
 * <p>Replicas starting together are serialized by a PostgreSQL advisory lock held for the whole step.
 */
public final class PlatformSchemas {

    private static final Logger LOG = Logger.getLogger(PlatformSchemas.class);
    /** Advisory lock key of the platform step ("djplatsm"); Flyway's own keys hash table names. */
    private static final long LOCK_KEY = 0x646a_706c_6174_736dL;
    private static final ClassProvider<JavaMigration> NO_JAVA_MIGRATIONS = List::of;
    /** Baseline descriptions (Flyway writes them into its insert unescaped: no apostrophes). */
    private static final String FRESH = "empty, before the platform tables";

    private PlatformSchemas() {
    }

    /** What one run did: parts adopted (baselined), migrations executed, whether service checksums were realigned. */
    public record Outcome(List<String> adopted, int migrationsExecuted, boolean serviceChecksumsRealigned) {
    }

    /** The parts in a database that has no service migrations of its own (the platform modules' tests). */
    public static Outcome migrate(DataSource dataSource, List<PlatformSchema> parts) {
        return migrate(Flyway.configure(PlatformSchemas.class.getClassLoader()).dataSource(dataSource), parts, false);
    }

    /**
     * The parts in the database of {@code service}, the service's Flyway configuration (its DataSource, schema,
     * history table and migrations), in {@link PlatformSchema#order()}.
     */
    public static Outcome migrate(Configuration service, List<PlatformSchema> parts) {
        return migrate(service, parts, true);
    }

    private static Outcome migrate(Configuration service, List<PlatformSchema> parts, boolean serviceMigrations) {
        List<PlatformSchema> ordered = parts.stream()
                .sorted(Comparator.comparingInt(PlatformSchema::order).thenComparing(PlatformSchema::module))
                .toList();
        try (Connection connection = service.getDataSource().getConnection()) {
            try (Statement lock = connection.createStatement()) {
                lock.execute("select pg_advisory_lock(" + LOCK_KEY + ")");
            }
            try {
                return migrate(service, ordered, serviceMigrations, connection);
            } finally {
                try (Statement unlock = connection.createStatement()) {
                    unlock.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
                }
            }
        } catch (SQLException e) {
            throw new FlywayException("cannot migrate the platform's tables: " + e.getMessage(), e);
        }
    }

    private static Outcome migrate(Configuration service, List<PlatformSchema> parts, boolean serviceMigrations,
            Connection connection) throws SQLException {
        String schema = schemaOf(service, connection);
        boolean serviceHistory = tableExists(connection, schema, service.getTable());
        List<PlatformSchema> adopt = new ArrayList<>();
        for (PlatformSchema part : parts) {
            if (tableExists(connection, schema, part.historyTable())) {
                continue;
            }
            List<String> present = new ArrayList<>();
            for (String table : part.tables()) {
                if (tableExists(connection, schema, table)) {
                    present.add(table);
                }
            }
            if (present.isEmpty()) {
                continue;
            }
            if (!serviceHistory || present.size() != part.tables().size()) {
                throw new FlywayException("platform/" + part.module() + " owns " + part.tables() + ", but schema " + schema
                        + " holds only " + present + (serviceHistory ? "" : " and no " + service.getTable())
                        + ", without " + part.historyTable() + ": neither a fresh database nor one of the release before"
                        + " the platform owned its tables. Upgrade through that release first.");
            }
            adopt.add(part);
        }
        boolean realigned = false;
        if (!adopt.isEmpty()) {
            RepairResult repair = withoutCallbacks(service).load().repair();
            realigned = true;
            LOG.infof("platform tables of %s adopted from the service's migrations: realigned %d service migration"
                    + " checksums to the edited files (%s)", adopt.stream().map(PlatformSchema::module).toList(),
                    repair.migrationsAligned.size(), service.getTable());
        }
        if (serviceMigrations && !serviceHistory) {
            // A fresh database. Flyway starts a history by itself only in an empty schema, and the platform's tables are
            // about to fill this one: the service's history starts with a baseline at version 0, below every migration
            // of the service, so it skips nothing (a schema that holds the service's tables without their history
            // then fails on its V1, changing nothing).
            withoutCallbacks(service).baselineVersion("0").baselineDescription(FRESH).load().baseline();
        }
        int executed = 0;
        for (PlatformSchema part : parts) {
            boolean adopted = adopt.contains(part);
            Flyway flyway = flywayFor(part, service, adopted ? "1" : "0");
            if (adopted || !tableExists(connection, schema, part.historyTable())) {
                // Adopted: V1 is what is there. Fresh: as for the service, version 0 skips nothing.
                flyway.baseline();
            }
            executed += flyway.migrate().migrationsExecuted;
        }
        return new Outcome(adopt.stream().map(PlatformSchema::module).toList(), executed, realigned);
    }

    /**
     * The Flyway of one part: the service's DataSource and schema, the part's migrations and history table; a baseline
     * at version 1 adopts tables the service's migrations made, at 0 it starts the history of a fresh database.
     */
    static Flyway flywayFor(PlatformSchema part, Configuration service, String baselineVersion) {
        FluentConfiguration configuration = Flyway.configure(service.getClassLoader())
                .dataSource(service.getDataSource())
                .table(part.historyTable())
                .locations("classpath:" + part.location())
                .resourceProvider(new ClasspathMigrations(part))
                .javaMigrationClassProvider(NO_JAVA_MIGRATIONS)
                .baselineVersion(baselineVersion)
                .baselineDescription("1".equals(baselineVersion) ? adopted(part) : FRESH)
                .cleanDisabled(true);
        if (service.getDefaultSchema() != null) {
            configuration.defaultSchema(service.getDefaultSchema());
        }
        return configuration.load();
    }

    /** The description of the baseline that adopts a part's tables (the upgrade tests look for it). */
    private static String adopted(PlatformSchema part) {
        return "platform/" + part.module() + " tables as created by the service migrations";
    }

    private static FluentConfiguration withoutCallbacks(Configuration service) {
        return Flyway.configure(service.getClassLoader()).configuration(service).callbacks(new Callback[0]);
    }

    private static String schemaOf(Configuration service, Connection connection) throws SQLException {
        if (service.getDefaultSchema() != null) {
            return service.getDefaultSchema();
        }
        if (service.getSchemas().length > 0) {
            return service.getSchemas()[0];
        }
        try (Statement statement = connection.createStatement();
                ResultSet current = statement.executeQuery("select current_schema()")) {
            current.next();
            return current.getString(1);
        }
    }

    private static boolean tableExists(Connection connection, String schema, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select 1 from information_schema.tables where table_schema = ? and table_name = ?")) {
            query.setString(1, schema);
            query.setString(2, table);
            try (ResultSet found = query.executeQuery()) {
                return found.next();
            }
        }
    }
}
