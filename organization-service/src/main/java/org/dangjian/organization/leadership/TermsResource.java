package org.dangjian.organization.leadership;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.dangjian.organization.leadership.LeadershipDtos.TermDue;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import jakarta.ws.rs.BeanParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/leadership-terms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Leadership", description = "班子: the leadership team, its seats and terms")
public class TermsResource {

    @Inject
    LeadershipService service;

    @GET
    @Path("/re-election-due")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "Terms in your subtree ending within N days (换届提醒), soonest first",
            description = "withinDays defaults to dangjian.organization.leadership.re-election-notice-days (90). "
                    + "A term ending today is due, not yet overdue. Keyset pages (sort: termEndsOn only).")
    public ListPage<TermDue> due(@QueryParam("withinDays") @Min(0) @Max(3650) Integer withinDays,
            @BeanParam ListQuery query) {
        return service.reElectionDue(withinDays, query);
    }

    @GET
    @Path("/overdue")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "Terms in your subtree that ended without a re-election (逾期未换届), oldest first",
            description = "Keyset pages (sort: termEndsOn only).")
    public ListPage<TermDue> overdue(@BeanParam ListQuery query) {
        return service.overdue(query);
    }
}
