package org.dangjian.organization;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.access.BulkOperation;

/**
 * Test-only endpoints whose roles wrongly admit integration accounts to writes, to prove that the
 * platform's policy refuses single writes anyway and lets bulk operations through.
 */
@Path("/test-probes")
@org.dangjian.platform.api.idempotency.Idempotent
public class AccessPolicyProbe {

    @POST
    @Path("/single-write")
    @RolesAllowed({Caller.INTEGRATION, Caller.PLATFORM_ADMIN})
    public String singleWrite() {
        return "written";
    }

    @POST
    @Path("/bulk-write")
    @BulkOperation
    @RolesAllowed({Caller.INTEGRATION, Caller.PLATFORM_ADMIN})
    public String bulkWrite() {
        return "imported";
    }
}
