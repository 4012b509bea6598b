package org.dangjian.assistance.assistancecase;

import java.util.EnumSet;
import java.util.Set;

import static org.dangjian.assistance.assistancecase.CaseStatus.APPLIED;
import static org.dangjian.assistance.assistancecase.CaseStatus.APPROVED;
import static org.dangjian.assistance.assistancecase.CaseStatus.BRANCH_REVIEWED;
import static org.dangjian.assistance.assistancecase.CaseStatus.CLOSED;
import static org.dangjian.assistance.assistancecase.CaseStatus.DISBURSED;
import static org.dangjian.assistance.assistancecase.CaseStatus.FOLLOW_UP;
import static org.dangjian.assistance.assistancecase.CaseStatus.PUBLIC_NOTICE;
import static org.dangjian.assistance.assistancecase.CaseStatus.REJECTED;
import static org.dangjian.assistance.assistancecase.CaseStatus.VERIFIED;

/**
 * The transitions table of the case workflow: each step, the states it may be taken from, the state
 * it leads to, and the problem code that refuses it out of order (409).
 */
public enum CaseStep {
    VERIFY(EnumSet.of(APPLIED), VERIFIED, "CASE_NOT_AWAITING_VERIFICATION"),
    BRANCH_REVIEW(EnumSet.of(VERIFIED), BRANCH_REVIEWED, "CASE_NOT_AWAITING_BRANCH_REVIEW"),
    APPROVE(EnumSet.of(BRANCH_REVIEWED), APPROVED, "CASE_NOT_AWAITING_APPROVAL"),
    /** Refused at branch review or at approval, or after an objection to the public notice was upheld. */
    REJECT(EnumSet.of(VERIFIED, BRANCH_REVIEWED, PUBLIC_NOTICE), REJECTED, "CASE_NOT_REJECTABLE"),
    START_PUBLIC_NOTICE(EnumSet.of(APPROVED), PUBLIC_NOTICE, "CASE_NOT_AWAITING_PUBLIC_NOTICE"),
    DISBURSE(EnumSet.of(PUBLIC_NOTICE), DISBURSED, "CASE_NOT_AWAITING_DISBURSEMENT"),
    FOLLOW_UP_VISIT(EnumSet.of(DISBURSED, FOLLOW_UP), FOLLOW_UP, "CASE_NOT_AWAITING_FOLLOW_UP"),
    CLOSE(EnumSet.of(FOLLOW_UP), CLOSED, "CASE_NOT_CLOSABLE");

    private final Set<CaseStatus> from;
    private final CaseStatus to;
    private final String outOfOrderCode;

    CaseStep(Set<CaseStatus> from, CaseStatus to, String outOfOrderCode) {
        this.from = from;
        this.to = to;
        this.outOfOrderCode = outOfOrderCode;
    }

    public boolean allowedFrom(CaseStatus status) {
        return from.contains(status);
    }

    public CaseStatus target() {
        return to;
    }

    public String outOfOrderCode() {
        return outOfOrderCode;
    }
}
