package org.dangjian.member.member;

/** 学历 (highest completed). */
public enum Education {
    /** 小学 */
    PRIMARY,
    /** 初中 */
    JUNIOR_SECONDARY,
    /** 高中 / 中专 */
    SENIOR_SECONDARY,
    /** 大专 */
    JUNIOR_COLLEGE,
    /** 大学本科 */
    BACHELOR,
    /** 硕士研究生 */
    MASTER,
    /** 博士研究生 */
    DOCTORATE
}
