package org.dangjian.bench;

import org.dangjian.local.DangjianService;

/**
 * The scale generator on its own: starts the four services (so Flyway migrates every schema), then
 * COPYs the demo model at {@code -Dbench.scale} (1.0 = 1.5 million members, ~100,000 organizations,
 * a year of activities, 100,000 cases) from {@code -Dbench.seed}, and prints rows/s per service.
 */
public final class ScaleGenerator {

    private ScaleGenerator() {
    }

    public static void main(String[] args) throws Exception {
        try (Bench bench = Bench.start("scale", DangjianService.values())) {
            bench.load(DangjianService.values());
            bench.write("Scale generator", """
                    Every benchmark loads the same model through the same code (ScaleData) into the services it needs;
                    this command loads all four. Rows are COPYed (pgjdbc CopyManager, text format) after each service's
                    own Flyway migrated its schema, with every index in place; national ID, phone and case descriptions
                    are sealed with PersonalDataProtection and the local stack's keys, so reads decrypt real values.""");
        }
    }
}
