package org.dangjian.assistance;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.dangjian.platform.localstack.UpgradeFromThePreviousReleaseContract;
import org.flywaydb.core.Flyway;

import java.util.List;

/** This service's database of the previous release (src/test/resources/upgrade/previous-release.sql), upgraded. */
@QuarkusTest
@TestProfile(UpgradeFromThePreviousReleaseTest.PreviousRelease.class)
class UpgradeFromThePreviousReleaseTest extends UpgradeFromThePreviousReleaseContract {

    public static class PreviousRelease extends Profile {
        public PreviousRelease() {
            super("assistance");
        }
    }

    @Inject
    Flyway flyway;

    @Override
    protected Flyway flyway() {
        return flyway;
    }

    @Override
    protected String database() {
        return "assistance";
    }

    @Override
    protected List<String> platformModules() {
        return List.of("api-support", "messaging", "org-tree");
    }
}
