package org.dangjian.platform.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A real PostgreSQL server (zonky's packaged binaries) with one database per service.
 * The data directory is fixed under the work directory so that a server orphaned by a killed
 * parent is found and stopped on the next start.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";

    private final Path dataDir;
    private final Path log;
    private final int port;
    private final boolean durable;
    private EmbeddedPostgres postgres;

    PostgresServer(Path workDir, int port, boolean durable) {
        this.dataDir = workDir.resolve("postgres-data");
        this.log = workDir.resolve("logs/postgres.log");
        this.port = port;
        this.durable = durable;
    }

    synchronized void start(List<String> databases) {
        stopOrphan();
        deleteDataDirectory();
        startServer();
        createDatabases(databases);
    }

    /** Stops the server (a fast shutdown, as an operator's restart does) and starts it again on the same data. */
    public synchronized void restart() {
        stopServer();
        startServer();
    }

    /** Stops the server, keeping its data for {@link #startAgain()}. */
    public synchronized void stopServer() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                postgres = null;
            }
        }
    }

    public synchronized void startAgain() {
        if (postgres == null) {
            startServer();
        }
    }

    private void startServer() {
        try {
            Files.createDirectories(log.getParent());
            // The data directory is ours to clean (in start and close), so a restart can reuse it.
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "300")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
            if (!durable) {
                // Throw-away test data: trade crash safety for speed.
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            }
            postgres = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL; see " + log, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    private void createDatabases(List<String> databases) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            for (String database : databases) {
                if (!database.matches("[a-z_]+")) {
                    throw new IllegalArgumentException("bad database name " + database);
                }
                try (ResultSet exists = statement.executeQuery(
                        "select 1 from pg_database where datname = '" + database + "'")) {
                    if (exists.next()) {
                        continue;
                    }
                }
                statement.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create databases", e);
        }
    }

    /** A postmaster left behind by a parent that was killed before it could stop it. */
    private void stopOrphan() {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid).ifPresent(handle -> {
                handle.destroyForcibly();
                handle.onExit().join();
            });
        } catch (IOException | RuntimeException e) {
            // Nothing to stop, or already gone: the fresh start below reports any real problem.
        }
    }

    @Override
    public synchronized void close() {
        stopServer();
        deleteDataDirectory();
    }

    private void deleteDataDirectory() {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (var paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dataDir, e);
        }
    }
}
