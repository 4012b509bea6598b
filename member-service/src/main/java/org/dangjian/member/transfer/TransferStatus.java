package org.dangjian.member.transfer;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The life of an introduction letter (介绍信): issued, then answered once, or withdrawn or left to expire. */
public enum TransferStatus {
    /** 已开具, awaiting the receiving side's answer */
    ISSUED,
    /** 已接收 (回执) */
    ACCEPTED,
    /** 已退回, with a reason */
    REJECTED,
    /** 已撤回 by the issuing branch */
    CANCELLED,
    /** 已过期: unanswered within the letter's validity */
    EXPIRED;

    private static final Map<TransferStatus, Set<TransferStatus>> ALLOWED = Map.of(
            ISSUED, EnumSet.of(ACCEPTED, REJECTED, CANCELLED, EXPIRED),
            ACCEPTED, EnumSet.noneOf(TransferStatus.class),
            REJECTED, EnumSet.noneOf(TransferStatus.class),
            CANCELLED, EnumSet.noneOf(TransferStatus.class),
            EXPIRED, EnumSet.noneOf(TransferStatus.class));

    public boolean mayBecome(TransferStatus next) {
        return ALLOWED.get(this).contains(next);
    }
}
