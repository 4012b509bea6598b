package org.dangjian.organization.grid;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public final class GridDtos {

    private GridDtos() {
    }

    @Schema(name = "CreateGrid", description = "a grid under a parent grid (or a top grid), run by an organization")
    public record CreateGrid(
            @NotNull UUID organizationId,
            @Schema(description = "the enclosing grid; omit for a top-level grid") UUID parentId,
            @Schema(example = "东门社区第三网格") @NotBlank @Size(max = 100) String name,
            @Schema(description = "when the leader is a member: one on the roster of the organization or below it "
                    + "(else 422 MEMBER_NOT_FOUND_IN_ORGANIZATION)") UUID leaderMemberId,
            @Schema(example = "林格长") @NotBlank @Size(max = 50) String leaderName,
            @Schema(example = "东门路1-99号") @NotBlank @Size(max = 500) String area,
            @Min(0) int households) {
    }

    @Schema(name = "GridMember")
    public record AddMember(
            @Schema(description = "a member on the roster of the grid's organization or below it "
                    + "(else 422 MEMBER_NOT_FOUND_IN_ORGANIZATION)") @NotNull UUID memberId, @NotBlank @Size(max = 50) String memberName) {
    }

    @Schema(name = "LeaveGrid", description = "a member leaves the grid; the membership is kept with its dates")
    public record LeaveGrid(
            @Schema(description = "civil date; today when omitted") @PastOrPresent LocalDate leftOn,
            @Schema(example = "搬离本网格") @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "ChangeGridLeader", description = "a new leader (格长) or contact person (联络员) for the grid")
    public record ChangeLeader(
            @Schema(description = "when the leader is a member: one on the roster of the grid's organization or below "
                    + "it (else 422 MEMBER_NOT_FOUND_IN_ORGANIZATION)") UUID leaderMemberId,
            @Schema(example = "王格长") @NotBlank @Size(max = 50) String leaderName,
            @Schema(example = "原格长工作调动") @NotBlank @Size(max = 500) String reason) {
    }

    public record MemberView(UUID memberId, String memberName, LocalDate joinedOn) {
    }

    @Schema(name = "Grid")
    public record GridView(UUID id, UUID organizationId, UUID parentId, int level, String name, UUID leaderMemberId,
            @Schema(description = "null while the grid has no leader: the member who led it transferred away or their "
                    + "membership ended (see history); name a new one with POST /grids/{id}/leader") String leaderName,
            String area, int households, List<MemberView> members, long version) {

        static GridView of(Grid g, List<MemberView> members) {
            return new GridView(g.id(), g.organizationId(), g.parentId(), g.level(), g.name(), g.leaderMemberId(),
                    g.leaderName(), g.area(), g.households(), members, g.version());
        }
    }
}
