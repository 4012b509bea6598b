package org.dangjian.member.transfer;

/** Where the letter goes: between two branches of the platform, or one-sided to or from outside it. */
public enum TransferKind {
    /** 系统内转接: one state machine across the issuing and the receiving branch */
    WITHIN,
    /** 转出系统外: the issuing branch records the receipt (回执) when it comes back */
    OUTGOING,
    /** 从系统外转入: the receiving branch records the letter it was handed and registers the member */
    INCOMING
}
