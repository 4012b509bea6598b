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
}
