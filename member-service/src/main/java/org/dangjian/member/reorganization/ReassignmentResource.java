package org.dangjian.member.reorganization;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dangjian.member.reorganization.ReassignmentDtos.ReassignMembers;
import org.dangjian.member.reorganization.ReassignmentDtos.ReassignmentView;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.idempotency.Idempotent;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/members/reassignments")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Members", description = "党员档案: member records")
public class ReassignmentResource {

    @Inject
    Reassignments service;

    @POST
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Reassign the members of a dissolved branch (党组织撤销后党员重新编入支部)",
            description = "When a branch is dissolved (撤销) while members remain, the platform does not refuse the "
                    + "dissolution: each live member still in it is flagged needsBranch (with branchDissolvedOn) and "
                    + "listed by GET /members?needsBranch=true for the organization above, which still has the "
                    + "dissolved branch in its subtree. This moves the listed members, all or nothing, to one active "
                    + "branch in your scope, as of today: each publishes member.transferred (transferId null, fromOrgId "
                    + "the dissolved branch) and loses the flag; an open letter of theirs is now issued by the new "
                    + "branch. (A merge needs none of this: the absorbed branch's members follow the survivor; an "
                    + "accepted transfer also clears the flag.) 422 TRANSFER_TARGET_NOT_FOUND (unknown or outside "
                    + "your scope), MEMBER_BRANCH_NOT_A_BRANCH, MEMBER_BRANCH_NOT_ACTIVE for the target; 422 "
                    + "MEMBER_REASSIGNMENT_REFUSED with errors[] naming each refused memberIds[i] and its code: "
                    + "MEMBER_NOT_FOUND (unknown or outside your scope, alike), MEMBER_REASSIGNMENT_NOT_NEEDED "
                    + "(not flagged), MEMBER_REASSIGNMENT_DUPLICATE; nothing changes then. Idempotency-Key honoured.")
    public ReassignmentView reassign(@Valid @NotNull ReassignMembers request) {
        return service.reassign(request);
    }
}
