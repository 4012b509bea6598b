package org.dangjian.organization.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
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

    @Schema(name = "Organization")
    public record OrganizationView(UUID id, String code, String name, OrganizationType type, Sector sector,
            UUID parentId, String path, OrganizationStatus status, LocalDate establishedOn, long version) {

        static OrganizationView of(Organization o) {
            return new OrganizationView(o.id(), o.code(), o.name(), o.type(), o.sector(), o.parentId(), o.path(),
                    o.status(), o.establishedOn(), o.version());
        }
    }
}
