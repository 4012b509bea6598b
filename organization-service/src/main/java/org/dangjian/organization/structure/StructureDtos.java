package org.dangjian.organization.structure;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.organization.organization.OrganizationType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public final class StructureDtos {

    private StructureDtos() {
    }

    @Schema(name = "StructureFinding", description = "one broken rule: the actual figure and the configured limit")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Finding(StructureRule rule, Integer actual, Integer limit, LocalDate termEndsOn) {
    }

    @Schema(name = "OrganizationCompliance", description = "an organization with what is wrong with its structure")
    public record OrganizationCompliance(UUID organizationId, String name, OrganizationType type, String path,
            int fullMembers, int members, List<Finding> findings) {
    }

    @Schema(name = "MemberCount")
    public record MemberCount(UUID organizationId, int fullMembers, int members) {
    }

    @Schema(name = "RosterEntry", description = "a member as organization-service knows them from member-service's "
            + "member.* events: where they are, at which stage, and the member version last applied")
    public record RosterEntry(
            UUID memberId,
            @Schema(description = "their branch; null once they transferred to an organization outside the platform")
            UUID organizationId,
            @Schema(description = "APPLICANT, ACTIVIST, CANDIDATE, PROBATIONARY or FULL; null when no event said it yet")
            String stage,
            @Schema(description = "on the roster of an organization of the platform (not ended, not transferred out): "
                    + "counted there, and may be named in its seats and grids")
            boolean onRoster,
            boolean ended,
            @Schema(description = "the member's version (the `version` of member.* events) last applied")
            long version) {
    }
}
