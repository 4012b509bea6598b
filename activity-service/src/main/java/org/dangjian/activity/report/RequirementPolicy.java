package org.dangjian.activity.report;

import org.dangjian.activity.activity.ActivityType;
import org.dangjian.activity.activity.HeldActivities;
import org.dangjian.activity.config.ActivityRules;
import org.dangjian.activity.config.ActivityRules.Condition;
import org.dangjian.activity.config.ActivityRules.Frequency;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One requirement of organizational life (支部工作条例, DOMAIN.md §3): at least so many activities of a type in each
 * month, quarter or year ({@link Cadence}), owed by the branches of some sectors (none named: every sector, less
 * {@code exceptSectors}) under a condition (a committee, Party groups). It writes the SQL the compliance report's
 * statement needs of it, from the expressions that statement has at hand; nothing of it is hidden in migrations.
 */
public record RequirementPolicy(ActivityType type, Cadence cadence, Set<Sector> sectors, Set<Sector> exceptSectors,
        Condition appliesWhen) {

    public RequirementPolicy {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(cadence, "cadence");
        Objects.requireNonNull(appliesWhen, "appliesWhen");
        sectors = Set.copyOf(sectors);
        exceptSectors = Set.copyOf(exceptSectors);
    }

    /** What a branch is, as SQL expressions of the statement: its full members, whether it has groups, its sector. */
    public record BranchFacts(String fullMembers, String hasGroups, String sector) {
    }

    /** The column of the organizations' year-to-date figures that keeps this type's held activities. */
    public String heldColumn() {
        return HeldActivities.heldColumn(type);
    }

    /**
     * SQL: the activities held in {@code unit} (a month, quarter or year of one calendar year), from an organization's
     * year-to-date array {@code ytd} of this type (element k: held from 1 January to the end of month k; null: none).
     */
    public String heldIn(ReportPeriod unit, String ytd) {
        String toEnd = "coalesce(%s[%d], 0)".formatted(ytd, unit.lastMonth());
        // element 0 does not exist: nothing is held before January
        return unit.firstMonth() == 1 ? toEnd : toEnd + " - coalesce(%s[%d], 0)".formatted(ytd, unit.firstMonth() - 1);
    }

    /** SQL boolean: the branch owes this requirement at all (its sector and the condition), whatever the period. */
    public String owedBy(BranchFacts branch, int committeeThreshold) {
        List<String> conditions = new ArrayList<>();
        if (!sectors.isEmpty()) {
            conditions.add("coalesce(%s in (%s), false)".formatted(branch.sector(), literals(sectors)));
        }
        if (!exceptSectors.isEmpty()) {
            // a branch whose sector is not known owes the general rules
            conditions.add("coalesce(%s not in (%s), true)".formatted(branch.sector(), literals(exceptSectors)));
        }
        switch (appliesWhen) {
            case ALWAYS -> {
            }
            case HAS_COMMITTEE -> conditions.add("coalesce(%s, 0) >= %d".formatted(branch.fullMembers(), committeeThreshold));
            case HAS_GROUPS -> conditions.add("coalesce(%s, false)".formatted(branch.hasGroups()));
        }
        return conditions.isEmpty() ? "true" : "(" + String.join(" and ", conditions) + ")";
    }

    /** Whether it reads the branches' sectors (else the statement need not join them). */
    public boolean readsSector() {
        return !sectors.isEmpty() || !exceptSectors.isEmpty();
    }

    /** Enum names only: safe to write into the statement. */
    private static String literals(Set<Sector> sectors) {
        return sectors.stream().map(s -> "'" + s.name() + "'").sorted().collect(Collectors.joining(", "));
    }

    /**
     * The configured requirements: each type of {@code frequencies} for every branch but those of a sector that
     * {@code sector-frequencies} gives its own frequency of the type, and each of those for its sector's branches
     * (a minimum of 0 there exempts the sector). In type order, so each branch's requirements come in type order;
     * at most one policy of a type applies to a branch.
     */
    public static List<RequirementPolicy> configured(ActivityRules rules) {
        Map<String, Map<String, Frequency>> bySector = rules.sectorFrequencies();
        List<RequirementPolicy> policies = new ArrayList<>();
        rules.frequencies().forEach((type, frequency) -> {
            Set<Sector> overridden = EnumSet.noneOf(Sector.class);
            bySector.forEach((sector, frequencies) -> {
                if (frequencies.containsKey(type)) {
                    overridden.add(sector(sector));
                }
            });
            policies.add(new RequirementPolicy(type(type), new Cadence(frequency.minimum(), frequency.per()), Set.of(),
                    overridden, frequency.appliesWhen()));
        });
        bySector.forEach((sector, frequencies) -> frequencies.forEach((type, frequency) -> policies.add(new RequirementPolicy(
                type(type), new Cadence(frequency.minimum(), frequency.per()), Set.of(sector(sector)), Set.of(),
                frequency.appliesWhen()))));
        policies.removeIf(p -> p.cadence().minimum() == 0);
        policies.sort(Comparator.comparing((RequirementPolicy p) -> p.type().name())
                .thenComparing(p -> p.sectors().stream().map(Enum::name).sorted().toList().toString()));
        return List.copyOf(policies);
    }

    private static ActivityType type(String name) {
        try {
            return ActivityType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dangjian.activity: no activity type " + name, e);
        }
    }

    private static Sector sector(String name) {
        try {
            return Sector.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dangjian.activity.sector-frequencies: no sector " + name, e);
        }
    }
}
