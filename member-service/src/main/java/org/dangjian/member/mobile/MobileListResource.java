package org.dangjian.member.mobile;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.BeanParam;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.dangjian.member.mobile.MobileDtos.MobileView;
import org.dangjian.platform.api.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/mobile-members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Mobile members", description = "流动党员")
public class MobileListResource {

    @Inject
    MobileService service;

    @GET
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR})
    @Operation(summary = "Active mobile members by host branch (hostOrgId) or by home branch (homeOrgId), exactly one")
    public ListPage<MobileView> list(@QueryParam("hostOrgId") UUID hostOrgId, @QueryParam("homeOrgId") UUID homeOrgId,
            @BeanParam ListQuery query) {
        return service.list(hostOrgId, homeOrgId, query);
    }
}
