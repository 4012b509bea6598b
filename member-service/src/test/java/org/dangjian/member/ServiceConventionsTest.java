package org.dangjian.member;

import io.quarkus.test.junit.QuarkusTest;
import org.dangjian.platform.localstack.ServiceConventionsContract;

@QuarkusTest
class ServiceConventionsTest extends ServiceConventionsContract {

    @Override
    protected String protectedPath() {
        return "/api/v1/organization-tree/" + java.util.UUID.randomUUID();
    }
}
