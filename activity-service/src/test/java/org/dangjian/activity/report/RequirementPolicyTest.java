package org.dangjian.activity.report;

import org.dangjian.activity.activity.ActivityType;
import org.dangjian.activity.config.ActivityRules;
import org.dangjian.activity.config.ActivityRules.Condition;
import org.dangjian.activity.config.ActivityRules.Frequency;
import org.dangjian.activity.config.ActivityRules.Unit;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The requirements read from the configuration: general ones, per-sector ones, and how the two combine. */
class RequirementPolicyTest {

    private static final ReportPeriod YEAR = ReportPeriod.of(2025, null, null);

    @Test
    void eachConfiguredTypeIsARequirementOfEveryBranchInTypeOrder() {
        List<RequirementPolicy> policies = RequirementPolicy.configured(rules(Map.of(
                "THEMED_PARTY_DAY", every(1, Unit.MONTH, Condition.ALWAYS),
                "BRANCH_COMMITTEE_MEETING", every(1, Unit.MONTH, Condition.HAS_COMMITTEE)), Map.of()));
        assertEquals(List.of(ActivityType.BRANCH_COMMITTEE_MEETING, ActivityType.THEMED_PARTY_DAY),
                policies.stream().map(RequirementPolicy::type).toList());
        assertTrue(policies.stream().allMatch(p -> p.sectors().isEmpty() && p.exceptSectors().isEmpty()));
        assertEquals(Condition.HAS_COMMITTEE, policies.get(0).appliesWhen());
    }

    @Test
    void aSectorsOwnFrequencyReplacesTheGeneralOneForItsBranchesOnly() {
        List<RequirementPolicy> policies = RequirementPolicy.configured(rules(Map.of(
                "THEMED_PARTY_DAY", every(1, Unit.MONTH, Condition.ALWAYS)),
                Map.of("GOVERNMENT_ORGAN", Map.of("THEMED_PARTY_DAY", every(2, Unit.MONTH, Condition.ALWAYS)))));
        assertEquals(2, policies.size());
        RequirementPolicy general = policies.stream().filter(p -> p.sectors().isEmpty()).findFirst().orElseThrow();
        RequirementPolicy organs = policies.stream().filter(p -> !p.sectors().isEmpty()).findFirst().orElseThrow();
        assertEquals(Set.of(Sector.GOVERNMENT_ORGAN), general.exceptSectors());
        assertEquals(new Cadence(1, Unit.MONTH), general.cadence());
        assertEquals(Set.of(Sector.GOVERNMENT_ORGAN), organs.sectors());
        assertEquals(new Cadence(2, Unit.MONTH), organs.cadence());
        assertEquals(24, organs.cadence().requiredIn(YEAR));
    }

    @Test
    void aTypeOnlyOneSectorOwesIsNoRequirementOfTheOthers() {
        List<RequirementPolicy> policies = RequirementPolicy.configured(rules(Map.of(),
                Map.of("GOVERNMENT_ORGAN", Map.of("STUDY_SESSION", every(24, Unit.YEAR, Condition.ALWAYS)))));
        assertEquals(List.of(new RequirementPolicy(ActivityType.STUDY_SESSION, new Cadence(24, Unit.YEAR),
                Set.of(Sector.GOVERNMENT_ORGAN), Set.of(), Condition.ALWAYS)), policies);
    }

    @Test
    void aSectorsMinimumOfZeroExemptsIt() {
        List<RequirementPolicy> policies = RequirementPolicy.configured(rules(Map.of(
                "GROUP_MEETING", every(1, Unit.MONTH, Condition.HAS_GROUPS)),
                Map.of("MOBILE", Map.of("GROUP_MEETING", every(0, Unit.MONTH, Condition.HAS_GROUPS)))));
        assertEquals(1, policies.size());
        assertEquals(Set.of(Sector.MOBILE), policies.get(0).exceptSectors());
    }

    @Test
    void anUnknownSectorOrTypeInTheConfigurationIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RequirementPolicy.configured(rules(Map.of(),
                Map.of("GOVERMENT_ORGAN", Map.of("STUDY_SESSION", every(24, Unit.YEAR, Condition.ALWAYS))))));
        assertThrows(IllegalArgumentException.class, () -> RequirementPolicy.configured(rules(Map.of(
                "STUDY", every(1, Unit.MONTH, Condition.ALWAYS)), Map.of())));
    }

    @Test
    void aSpanOfMonthsIsTheDifferenceOfTwoYearToDateElements() {
        RequirementPolicy policy = new RequirementPolicy(ActivityType.THEMED_PARTY_DAY, new Cadence(1, Unit.QUARTER), Set.of(),
                Set.of(), Condition.ALWAYS);
        // nothing before January: the first unit reads one element
        assertEquals("coalesce(y[3], 0)", policy.heldIn(ReportPeriod.of(2025, 1, null), "y"));
        assertEquals("coalesce(y[12], 0) - coalesce(y[9], 0)", policy.heldIn(ReportPeriod.of(2025, 4, null), "y"));
        assertEquals("held_themed_party_day", policy.heldColumn());
    }

    static Frequency every(int minimum, Unit per, Condition when) {
        return new Frequency() {
            public int minimum() { return minimum; }
            public Unit per() { return per; }
            public Condition appliesWhen() { return when; }
        };
    }

    /** Only what the policies read; the rest is not asked. */
    static ActivityRules rules(Map<String, Frequency> frequencies, Map<String, Map<String, Frequency>> bySector) {
        Map<String, Frequency> general = new LinkedHashMap<>(frequencies);
        return (ActivityRules) java.lang.reflect.Proxy.newProxyInstance(ActivityRules.class.getClassLoader(),
                new Class<?>[] {ActivityRules.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "frequencies" -> general;
                    case "sectorFrequencies" -> bySector;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
