package org.dangjian.assistance.assistancecase;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dangjian.assistance.beneficiary.BeneficiaryKind;
import org.dangjian.platform.messaging.Outbox;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What assistance-service tells other services, through its outbox (schemas in events/). Events carry
 * ids, amounts and dates only: never a name, national ID or hardship detail.
 */
@ApplicationScoped
public class CaseEvents {

    public static final String TOPIC = "dangjian.assistance.v1";
    public static final String CASE_OPENED = "assistance.case-opened";
    public static final String CASE_APPROVED = "assistance.case-approved";
    public static final String DISBURSED = "assistance.disbursed";
    public static final String CASE_CLOSED = "assistance.case-closed";

    public record CaseOpened(UUID caseId, UUID beneficiaryId, BeneficiaryKind beneficiaryKind, UUID orgId, String category,
            BigDecimal requestedAmount, LocalDate appliedOn, boolean onBehalf, long version) {
    }

    public record CaseApproved(UUID caseId, UUID orgId, BigDecimal approvedAmount, ApprovalLevel approvalLevel,
            LocalDate approvedOn, long version) {
    }

    public record Disbursed(UUID caseId, UUID orgId, UUID fundId, UUID ledgerEntryId, BigDecimal amount,
            LocalDate disbursedOn, long version) {
    }

    public record CaseClosed(UUID caseId, UUID orgId, CaseOutcome outcome, LocalDate closedOn, long version) {
    }

    @Inject
    Outbox outbox;

    void opened(AssistanceCase c, BeneficiaryKind kind) {
        outbox.publish(TOPIC, CASE_OPENED, c.id(), new CaseOpened(c.id(), c.beneficiaryId(), kind, c.orgId(),
                c.category().name(), c.requestedAmount(), c.appliedOn(), c.onBehalf(), c.version()));
    }

    void approved(AssistanceCase c) {
        outbox.publish(TOPIC, CASE_APPROVED, c.id(), new CaseApproved(c.id(), c.orgId(), c.approvedAmount(),
                c.approvalLevel(), c.approvedOn(), c.version()));
    }

    void disbursed(AssistanceCase c) {
        outbox.publish(TOPIC, DISBURSED, c.id(), new Disbursed(c.id(), c.orgId(), c.fundId(), c.ledgerEntryId(),
                c.disbursedAmount(), c.disbursedOn(), c.version()));
    }

    void closed(AssistanceCase c) {
        outbox.publish(TOPIC, CASE_CLOSED, c.id(), new CaseClosed(c.id(), c.orgId(), c.outcome(), c.closedOn(), c.version()));
    }
}
