package org.dangjian.platform.api.schema;

import java.util.List;
import java.util.Objects;

/**
 * The tables one platform module owns in every service database that uses it, and the migrations that make them:
 * {@code db/platform/<module>/<migration>} on the module's class path, with their own Flyway history table
 * {@code platform_<module>_schema_history}. A module contributes its part as a CDI bean (a producer of this type);
 * {@link PlatformSchemaCustomizer} collects them, so no class-path directory is ever scanned.
 *
 * @param module     the module's folder under {@code platform/}, e.g. {@code messaging}
 * @param order      parts run in ascending order (a module after the modules it depends on)
 * @param anchor     a class of the module: its class loader reads the migrations, in tests and from a built jar alike
 * @param tables     the tables the part's migrations create; a database of the release before the platform owned
 *                   them already holds exactly these (see {@link PlatformSchemas#migrate})
 * @param migrations the file names under the module's location, each {@code V<n>__<what>.sql}
 */
public record PlatformSchema(String module, int order, Class<?> anchor, List<String> tables, List<String> migrations) {

    public PlatformSchema {
        Objects.requireNonNull(module);
        Objects.requireNonNull(anchor);
        tables = List.copyOf(tables);
        migrations = List.copyOf(migrations);
        if (!module.matches("[a-z][a-z-]*")) {
            throw new IllegalArgumentException("module names a folder under platform/: " + module);
        }
        if (tables.isEmpty() || migrations.isEmpty()) {
            throw new IllegalArgumentException("a platform schema part owns tables and has migrations: " + module);
        }
    }

    /** Class-path folder of the migrations. */
    public String location() {
        return "db/platform/" + module;
    }

    /** The part's own Flyway history table, beside the service's {@code flyway_schema_history}. */
    public String historyTable() {
        return "platform_" + module.replace('-', '_') + "_schema_history";
    }
}
