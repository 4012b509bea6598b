package org.dangjian.member.me;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.dangjian.member.dues.DuesDtos.Pay;
import org.dangjian.member.dues.DuesDtos.PaymentView;
import org.dangjian.member.dues.DuesDtos.Statement;
import org.dangjian.member.dues.DuesService;
import org.dangjian.member.member.MaskedMemberReads;
import org.dangjian.member.member.MemberAccess;
import org.dangjian.member.member.MemberDtos.MemberView;
import org.dangjian.member.transfer.TransferDtos.TransferView;
import org.dangjian.member.transfer.TransferService;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.idempotency.Idempotent;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.YearMonth;
import java.util.UUID;

/**
 * The token's own member (a member's mobile front-end): the member id comes from the token's {@code member_id}
 * claim, never from the request, so no one reaches another's record through here. Any role may carry one
 * (a secretary is a member too); a token without it is 403 NO_MEMBER_IDENTITY.
 */
@Path("/me")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "我的: the token's own member record, dues and transfers")
@RolesAllowed({Caller.MEMBER, Caller.BRANCH_SECRETARY, Caller.ORG_ADMIN, Caller.PLATFORM_ADMIN, Caller.AUDITOR})
public class MeResource {

    static final String MONTH = "\\d{4}-(0[1-9]|1[0-2])";

    @Inject
    Caller caller;

    @Inject
    MaskedMemberReads maskedReads;

    @Inject
    DuesService dues;

    @Inject
    TransferService transfers;

    @GET
    @Operation(summary = "My member record (我的档案)",
            description = "National ID and phone masked as in a staff list (masked=true): a phone screen needs no full "
                    + "value, and a full read stays one record at a time through GET /members/{id}, audited. "
                    + "403 NO_MEMBER_IDENTITY when the token names no member; 404 MEMBER_NOT_FOUND when it names one "
                    + "this service does not know.")
    public MemberView profile() {
        UUID me = caller.requireMemberId();
        return maskedReads.anywhere(me).orElseThrow(() -> MemberAccess.notFound(me));
    }

    @GET
    @Path("/dues")
    @Operation(summary = "My dues statement (我的党费) up to a month (this month when omitted)",
            description = "The statement of GET /members/{id}/dues for the token's own member.")
    public Statement dues(@QueryParam("asOf") @Pattern(regexp = MONTH) String asOf) {
        return dues.ownStatement(caller.requireMemberId(), asOf == null ? null : YearMonth.parse(asOf));
    }

    @GET
    @Path("/dues/payments")
    @Operation(summary = "My dues payments",
            description = "sort: -month (default, newest first) or month.")
    public ListPage<PaymentView> payments(@BeanParam ListQuery query) {
        return dues.ownPayments(caller.requireMemberId(), query);
    }

    @POST
    @Path("/dues/payments")
    @Operation(summary = "Pay my dues for one or several months (交纳党费)",
            description = "The rule of POST /members/{id}/dues/payments: each month at the base of its year; 409 "
                    + "DUES_MONTH_ALREADY_PAID when a month is paid, 422 DUES_BASE_NOT_SET, DUES_MONTH_BEFORE_ADMISSION, "
                    + "DUES_MONTH_WAIVED, DUES_NOT_A_PARTY_MEMBER. Send an Idempotency-Key: a retry with it answers the "
                    + "first receipt and pays nothing twice.")
    public Response pay(@Valid @NotNull Pay request) {
        return Response.status(Response.Status.CREATED)
                .entity(dues.payOwn(caller.requireMemberId(), request.months(), request.paidOn())).build();
    }

    @GET
    @Path("/transfers")
    @Operation(summary = "My transfers of organizational relationship (我的组织关系转接)",
            description = "Every letter about me, newest first; sort: -issuedOn (default) or issuedOn.")
    public ListPage<TransferView> transfers(@BeanParam ListQuery query) {
        return transfers.ofOwnMember(caller.requireMemberId(), query);
    }
}
