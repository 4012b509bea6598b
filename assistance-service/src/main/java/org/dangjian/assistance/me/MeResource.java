package org.dangjian.assistance.me;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dangjian.assistance.assistancecase.CaseDtos.CaseView;
import org.dangjian.assistance.assistancecase.CaseService;
import org.dangjian.assistance.pairing.PairingDtos.PairingView;
import org.dangjian.assistance.pairing.PairingDtos.VisitView;
import org.dangjian.assistance.pairing.PairingService;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The token's own member (its {@code member_id}, never an id from the request): their cases, pairings and visits.
 * Any role may call it; a token that names no member is 403 NO_MEMBER_IDENTITY.
 */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "The caller's own cases, pairings and visits")
public class MeResource {

    @Inject
    CaseService cases;

    @Inject
    PairingService pairings;

    @GET
    @Path("/cases")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION, Caller.MEMBER})
    @Operation(summary = "Your own cases (帮扶档案), where you are the beneficiary",
            description = "Wherever the case is now (it follows you when you transfer). The description is yours and shown "
                    + "to you unmasked; nothing of anyone else's. sort: appliedOn (default, oldest first) or -appliedOn. "
                    + "403 NO_MEMBER_IDENTITY when the token names no member.")
    public ListPage<CaseView> cases(@BeanParam ListQuery query) {
        return cases.mine(query);
    }

    @GET
    @Path("/pairings")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION, Caller.MEMBER})
    @Operation(summary = "Your own pairings (结对帮扶), current and ended",
            description = "Those where you look after a beneficiary (memberId is yours) and those where you, as a member "
                    + "beneficiary, are looked after. sort: startedOn (default) or -startedOn. 403 NO_MEMBER_IDENTITY when "
                    + "the token names no member.")
    public ListPage<PairingView> pairings(@BeanParam ListQuery query) {
        return pairings.myPairings(query);
    }

    @GET
    @Path("/visits")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.AUDITOR, Caller.INTEGRATION, Caller.MEMBER})
    @Operation(summary = "Your own visit log entries (民情日记)",
            description = "Visits you made as a pair partner (visitorMemberId is yours) and visits made to you as a member "
                    + "beneficiary; findings are never listed. sort: -visitedOn (default, newest first) or visitedOn. 403 "
                    + "NO_MEMBER_IDENTITY when the token names no member.")
    public ListPage<VisitView> visits(@BeanParam ListQuery query) {
        return pairings.myVisits(query);
    }
}
