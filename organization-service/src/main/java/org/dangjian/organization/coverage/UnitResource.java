package org.dangjian.organization.coverage;

import org.dangjian.platform.api.idempotency.Idempotent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.dangjian.organization.coverage.UnitDtos.ChangeCoverage;
import org.dangjian.organization.coverage.UnitDtos.CoverageRate;
import org.dangjian.organization.coverage.UnitDtos.RegisterUnit;
import org.dangjian.organization.coverage.UnitDtos.UnitView;
import org.dangjian.organization.audit.AuditLog;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import jakarta.ws.rs.BeanParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/units")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Coverage", description = "两个覆盖: non-public enterprises and social organizations and their Party coverage")
public class UnitResource {

    @Inject
    UnitService service;

    @Inject
    AuditLog audit;

    @POST
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN})
    @Operation(summary = "Register a unit", description = "422 UNIT_CREDIT_CODE_INVALID when the GB 32100 check character "
            + "does not match; 409 UNIT_CREDIT_CODE_TAKEN when already registered. Starts uncovered (NONE).")
    public Response register(@Valid @NotNull RegisterUnit request, @Context UriInfo uri) {
        Unit unit = service.register(request);
        return Response.created(uri.getAbsolutePathBuilder().path(unit.id().toString()).build())
                .entity(UnitView.of(unit)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "One unit in your scope")
    public UnitView get(@PathParam("id") UUID id) {
        return UnitView.of(service.get(id));
    }

    @POST
    @Path("/{id}/coverage")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN})
    @Operation(summary = "Record how the unit is covered: own branch, joint branch, instructor, or none",
            description = "Safe to retry: when the unit is already covered exactly so (same way, organization or "
                    + "instructor, and since when sent), 200 with it as it is and nothing audited twice." + Idempotent.DOC)
    public UnitView cover(@PathParam("id") UUID id, @Valid @NotNull ChangeCoverage request) {
        return UnitView.of(service.changeCoverage(id, request));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.AUDITOR})
    @Operation(summary = "What changed in the unit's register entry and coverage, when, by whom and why (oldest first, keyset pages; sort: occurredAt only)")
    public ListPage<AuditLog.Entry> history(@PathParam("id") UUID id, @BeanParam ListQuery query) {
        return audit.history(UnitService.AUDIT_TARGET, service.get(id).id(), query);
    }

    @GET
    @Path("/gaps")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "空白点: uncovered units of your scope (keyset pages in registration order; sort: registered only)",
            description = "orgId: only the units of that organization's subtree (404 ORGANIZATION_NOT_FOUND when unknown "
                    + "or outside your scope, alike).")
    public ListPage<UnitView> gaps(@QueryParam("region") @Pattern(regexp = "[0-9]{0,6}") String region,
            @QueryParam("orgId") UUID orgId, @BeanParam ListQuery query) {
        return service.gaps(region, orgId, query);
    }

    @GET
    @Path("/coverage-rates")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "Coverage rate per region of your scope",
            description = "digits: 2 province, 4 city, 6 county (GB/T 2260). rate = covered / units, 4 decimals. "
                    + "orgId: only the units of that organization's subtree (404 ORGANIZATION_NOT_FOUND when unknown or "
                    + "outside your scope, alike). Keyset pages by region code (sort: regionCode only).")
    public ListPage<CoverageRate> rates(@QueryParam("region") @Pattern(regexp = "[0-9]{0,6}") String region,
            @QueryParam("digits") @DefaultValue("6") @Min(2) @Max(6) int digits, @QueryParam("orgId") UUID orgId,
            @BeanParam ListQuery query) {
        return service.rates(region, digits, orgId, query);
    }
}
