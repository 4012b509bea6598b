package org.dangjian.assistance.assistancecase;

import java.math.BigDecimal;

/** The level an amount needs: up to each ceiling inclusive (AssistanceRules.Approval). */
public final class ApprovalPolicy {

    private final BigDecimal branchSecretaryMax;
    private final BigDecimal orgAdminMax;

    public ApprovalPolicy(BigDecimal branchSecretaryMax, BigDecimal orgAdminMax) {
        this.branchSecretaryMax = branchSecretaryMax;
        this.orgAdminMax = orgAdminMax;
    }

    public ApprovalLevel required(BigDecimal amount) {
        if (amount.compareTo(branchSecretaryMax) <= 0) {
            return ApprovalLevel.BRANCH_SECRETARY;
        }
        if (amount.compareTo(orgAdminMax) <= 0) {
            return ApprovalLevel.ORG_ADMIN;
        }
        return ApprovalLevel.PLATFORM_ADMIN;
    }

    /** The requested amounts a level approves and no lower level does: above {@code above}, up to {@code upTo} (null: no bound). */
    public record Band(BigDecimal above, BigDecimal upTo) {
    }

    public Band band(ApprovalLevel level) {
        return switch (level) {
            case BRANCH_SECRETARY -> new Band(null, branchSecretaryMax);
            case ORG_ADMIN -> new Band(branchSecretaryMax, orgAdminMax);
            case PLATFORM_ADMIN -> new Band(orgAdminMax, null);
        };
    }
}
