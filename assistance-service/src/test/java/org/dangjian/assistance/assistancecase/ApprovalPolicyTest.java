package org.dangjian.assistance.assistancecase;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApprovalPolicyTest {

    private final ApprovalPolicy policy = new ApprovalPolicy(new BigDecimal("2000.00"), new BigDecimal("10000.00"));

    @Test
    void aBranchSecretaryApprovesUpToTheirCeilingInclusive() {
        assertEquals(ApprovalLevel.BRANCH_SECRETARY, policy.required(new BigDecimal("1999.99")));
        assertEquals(ApprovalLevel.BRANCH_SECRETARY, policy.required(new BigDecimal("2000.00")));
        assertEquals(ApprovalLevel.ORG_ADMIN, policy.required(new BigDecimal("2000.01")));
    }

    @Test
    void anOrgAdminApprovesUpToTheirCeilingAndAPlatformAdminAboveIt() {
        assertEquals(ApprovalLevel.ORG_ADMIN, policy.required(new BigDecimal("9999.99")));
        assertEquals(ApprovalLevel.ORG_ADMIN, policy.required(new BigDecimal("10000.00")));
        assertEquals(ApprovalLevel.PLATFORM_ADMIN, policy.required(new BigDecimal("10000.01")));
    }

    @Test
    void aHigherLevelCoversALowerOne() {
        assertTrue(ApprovalLevel.PLATFORM_ADMIN.covers(ApprovalLevel.BRANCH_SECRETARY));
        assertTrue(ApprovalLevel.ORG_ADMIN.covers(ApprovalLevel.ORG_ADMIN));
        assertFalse(ApprovalLevel.BRANCH_SECRETARY.covers(ApprovalLevel.ORG_ADMIN));
    }
}
