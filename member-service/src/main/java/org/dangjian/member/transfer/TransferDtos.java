package org.dangjian.member.transfer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dangjian.member.member.MemberDtos.RegisterMember;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** Request and response bodies of the transfers API. */
public final class TransferDtos {

    static final String LETTER_NUMBER = "[A-Za-z0-9()（）〔〕\\[\\]第号字-]{2,40}";

    private TransferDtos() {
    }

    @Schema(name = "IssueTransfer", description = "开具组织关系介绍信: to a branch of the platform (toOrgId) or to an "
            + "organization outside it (toOutsideOrganization), exactly one of the two")
    public record IssueTransfer(
            @NotNull UUID memberId,
            @Schema(description = "receiving branch in the platform") UUID toOrgId,
            @Schema(example = "中共上海市某区某街道工委") @Size(min = 2, max = 100) String toOutsideOrganization,
            @Schema(description = "generated when omitted", example = "ZJ2026-000123") @Pattern(regexp = LETTER_NUMBER)
            String letterNumber,
            @Schema(description = "days the letter stays valid; the configured default when omitted") @Min(1)
            Integer validityDays,
            @Schema(description = "date on the letter; today when omitted") @PastOrPresent LocalDate issuedOn,
            @Size(max = 500) String note) {
    }

    @Schema(name = "ReceiveTransfer", description = "从系统外转入: the letter handed to the receiving branch, and the member's record")
    public record ReceiveTransfer(
            @NotBlank @Pattern(regexp = LETTER_NUMBER) String letterNumber,
            @Schema(example = "中共福州市某区某社区委员会") @NotBlank @Size(min = 2, max = 100) String fromOutsideOrganization,
            @NotNull @PastOrPresent LocalDate issuedOn,
            @Size(max = 500) String note,
            @Schema(description = "the record to register in the receiving branch (orgId)") @NotNull @Valid RegisterMember member) {
    }

    @Schema(name = "AcceptTransfer")
    public record AcceptTransfer(
            @Schema(description = "date of the receipt (回执); today when omitted") @PastOrPresent LocalDate acceptedOn) {
    }

    @Schema(name = "TransferDecision", description = "why the letter is rejected or withdrawn")
    public record Decision(@NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "Transfer")
    public record TransferView(UUID id, String letterNumber, UUID memberId, String memberName, TransferKind kind,
            UUID fromOrgId, UUID toOrgId, String outsideOrganization, TransferStatus status, LocalDate issuedOn,
            LocalDate validUntil, String note, LocalDate decidedOn, String decidedBy, String reason, long version) {

        static TransferView of(Transfer t) {
            return new TransferView(t.id(), t.letterNumber(), t.memberId(), t.memberName(), t.kind(), t.fromOrgId(),
                    t.toOrgId(), t.outsideOrganization(), t.status(), t.issuedOn(), t.validUntil(), t.note(), t.decidedOn(),
                    t.decidedBy(), t.reason(), t.version());
        }
    }
}
