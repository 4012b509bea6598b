package org.dangjian.platform.api.schema;

import org.dangjian.platform.localstack.ScratchDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How a database of the release before the platform owned its tables is taken over, through the callback on a service
 * Flyway as Quarkus runs it: {@code db/previous-service} is that release's service (the platform tables made by it,
 * here by api-support's own V1 text), {@code db/current-service} the same service with the statements removed.
 */
class AdoptionTest {

    @RegisterExtension
    static final ScratchDatabase POSTGRES = new ScratchDatabase();

    @Test
    void aDatabaseOfThePreviousReleaseIsBaselinedAtV1KeepsItsRowsAndValidates() throws Exception {
        DataSource database = previousRelease("adopted");

        service(database, "current-service").migrate();

        assertEquals(List.of("1 BASELINE"), rows(database, "select version || ' ' || type"
                + " from platform_api_support_schema_history order by installed_rank"));
        assertEquals(List.of("dangjian-admin"), rows(database, "select actor from audit_entry"));
        assertTrue(service(database, "current-service").validateWithResult().validationSuccessful);
    }

    @Test
    void anEditOfAnAppliedServiceMigrationAfterTheAdoptionStillFailsValidation() throws Exception {
        DataSource database = previousRelease("edited_later");
        service(database, "current-service").migrate();

        FlywayValidateException refused = assertThrows(FlywayValidateException.class,
                () -> service(database, "edited-service").migrate());

        assertTrue(refused.getMessage().contains("checksum mismatch"), refused.getMessage());
    }

    @Test
    void aDatabaseHoldingOnlySomeOfAPartsTablesIsRefusedAndLeftAsItWas() throws Exception {
        DataSource database = previousRelease("half");
        execute(database, "drop table idempotent_request");

        FlywayException refused = assertThrows(FlywayException.class, () -> service(database, "current-service").migrate());

        assertTrue(refused.getMessage().contains("holds only [audit_entry]"), refused.getMessage());
        assertEquals(List.of(), rows(database, "select table_name from information_schema.tables"
                + " where table_name like 'platform%'"));
    }

    /** The previous release: its service migrations applied, the platform tables there, an audit entry written. */
    private static DataSource previousRelease(String name) throws Exception {
        DataSource database = POSTGRES.create(name);
        Flyway.configure().dataSource(database).locations("classpath:db/previous-service").load().migrate();
        try (InputStream v1 = AdoptionTest.class.getResourceAsStream(
                "/db/platform/api-support/V1__audit_entry_and_idempotent_request.sql")) {
            execute(database, new String(v1.readAllBytes(), StandardCharsets.UTF_8));
        }
        execute(database, "insert into audit_entry (id, occurred_at, actor, action, target_type, details)"
                + " values (gen_random_uuid(), now(), 'dangjian-admin', 'CREATED', 'THING', '{}')");
        return database;
    }

    /** The service's Flyway as PlatformSchemaCustomizer configures it, with api-support's part. */
    private static Flyway service(DataSource database, String migrations) {
        return Flyway.configure().dataSource(database).locations("classpath:db/" + migrations)
                .callbacks(new PlatformSchemaCallback(List.of(ApiSupportSchema.PART))).load();
    }

    private static void execute(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> rows(DataSource database, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet found = statement.executeQuery(query)) {
            while (found.next()) {
                rows.add(found.getString(1));
            }
        }
        return rows;
    }
}
