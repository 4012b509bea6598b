package org.dangjian.organization.structure;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.dangjian.organization.structure.StructureDtos.MemberCount;
import org.dangjian.organization.structure.StructureDtos.OrganizationCompliance;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import jakarta.ws.rs.BeanParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/organizations/{id}/structure")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Structure", description = "组织设置: member counts and structure compliance")
public class StructureResource {

    @Inject
    StructureCompliance compliance;

    @GET
    @Path("/member-count")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "Full members and Party members (full + probationary) directly in this organization",
            description = "Kept from member-service's member.* events.")
    public MemberCount memberCount(@PathParam("id") UUID id) {
        return compliance.count(id);
    }

    @GET
    @Path("/compliance")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "Organizations of the subtree whose structure breaks a rule, with each rule's code",
            description = "Scans `size` organizations per page in path order, so a page may list fewer (even none) and "
                    + "still have a nextCursor: pass it as `cursor`. Sort: path only. Rules: "
                    + "BRANCH_TOO_FEW_FULL_MEMBERS, BRANCH_TOO_MANY_MEMBERS, BRANCH_COMMITTEE_MISSING, SECRETARY_VACANT, "
                    + "TERM_EXPIRED (limits in dangjian.organization.structure.*).")
    public ListPage<OrganizationCompliance> check(@PathParam("id") UUID id, @BeanParam ListQuery query) {
        return compliance.check(id, query);
    }
}
