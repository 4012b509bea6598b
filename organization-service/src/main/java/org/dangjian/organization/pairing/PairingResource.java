package org.dangjian.organization.pairing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.dangjian.platform.api.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/pairings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Pairing", description = "结对共建 between organizations")
public class PairingResource {

    @Inject
    PairingService service;

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
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "Pairings of one organization, on either side (at most 200, newest first)")
    public List<PairingView> of(@QueryParam("organizationId") @NotNull UUID organizationId) {
        return service.of(organizationId).stream().map(PairingView::of).toList();
    }
}
