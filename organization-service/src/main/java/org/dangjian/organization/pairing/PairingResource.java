package org.dangjian.organization.pairing;

import org.dangjian.platform.api.idempotency.Idempotent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.dangjian.organization.pairing.PairingDtos.EndPairing;
import org.dangjian.organization.pairing.PairingDtos.Pair;
import org.dangjian.organization.pairing.PairingDtos.PairingView;
import org.dangjian.organization.audit.AuditLog;
import org.dangjian.platform.api.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/pairings")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Pairing", description = "结对共建 between organizations")
public class PairingResource {

    @Inject
    PairingService service;

    @Inject
    AuditLog audit;

    @POST
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN})
    @Operation(summary = "Pair two organizations for a period",
            description = "409 PAIRING_OVERLAPS when the two already have a pairing over part of that period.")
    public Response pair(@Valid @NotNull Pair request) {
        return Response.status(201).entity(PairingView.of(service.pair(request))).build();
    }

    @POST
    @Path("/{id}/end")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN})
    @Operation(summary = "End a pairing early")
    public PairingView end(@PathParam("id") UUID id, @Valid @NotNull EndPairing request) {
        return PairingView.of(service.end(id, request));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "One pairing")
    public PairingView get(@PathParam("id") UUID id) {
        return PairingView.of(service.get(id));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.AUDITOR})
    @Operation(summary = "When the pairing was made and ended, by whom and why (oldest first)")
    public List<AuditLog.Entry> history(@PathParam("id") UUID id,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return audit.history(PairingService.AUDIT_TARGET, service.get(id).id(), page, size);
    }

    @GET
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "Pairings of one organization, on either side (at most 200, newest first)")
    public List<PairingView> of(@QueryParam("organizationId") @NotNull UUID organizationId) {
        return service.of(organizationId).stream().map(PairingView::of).toList();
    }
}
