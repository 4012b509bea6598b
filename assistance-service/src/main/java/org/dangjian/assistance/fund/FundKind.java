package org.dangjian.assistance.fund;

/** Where assistance money comes from. */
public enum FundKind {
    /** 党费留存: the share of Party dues an organization keeps. */
    RETAINED_DUES,
    /** 专项资金: money allotted for assistance by a higher level or a government department. */
    SPECIAL,
    /** 捐赠: donations. */
    DONATION
}
