package org.dangjian.organization.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.dangjian.organization.organization.OrganizationDtos.Page;
import org.dangjian.platform.api.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.UUID;

@Path("/audit-entries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "审计: every write of this service, for auditors")
public class AuditResource {

    @Inject
    AuditQuery query;

    @GET
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.AUDITOR})
    @Operation(summary = "The audit log of your subtree, newest first (keyset pages)",
            description = "Entries about organizations, units, grids, pairings and assessments of your subtree. "
                    + "from/to are civil dates (Asia/Shanghai), both included. Pass nextCursor as `after`.")
    public Page<AuditQuery.EntryView> search(
            @QueryParam("targetType") @Pattern(regexp = "[a-z-]{1,32}") String targetType,
            @QueryParam("targetId") UUID targetId,
            @QueryParam("action") @Pattern(regexp = "[A-Z_]{1,64}") String action,
            @QueryParam("actor") @Size(max = 200) String actor,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("after") UUID after,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return query.search(new AuditQuery.Filter(targetType, targetId, action, actor, from, to), after, size);
    }
}
