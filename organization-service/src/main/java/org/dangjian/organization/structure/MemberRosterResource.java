package org.dangjian.organization.structure;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dangjian.organization.structure.StructureDtos.RosterEntry;
import org.dangjian.platform.api.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/organizations/{id}/members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Structure", description = "组织设置: member counts and structure compliance")
public class MemberRosterResource {

    @Inject
    KnownMembers members;

    @GET
    @Path("/{memberId}")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "A member of this organization or one below it, as this service knows them from member events",
            description = "Where the member is, at which stage, and the member version (of member-service's member.* "
                    + "events) last applied. Seats and grids of this organization accept a member once this answers 200 "
                    + "with onRoster true, so a client that has just registered or moved a member waits for that (and for "
                    + "version at least the one member-service answered) before naming them. A member whose membership "
                    + "ended here answers with ended true. 404 MEMBER_NOT_FOUND when unknown, elsewhere or gone from the "
                    + "platform; 404 ORGANIZATION_NOT_FOUND when the organization is outside your scope.")
    public RosterEntry get(@PathParam("id") UUID id, @PathParam("memberId") UUID memberId) {
        return members.in(id, memberId);
    }
}
