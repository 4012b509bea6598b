package org.dangjian.platform.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A new, empty database on a test's own embedded PostgreSQL, one per test so tests do not share tables. */
public final class ScratchDatabase {

    private ScratchDatabase() {
    }

    public static DataSource create(EmbeddedPostgres postgres, String name) throws SQLException {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("bad database name " + name);
        }
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("create database " + name);
        }
        return postgres.getDatabase(PostgresServer.USER, name);
    }
}
