package org.dangjian.platform.localstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a {@code @QuarkusTest} application at the JVM's shared local stack. Init arg
 * {@code database} names the service's database.
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        if (database == null) {
            throw new IllegalArgumentException("LocalStackTestResource needs the init arg 'database'");
        }
    }

    @Override
    public Map<String, String> start() {
        return LocalStack.shared().quarkusConfig(database);
    }

    @Override
    public void stop() {
        // The stack outlives application restarts between test profiles; the JVM's exit stops it.
    }
}
