package org.dangjian.platform.messaging;

import org.dangjian.platform.api.schema.PlatformSchemas;
import org.dangjian.platform.localstack.SchemaCatalog;
import org.dangjian.platform.localstack.ScratchDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** messaging's own migrations in a real PostgreSQL: what V1 creates, and that running them again changes nothing. */
class MessagingSchemaTest {

    @RegisterExtension
    static final ScratchDatabase POSTGRES = new ScratchDatabase();

    @Test
    void aFreshDatabaseGetsTheOutboxAndProcessedEventTablesFromV1() throws SQLException {
        DataSource database = POSTGRES.create("fresh");

        PlatformSchemas.Outcome outcome = PlatformSchemas.migrate(database, List.of(MessagingSchema.PART));

        assertEquals(new PlatformSchemas.Outcome(List.of(), 1, false), outcome);
        SchemaCatalog catalog = catalog(database);
        assertEquals(List.of(
                "column outbox_event.aggregate_id #6 uuid not null",
                "column outbox_event.attempts #10 integer not null default 0",
                "column outbox_event.id #2 uuid not null",
                "column outbox_event.occurred_at #8 timestamp with time zone not null",
                "column outbox_event.payload #7 json not null",
                "column outbox_event.position #1 bigint not null generated always as identity",
                "column outbox_event.published_at #9 timestamp with time zone",
                "column outbox_event.source #5 text not null",
                "column outbox_event.topic #3 text not null",
                "column outbox_event.type #4 text not null",
                "constraint outbox_event outbox_event_pkey PRIMARY KEY (\"position\")",
                "index outbox_event CREATE INDEX outbox_event_pending ON public.outbox_event USING btree (\"position\")"
                        + " WHERE (published_at IS NULL)",
                "index outbox_event CREATE UNIQUE INDEX outbox_event_pkey ON public.outbox_event USING btree (\"position\")"),
                catalog.table("outbox_event"));
        assertEquals(List.of(
                "column processed_event.consumer #1 text not null",
                "column processed_event.event_id #2 uuid not null",
                "column processed_event.processed_at #3 timestamp with time zone not null",
                "constraint processed_event processed_event_pkey PRIMARY KEY (consumer, event_id)",
                "index processed_event CREATE UNIQUE INDEX processed_event_pkey ON public.processed_event"
                        + " USING btree (consumer, event_id)"), catalog.table("processed_event"));
    }

    @Test
    void migratingAgainChangesNothing() throws SQLException {
        DataSource database = POSTGRES.create("again");
        PlatformSchemas.migrate(database, List.of(MessagingSchema.PART));
        SchemaCatalog once = catalog(database);

        PlatformSchemas.Outcome again = PlatformSchemas.migrate(database, List.of(MessagingSchema.PART));

        assertEquals(new PlatformSchemas.Outcome(List.of(), 0, false), again);
        assertEquals(once, catalog(database));
    }

    private static SchemaCatalog catalog(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection()) {
            return SchemaCatalog.of(connection);
        }
    }
}
