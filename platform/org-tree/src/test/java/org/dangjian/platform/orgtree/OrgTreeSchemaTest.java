package org.dangjian.platform.orgtree;

import org.dangjian.platform.api.schema.ApiSupportSchema;
import org.dangjian.platform.api.schema.PlatformSchemas;
import org.dangjian.platform.messaging.MessagingSchema;
import org.dangjian.platform.localstack.SchemaCatalog;
import org.dangjian.platform.localstack.ScratchDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** org-tree's own migrations in a real PostgreSQL: what they create, and that running them again changes nothing. */
class OrgTreeSchemaTest {

    @RegisterExtension
    static final ScratchDatabase POSTGRES = new ScratchDatabase();

    @Test
    void aFreshDatabaseGetsTheTreeCopyTableWithItsPathAndParentIndexes() throws SQLException {
        DataSource database = POSTGRES.create("fresh");

        PlatformSchemas.Outcome outcome = PlatformSchemas.migrate(database, List.of(OrgTreeSchema.PART));

        assertEquals(new PlatformSchemas.Outcome(List.of(), 2, false), outcome);
        assertEquals(List.of(
                "column org_unit.code #4 text not null",
                "column org_unit.id #1 uuid not null",
                "column org_unit.name #5 text not null",
                "column org_unit.parent_id #2 uuid",
                "column org_unit.path #3 text not null",
                "column org_unit.source_version #8 bigint not null",
                "column org_unit.status #7 text not null",
                "column org_unit.type #6 text not null",
                "column org_unit.updated_at #9 timestamp with time zone not null",
                "constraint org_unit org_unit_pkey PRIMARY KEY (id)",
                "index org_unit CREATE INDEX org_unit_parent ON public.org_unit USING btree (parent_id)",
                "index org_unit CREATE INDEX org_unit_path ON public.org_unit USING btree (path text_pattern_ops)",
                "index org_unit CREATE UNIQUE INDEX org_unit_pkey ON public.org_unit USING btree (id)"),
                catalog(database).table("org_unit"));
    }

    @Test
    void theTreeCopyFollowsTheOtherPlatformPartsOfAServiceIntoOneFreshSchema() throws SQLException {
        DataSource database = POSTGRES.create("with_others");

        PlatformSchemas.Outcome outcome = PlatformSchemas.migrate(database,
                List.of(OrgTreeSchema.PART, MessagingSchema.PART, ApiSupportSchema.PART));

        assertEquals(new PlatformSchemas.Outcome(List.of(), 4, false), outcome);
        assertEquals(List.of("api-support 0,1", "messaging 0,1", "org-tree 0,1,2"), histories(database));
    }

    @Test
    void migratingAgainChangesNothing() throws SQLException {
        DataSource database = POSTGRES.create("again");
        PlatformSchemas.migrate(database, List.of(OrgTreeSchema.PART));
        SchemaCatalog once = catalog(database);

        PlatformSchemas.Outcome again = PlatformSchemas.migrate(database, List.of(OrgTreeSchema.PART));

        assertEquals(new PlatformSchemas.Outcome(List.of(), 0, false), again);
        assertEquals(once, catalog(database));
    }

    /** Each part's applied versions, in the order the parts ran (their histories' first rows). */
    private static List<String> histories(DataSource database) throws SQLException {
        List<String> histories = new java.util.ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (String module : List.of("api-support", "messaging", "org-tree")) {
                try (ResultSet versions = statement.executeQuery("select string_agg(version, ',' order by installed_rank)"
                        + " from platform_" + module.replace('-', '_') + "_schema_history")) {
                    versions.next();
                    histories.add(module + " " + versions.getString(1));
                }
            }
        }
        return histories;
    }

    private static SchemaCatalog catalog(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection()) {
            return SchemaCatalog.of(connection);
        }
    }
}
