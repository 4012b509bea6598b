package org.dangjian.platform.api.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;

/** One throw-away PostgreSQL server for this module's tests (zonky's binaries, as the local stack uses), started once. */
final class ScratchPostgres {

    private static EmbeddedPostgres server;

    private ScratchPostgres() {
    }

    static synchronized Connection connect() throws SQLException {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is ending; the temporary data directory goes with the next start's cleanup
                }
            }));
        }
        return server.getPostgresDatabase().getConnection();
    }
}
