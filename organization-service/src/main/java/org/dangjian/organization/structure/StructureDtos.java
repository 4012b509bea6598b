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
}
