package org.dangjian.member.reorganization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.dangjian.member.member.MemberDtos.MemberView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the reassignment of members whose branch was dissolved. */
public final class ReassignmentDtos {

    /** A dissolved branch holds at most a few hundred members; a larger one is reassigned in several requests. */
    static final int MAX_MEMBERS = 500;

    private ReassignmentDtos() {
    }

    @Schema(name = "ReassignMembers", description = "Members flagged needsBranch, all moved to one branch")
    public record ReassignMembers(
            @Schema(description = "members flagged needsBranch, in your scope, each once") @NotEmpty
            @Size(max = MAX_MEMBERS) List<@NotNull UUID> memberIds,
            @Schema(description = "an active branch, joint branch or temporary branch in your scope") @NotNull UUID toOrgId,
            @Schema(example = "原党支部撤销，党员转入邻村党支部") @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "MemberReassignment", description = "The members moved, as they are now (masked)")
    public record ReassignmentView(UUID toOrgId, LocalDate reassignedOn, String reason, List<MemberView> members) {
    }
}
