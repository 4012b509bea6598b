package org.dangjian.assistance.beneficiary;

/** Why someone needs assistance (DOMAIN.md §4). */
public enum HardshipCategory {
    /** 生活困难 */
    LIVING_HARDSHIP,
    /** 大病 */
    ILLNESS,
    /** 因灾 */
    DISASTER,
    /** 残疾 */
    DISABILITY,
    /** 失业 */
    UNEMPLOYMENT,
    /** 高龄空巢 */
    ELDERLY_ALONE,
    /** 助学 */
    SCHOOLING
}
