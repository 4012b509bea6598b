package org.dangjian.organization;

import io.quarkus.test.junit.QuarkusTest;
import org.dangjian.platform.localstack.ServiceConventionsContract;

@QuarkusTest
class ServiceConventionsTest extends ServiceConventionsContract {

    @Override
    protected String protectedPath() {
        return "/api/v1/organizations/" + java.util.UUID.randomUUID();
    }
}
