package org.dangjian.member.dues;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.dangjian.member.dues.DuesDtos.Statement;
import org.dangjian.platform.api.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

@Path("/dues")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dues", description = "党费: yearly base, monthly payments, arrears")
public class ArrearsResource {

    @Inject
    DuesService service;

    @GET
    @Path("/arrears")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR})
    @Operation(summary = "Members of a branch in arrears (欠缴党费), lapsed ones (6 consecutive unpaid months) first",
            description = "One order (lapsed first, then by member id), paged by cursor; a branch, not a subtree: each "
                    + "member's statement is computed from its months.")
    public ListPage<Statement> arrears(@QueryParam("branchId") @NotNull UUID branchId,
            @QueryParam("asOf") @Pattern(regexp = DuesResource.MONTH) String asOf, @BeanParam ListQuery query) {
        return service.arrears(branchId, asOf == null ? null : YearMonth.parse(asOf), query);
    }
}
