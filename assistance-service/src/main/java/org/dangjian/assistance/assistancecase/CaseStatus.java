package org.dangjian.assistance.assistancecase;

/** Where an assistance case (帮扶档案) stands. */
public enum CaseStatus {
    /** 申请 */
    APPLIED,
    /** 入户核实 done */
    VERIFIED,
    /** 支部审议 done */
    BRANCH_REVIEWED,
    /** 审批 done at the level the amount requires */
    APPROVED,
    /** 公示 running or ended, objections possible */
    PUBLIC_NOTICE,
    /** 发放 done */
    DISBURSED,
    /** 回访: at least one follow-up visit recorded */
    FOLLOW_UP,
    /** 结案 */
    CLOSED,
    /** 不予帮扶 */
    REJECTED;

    public boolean isOpen() {
        return this != CLOSED && this != REJECTED;
    }
}
