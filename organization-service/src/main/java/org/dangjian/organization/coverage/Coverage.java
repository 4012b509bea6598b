package org.dangjian.organization.coverage;

/** How a Party organization covers a unit (党的组织覆盖). */
public enum Coverage {
    /** 单独建立党组织 */
    OWN_BRANCH,
    /** 联合建立党组织 */
    JOINT_BRANCH,
    /** 选派党建指导员 */
    INSTRUCTOR,
    /** 空白点: not covered */
    NONE
}
