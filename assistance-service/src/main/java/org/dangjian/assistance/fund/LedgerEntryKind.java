package org.dangjian.assistance.fund;

/** A movement on a budget: its amount set or changed, or money paid out. */
public enum LedgerEntryKind {
    /** 预算下达: the year's budget set for the first time. */
    ALLOCATION,
    /** 预算调整: the year's budget raised or lowered (the signed difference). */
    ADJUSTMENT,
    /** 支出: money paid out of the budget. */
    DISBURSEMENT
}
