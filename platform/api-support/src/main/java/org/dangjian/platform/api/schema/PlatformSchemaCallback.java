package org.dangjian.platform.api.schema;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import java.util.List;

/**
 * Runs {@link PlatformSchemas#migrate} when the service's Flyway is about to validate or migrate — whichever comes first
 * in a command, once — so the platform's tables exist before the service's migrations, which may reference them, are
 * checked or run. A migrate validates first (validateOnMigrate, Quarkus' default): BEFORE_VALIDATE runs the step and the
 * BEFORE_MIGRATE that follows in the same command skips it; without validateOnMigrate BEFORE_MIGRATE runs it. The
 * database is the one of the configuration the event comes from, so a copy of the service's configuration on another
 * DataSource (the upgrade tests' fresh database) gets its platform tables too.
 */
final class PlatformSchemaCallback implements Callback {

    private final List<PlatformSchema> parts;
    /** The step ran at a BEFORE_VALIDATE whose migrate (if it is one) has not begun yet. */
    private boolean ranBeforeValidate;

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
        if (event == Event.BEFORE_MIGRATE) {
            boolean validatedFirst = ranBeforeValidate && context.getConfiguration().isValidateOnMigrate();
            ranBeforeValidate = false;
            if (validatedFirst) {
                return;
            }
        }
        PlatformSchemas.migrate(context.getConfiguration(), parts);
        ranBeforeValidate = event == Event.BEFORE_VALIDATE;
    }

    @Override
    public String getCallbackName() {
        return "dangjian-platform-schema";
    }
}
