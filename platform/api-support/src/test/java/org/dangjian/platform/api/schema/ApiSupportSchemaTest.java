package org.dangjian.platform.api.schema;

import org.dangjian.platform.localstack.ScratchDatabase;
import org.dangjian.platform.localstack.SchemaCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** api-support's own migrations in a real PostgreSQL: what V1 creates, and that running them again changes nothing. */
class ApiSupportSchemaTest {

    @RegisterExtension
    static final ScratchDatabase POSTGRES = new ScratchDatabase();

    @Test
    void aFreshDatabaseGetsTheAuditAndIdempotencyTablesFromV1() throws SQLException {
        DataSource database = POSTGRES.create("fresh");

        PlatformSchemas.Outcome outcome = PlatformSchemas.migrate(database, List.of(ApiSupportSchema.PART));

        assertEquals(new PlatformSchemas.Outcome(List.of(), 1, false), outcome);
        SchemaCatalog catalog = catalog(database);
        assertEquals(List.of(
                "column audit_entry.action #4 text not null",
                "column audit_entry.actor #3 text not null",
                "column audit_entry.details #7 json not null",
                "column audit_entry.id #1 uuid not null",
                "column audit_entry.occurred_at #2 timestamp with time zone not null",
                "column audit_entry.org_id #8 uuid",
                "column audit_entry.target_id #6 uuid",
                "column audit_entry.target_type #5 text not null",
                "constraint audit_entry audit_entry_pkey PRIMARY KEY (id)",
                "index audit_entry CREATE INDEX audit_entry_org ON public.audit_entry USING btree (org_id, occurred_at DESC)",
                "index audit_entry CREATE INDEX audit_entry_target ON public.audit_entry USING btree (target_type, target_id)",
                "index audit_entry CREATE UNIQUE INDEX audit_entry_pkey ON public.audit_entry USING btree (id)",
                "trigger audit_entry CREATE TRIGGER audit_entry_append_only BEFORE DELETE OR UPDATE ON public.audit_entry"
                        + " FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()"), catalog.table("audit_entry"));
        assertEquals(List.of(
                "column idempotent_request.caller #1 text not null",
                "column idempotent_request.created_at #8 timestamp with time zone not null",
                "column idempotent_request.idempotency_key #2 text not null",
                "column idempotent_request.operation #3 text not null",
                "column idempotent_request.request_hash #4 text not null",
                "column idempotent_request.response_body #7 jsonb",
                "column idempotent_request.response_headers #6 jsonb",
                "column idempotent_request.response_status #5 integer",
                "constraint idempotent_request idempotent_request_pkey PRIMARY KEY (caller, idempotency_key)",
                "index idempotent_request CREATE INDEX idempotent_request_created ON public.idempotent_request USING btree (created_at)",
                "index idempotent_request CREATE UNIQUE INDEX idempotent_request_pkey ON public.idempotent_request"
                        + " USING btree (caller, idempotency_key)"), catalog.table("idempotent_request"));
    }

    @Test
    void migratingAgainChangesNothing() throws SQLException {
        DataSource database = POSTGRES.create("again");
        PlatformSchemas.migrate(database, List.of(ApiSupportSchema.PART));
        SchemaCatalog once = catalog(database);

        PlatformSchemas.Outcome again = PlatformSchemas.migrate(database, List.of(ApiSupportSchema.PART));

        assertEquals(new PlatformSchemas.Outcome(List.of(), 0, false), again);
        assertEquals(once, catalog(database));
    }

    private static SchemaCatalog catalog(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection()) {
            return SchemaCatalog.of(connection);
        }
    }
}
