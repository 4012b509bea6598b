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
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import jakarta.ws.rs.BeanParam;
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
    @Operation(summary = "End a pairing early", description = "Safe to retry: when the pairing has already ended (on "
            + "endedOn, when sent), 200 with it as it is and no second history entry; ended on another day stays 422 "
            + "PAIRING_ALREADY_ENDED." + Idempotent.DOC)
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
    @Operation(summary = "When the pairing was made and ended, by whom and why (oldest first, keyset pages; sort: occurredAt only)")
    public ListPage<AuditLog.Entry> history(@PathParam("id") UUID id, @BeanParam ListQuery query) {
        return audit.history(PairingService.AUDIT_TARGET, service.get(id).id(), query);
    }

    @GET
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "Pairings of an organization's subtree, on either side, newest first",
            description = "orgId: that organization's subtree (404 ORGANIZATION_NOT_FOUND when unknown or outside your scope, alike). "
                    + "Keyset pages (sort: -startsOn only).")
    public ListPage<PairingView> of(@QueryParam("orgId") @NotNull UUID orgId, @BeanParam ListQuery query) {
        return service.of(orgId, query).map(PairingView::of);
    }
}
