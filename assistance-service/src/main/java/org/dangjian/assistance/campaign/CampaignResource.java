package org.dangjian.assistance.campaign;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.dangjian.assistance.campaign.CampaignDtos.AddRecipient;
import org.dangjian.assistance.campaign.CampaignDtos.CampaignView;
import org.dangjian.assistance.campaign.CampaignDtos.Delivery;
import org.dangjian.assistance.campaign.CampaignDtos.RecipientView;
import org.dangjian.assistance.campaign.CampaignDtos.StartCampaign;
import org.dangjian.platform.api.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/campaigns")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Condolence campaigns", description = "节日慰问: recipients and amounts, delivered one by one from a fund")
public class CampaignResource {

    @Inject
    CampaignService service;

    @POST
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN})
    @Operation(summary = "Start a campaign (e.g. Spring Festival) for an organization in your scope")
    public Response start(@Valid @NotNull StartCampaign request, @Context UriInfo uri) {
        CampaignView view = service.start(request);
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION})
    @Operation(summary = "A campaign with its recipients and totals planned and delivered")
    public CampaignView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/recipients")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Put a beneficiary of the campaign's subtree on the list with an amount")
    public Response addRecipient(@PathParam("id") UUID id, @Valid @NotNull AddRecipient request) {
        return Response.status(Response.Status.CREATED).entity(service.addRecipient(id, request)).build();
    }

    @POST
    @Path("/{id}/recipients/{recipientId}/delivery")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY})
    @Operation(summary = "Mark a recipient delivered (已送达)",
            description = "Pays the amount from the campaign's fund; 409 BUDGET_EXCEEDED. On a recipient already DELIVERED: 200 with "
                    + "the recipient as it stands, paid once (a retry).")
    public RecipientView deliver(@PathParam("id") UUID id, @PathParam("recipientId") UUID recipientId,
            @Valid @NotNull Delivery delivery) {
        return service.deliver(id, recipientId, delivery);
    }
}
