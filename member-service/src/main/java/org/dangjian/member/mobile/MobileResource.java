package org.dangjian.member.mobile;

import org.dangjian.platform.api.idempotency.Idempotent;
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
import org.dangjian.member.mobile.MobileDtos.EndMobility;
import org.dangjian.member.mobile.MobileDtos.MobileView;
import org.dangjian.member.mobile.MobileDtos.RegisterMobile;
import org.dangjian.platform.api.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/members/{id}/mobility")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Mobile members", description = "流动党员")
public class MobileResource {

    @Inject
    MobileService service;

    @POST
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Register the member as mobile (登记流动党员)", description = "By the home branch; one active registration per member.")
    public Response register(@PathParam("id") UUID id, @Valid @NotNull RegisterMobile request) {
        return Response.status(Response.Status.CREATED).entity(service.register(id, request)).build();
    }

    @GET
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.MEMBER})
    @Operation(summary = "The member's current mobile registration")
    public MobileView current(@PathParam("id") UUID id) {
        return service.current(id);
    }

    @POST
    @Path("/end")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "End the mobile registration (returned home, or transferred)",
            description = "Safe to retry: when the last registration already ended on the same endedOn for the same reason, "
                    + "200 with it as it is (no second audit entry); with no active registration otherwise, 404 MOBILE_NOT_REGISTERED.")
    public MobileView end(@PathParam("id") UUID id, @Valid @NotNull EndMobility request) {
        return service.end(id, request.endedOn(), request.reason());
    }
}
