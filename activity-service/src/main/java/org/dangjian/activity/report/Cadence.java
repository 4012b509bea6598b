package org.dangjian.activity.report;

import org.dangjian.activity.config.ActivityRules.Unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * "At least {@code minimum} per {@code per}" (支部工作条例: a committee meeting a month, a general meeting a quarter),
 * checked in EACH month, quarter or year of a report's period, never on the period's total: twelve committee meetings
 * all held in December are eleven months without one. The report's statement counts what was held in each unit;
 * this writes the SQL that flags the units below the minimum (one bit per unit, in order, so a branch's row carries
 * them in one integer) and reads the flags back as the units' labels.
 */
public record Cadence(int minimum, Unit per) {

    public Cadence {
        Objects.requireNonNull(per, "per");
        if (minimum < 0) {
            throw new IllegalArgumentException("a minimum of " + minimum + " per " + per);
        }
    }

    /** The units the period owes this cadence in; none when the minimum is 0 or a unit is longer than the period. */
    public List<ReportPeriod> unitsIn(ReportPeriod period) {
        return minimum == 0 ? List.of() : period.units(per);
    }

    public boolean owedIn(ReportPeriod period) {
        return !unitsIn(period).isEmpty();
    }

    /** What the whole period requires: the minimum in each of its units (the report's {@code required}). */
    public int requiredIn(ReportPeriod period) {
        return minimum * unitsIn(period).size();
    }

    /**
     * SQL: an integer whose bit k is set when unit k held fewer than the minimum, from one SQL expression per unit
     * (in order) counting what was held in it. A null count is none held.
     */
    public String missedMask(List<String> heldPerUnit) {
        if (heldPerUnit.isEmpty() || heldPerUnit.size() > 30) {
            throw new IllegalArgumentException(heldPerUnit.size() + " units");
        }
        List<String> bits = new ArrayList<>();
        for (int k = 0; k < heldPerUnit.size(); k++) {
            bits.add("case when coalesce(%s, 0) < %d then %d else 0 end".formatted(heldPerUnit.get(k), minimum, 1 << k));
        }
        return "(" + String.join(" + ", bits) + ")";
    }

    /** The labels ("2025-03", "2025-Q2", "2025") of the period's units whose bit is set in {@code mask}. */
    public List<String> missedPeriods(int mask, ReportPeriod period) {
        List<ReportPeriod> units = unitsIn(period);
        List<String> missed = new ArrayList<>();
        for (int k = 0; k < units.size(); k++) {
            if ((mask & (1 << k)) != 0) {
                missed.add(units.get(k).label());
            }
        }
        return missed;
    }
}
