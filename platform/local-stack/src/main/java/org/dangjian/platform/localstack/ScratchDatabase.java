package org.dangjian.platform.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A test class's own embedded PostgreSQL (on a port from {@link Ports}), from before its first test until after its
 * last, handing out a new, empty database per test so tests do not share tables. Registered as
 * {@code @RegisterExtension static final ScratchDatabase POSTGRES = new ScratchDatabase();}.
 */
public final class ScratchDatabase implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedPostgres postgres;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        postgres = EmbeddedPostgres.builder().setPort(Ports.free()).start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        postgres.close();
    }

    public DataSource create(String name) throws SQLException {
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
