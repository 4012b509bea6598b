package org.dangjian.member.member;

/** 人员类别: also selects the dues bracket table that applies. */
public enum MemberCategory {
    /** 在职 */
    EMPLOYED,
    /** 离退休 */
    RETIRED,
    /** 农民 */
    FARMER,
    /** 学生 */
    STUDENT,
    /** 下岗失业 */
    UNEMPLOYED,
    /** 其他 (e.g. living on relief 依靠救济) */
    OTHER
}
