package org.dangjian.organization.me;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dangjian.organization.me.MeDtos.MyGrid;
import org.dangjian.organization.me.MeDtos.MyOrganization;
import org.dangjian.organization.me.MeDtos.MySeat;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /me}: the token's own member (its {@code member_id} claim; never an id from the request), for every role
 * that can carry one. 403 NO_MEMBER_IDENTITY when the token names no member.
 */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "我的: the caller's own member record's standing in the organization tree")
public class MeResource {

    private static final String WHO = " For the token's own member (member_id claim); 403 NO_MEMBER_IDENTITY when the "
            + "token names none.";

    @Inject
    MeService me;

    @Inject
    Caller caller;

    @GET
    @Path("/organization")
    @RolesAllowed({Caller.MEMBER, Caller.BRANCH_SECRETARY, Caller.ORG_ADMIN, Caller.PLATFORM_ADMIN, Caller.AUDITOR,
            Caller.INTEGRATION})
    @Operation(summary = "My organization (我的党组织): the branch or group I belong to and the chain above it",
            description = "organization null while member-service's events have not yet placed the member (or after "
                    + "the membership ended)." + WHO)
    public MyOrganization organization() {
        return me.organization(caller.requireMemberId());
    }

    @GET
    @Path("/seats")
    @RolesAllowed({Caller.MEMBER, Caller.BRANCH_SECRETARY, Caller.ORG_ADMIN, Caller.PLATFORM_ADMIN, Caller.AUDITOR,
            Caller.INTEGRATION})
    @Operation(summary = "The leadership seats I hold (我的职务), in tree order",
            description = "Short by nature: all in one page (nextCursor always null)." + WHO)
    public ListPage<MySeat> seats(@BeanParam ListQuery query) {
        complete(query);
        return ListPage.complete(me.seats(caller.requireMemberId()));
    }

    @GET
    @Path("/grids")
    @RolesAllowed({Caller.MEMBER, Caller.BRANCH_SECRETARY, Caller.ORG_ADMIN, Caller.PLATFORM_ADMIN, Caller.AUDITOR,
            Caller.INTEGRATION})
    @Operation(summary = "The grids I am in (我的网格), with their leaders",
            description = "Short by nature: all in one page (nextCursor always null)." + WHO)
    public ListPage<MyGrid> grids(@BeanParam ListQuery query) {
        complete(query);
        return ListPage.complete(me.grids(caller.requireMemberId()));
    }

    /** A list answered whole still validates its paging parameters, so a client learns of a bad one. */
    private static void complete(ListQuery query) {
        query.size();
        query.sort("default");
        query.after();
    }
}
