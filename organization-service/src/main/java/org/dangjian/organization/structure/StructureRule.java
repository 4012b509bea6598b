package org.dangjian.organization.structure;

/** What can be wrong with the structure itself (组织设置), each a stable code for reports. */
public enum StructureRule {
    /** 支部正式党员不足3人 */
    BRANCH_TOO_FEW_FULL_MEMBERS,
    /** 支部党员超过50人 */
    BRANCH_TOO_MANY_MEMBERS,
    /** 正式党员7人以上未设支部委员会 */
    BRANCH_COMMITTEE_MISSING,
    /** 书记空缺 */
    SECRETARY_VACANT,
    /** 任期届满未换届 */
    TERM_EXPIRED
}
