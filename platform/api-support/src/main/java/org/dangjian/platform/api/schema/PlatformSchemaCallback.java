package org.dangjian.platform.api.schema;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import java.lang.ref.WeakReference;
import java.sql.Connection;
import java.util.List;

/**
 * Runs {@link PlatformSchemas#migrate} when the service's Flyway is about to validate or migrate — whichever comes first
 * in a command, once: a migrate validates first (BEFORE_VALIDATE, then BEFORE_MIGRATE on the same connection), so the
 * platform's tables exist before the service's migrations, which may reference them, are checked or run. The database is
 * the one of the configuration the event comes from, so a copy of the service's configuration on another DataSource
 * (the upgrade tests' fresh database) gets its platform tables too.
 */
final class PlatformSchemaCallback implements Callback {

    private final List<PlatformSchema> parts;
    /** The connection of the command that ran the step last; Flyway uses one connection per command. */
    private WeakReference<Connection> ranFor = new WeakReference<>(null);

    PlatformSchemaCallback(List<PlatformSchema> parts) {
        this.parts = List.copyOf(parts);
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        // The step uses connections of its own and never the one of this event.
        return true;
    }

    @Override
    public synchronized void handle(Event event, Context context) {
        if (context.getConnection() != null && ranFor.get() == context.getConnection()) {
            return;
        }
        PlatformSchemas.migrate(context.getConfiguration(), parts);
        ranFor = new WeakReference<>(context.getConnection());
    }

    @Override
    public String getCallbackName() {
        return "dangjian-platform-schema";
    }
}
