package org.dangjian.assistance.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts in yuan with exactly two decimals (fen), as stored in numeric(14,2). */
public final class Money {

    public static final BigDecimal ZERO = new BigDecimal("0.00");

    private Money() {
    }

    /** Request validation allows at most two decimals, so no rounding ever happens here. */
    public static BigDecimal of(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.UNNECESSARY);
    }
}
