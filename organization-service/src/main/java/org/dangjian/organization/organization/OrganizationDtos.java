package org.dangjian.organization.organization;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request and response bodies of the organizations API. */
public final class OrganizationDtos {

    private OrganizationDtos() {
    }

    @Schema(name = "EstablishOrganization", description = "成立党组织: a new node under an existing one")
    public record EstablishOrganization(
            @Schema(example = "西城镇第一村党支部") @NotBlank @Size(max = 100) String name,
            @Schema(example = "BRANCH") @NotNull OrganizationType type,
            @Schema(example = "VILLAGE") Sector sector,
            @Schema(description = "the parent organization; omit only for a root committee (platform-admin)")
            UUID parentId,
            @Schema(description = "human code, unique; generated when omitted", example = "XC-001")
            @Size(min = 2, max = 32) @Pattern(regexp = "[A-Za-z0-9_-]+") String code,
            @Schema(description = "civil date of establishment; today when omitted") @PastOrPresent LocalDate establishedOn) {
    }

    @Schema(name = "RenameOrganization", description = "更名")
    public record RenameOrganization(
            @Schema(example = "西城镇第一村联合党支部") @NotBlank @Size(max = 100) String name,
            @Schema(example = "村支部合并后更名") @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "MoveOrganization", description = "调整隶属关系: re-parent the organization with its subtree")
    public record MoveOrganization(
            @NotNull UUID parentId,
            @Schema(example = "隶属关系调整") @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "DissolveOrganization", description = "撤销: refused while active child organizations remain")
    public record DissolveOrganization(
            @Schema(description = "civil date of dissolution; today when omitted") @PastOrPresent LocalDate dissolvedOn,
            @Schema(example = "企业注销") @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "MergeOrganizations", description = "合并: the absorbed branch is dissolved into this one")
    public record MergeOrganizations(
            @NotNull UUID absorbedId,
            @Schema(description = "civil date of the merge; today when omitted") @PastOrPresent LocalDate mergedOn,
            @Schema(example = "两村合并") @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "SplitPart", description = "one new organization of a split and the child organizations it takes")
    public record SplitPart(
            @NotBlank @Size(max = 100) String name,
            @Size(min = 2, max = 32) @Pattern(regexp = "[A-Za-z0-9_-]+") String code,
            @Size(max = 200) List<@NotNull UUID> childIds,
            @Schema(description = "members (on the original's roster) who move to this part; members of the child "
                    + "organizations listed go with them, everyone else stays. Published in organization.split.")
            @Size(max = 1000) List<@NotNull UUID> memberIds) {
    }

    @Schema(name = "SplitOrganization", description = "拆分: new sibling organizations of the same type take part of it")
    public record SplitOrganization(
            @NotEmpty @Size(max = 20) List<@Valid @NotNull SplitPart> parts,
            @Schema(description = "dissolve the original afterwards (it must then have no active child left)")
            boolean dissolveOriginal,
            @Schema(example = "党员人数超过50人，拆分设立") @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "Organization")
    public record OrganizationView(UUID id, String code, String name, OrganizationType type, Sector sector,
            UUID parentId, String path, OrganizationStatus status, LocalDate establishedOn, LocalDate dissolvedOn,
            String dissolutionReason, UUID mergedIntoId, long version) {

        static OrganizationView of(Organization o) {
            return new OrganizationView(o.id(), o.code(), o.name(), o.type(), o.sector(), o.parentId(), o.path(),
                    o.status(), o.establishedOn(), o.dissolvedOn(), o.dissolutionReason(), o.mergedIntoId(), o.version());
        }
    }

    @Schema(name = "OrganizationChange", description = "one entry of an organization's history")
    public record HistoryView(UUID id, Change change, String actor, Instant occurredAt, LocalDate effectiveOn,
            String reason, Map<String, Object> before, Map<String, Object> after) {

        static HistoryView of(OrganizationHistory h) {
            return new HistoryView(h.id(), h.change(), h.actor(), h.occurredAt(), h.effectiveOn(), h.reason(),
                    h.before(), h.after());
        }
    }

    @Schema(name = "OrganizationAsOf", description = "an organization as it was on a past day")
    public record SnapshotView(UUID id, String code, String name, OrganizationType type, Sector sector, UUID parentId,
            String path, LocalDate validFrom, LocalDate validTo) {
    }

    @Schema(name = "Page", description = "one page; pass nextCursor as `after` for the next one (null on the last page)")
    public record Page<T>(List<T> items, String nextCursor) {
    }
}
