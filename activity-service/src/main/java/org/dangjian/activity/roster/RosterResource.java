package org.dangjian.activity.roster;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.dangjian.platform.orgtree.Organizations;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.UUID;

@Path("/organizations/{orgId}/roster")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Roster", description = "an organization's members on a date, from member-service's events")
public class RosterResource {

    @Inject
    Roster roster;

    @Inject
    Organizations organizations;

    @Inject
    BusinessClock clock;

    @GET
    @Transactional
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "The organization's expected roster on a date (today when omitted), by name",
            description = "Probationary and full members whose membership period covers the date. 404 "
                    + "ORGANIZATION_NOT_FOUND when the organization is unknown or outside your scope.")
    public ListPage<Roster.RosterEntry> on(@PathParam("orgId") UUID orgId, @QueryParam("on") LocalDate on,
            @BeanParam ListQuery query) {
        organizations.requireInScope(orgId);
        return roster.page(orgId, on != null ? on : clock.today(), query);
    }
}
