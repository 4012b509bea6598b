package org.dangjian.platform.api.schema;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.util.Arrays;
import java.util.List;

/**
 * Adds the platform's tables to the service's Flyway (the default datasource, migrated at start): every
 * {@link PlatformSchema} a platform module on the class path produces — api-support's and messaging's in every service,
 * org-tree's where the service keeps a tree copy — is migrated by {@link PlatformSchemaCallback} before the service's
 * own migrations are validated or run. Flyway's configured callbacks are kept.
 */
@Singleton
public class PlatformSchemaCustomizer implements FlywayConfigurationCustomizer {

    @Inject
    Instance<PlatformSchema> parts;

    @Override
    public void customize(FluentConfiguration configuration) {
        List<PlatformSchema> all = parts.stream().toList();
        Callback[] configured = configuration.getCallbacks();
        Callback[] callbacks = Arrays.copyOf(configured, configured.length + 1);
        callbacks[configured.length] = new PlatformSchemaCallback(all);
        configuration.callbacks(callbacks);
    }
}
