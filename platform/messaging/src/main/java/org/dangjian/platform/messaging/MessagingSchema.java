package org.dangjian.platform.messaging;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.dangjian.platform.api.schema.PlatformSchema;

import java.util.List;

/**
 * messaging's tables in every service database: {@code outbox_event} ({@link Outbox}, {@link OutboxRelay}) and
 * {@code processed_event} ({@link ProcessedEvents}), from {@code db/platform/messaging}; after api-support's, whose
 * {@code idempotent_request} the {@link RetentionPruner} prunes.
 */
@Dependent
public class MessagingSchema {

    public static final PlatformSchema PART = new PlatformSchema("messaging", 20, MessagingSchema.class,
            List.of("outbox_event", "processed_event"),
            List.of("V1__outbox_event_and_processed_event.sql"));

    @Produces
    @Singleton
    static PlatformSchema part() {
        return PART;
    }
}
