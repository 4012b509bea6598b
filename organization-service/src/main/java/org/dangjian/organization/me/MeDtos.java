package org.dangjian.organization.me;

import org.dangjian.organization.leadership.Seat;
import org.dangjian.organization.organization.OrganizationStatus;
import org.dangjian.organization.organization.OrganizationType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the token's own member sees of their standing in the organization tree. */
public final class MeDtos {

    private MeDtos() {
    }

    @Schema(name = "MyOrganizationRef", description = "an organization of the member's chain: top first")
    public record OrganizationRef(UUID id, @Schema(maxLength = 20) String code, @Schema(maxLength = 100) String name,
            OrganizationType type, OrganizationStatus status) {
    }

    @Schema(name = "MyOrganization", description = "the organization the member belongs to (支部 or 党小组) and the chain "
            + "above it, as member-service's member.* events have told this service; organization null (and chain "
            + "empty) until they have, or after the membership ended")
    public record MyOrganization(UUID memberId, @Schema(nullable = true) OrganizationRef organization,
            @Schema(nullable = true, maxLength = 20) String stage, List<OrganizationRef> chain) {
    }

    @Schema(name = "MySeat", description = "a seat of a leadership team (班子) the member holds now")
    public record MySeat(UUID id, UUID organizationId, @Schema(maxLength = 100) String organizationName, Seat seat,
            LocalDate startedOn) {
    }

    @Schema(name = "MyGrid", description = "a grid (网格) the member is in now, and its leader (格长/联络员)")
    public record MyGrid(UUID id, UUID organizationId, @Schema(maxLength = 100) String name, int level,
            @Schema(nullable = true, maxLength = 50) String leaderName, LocalDate joinedOn) {
    }
}
