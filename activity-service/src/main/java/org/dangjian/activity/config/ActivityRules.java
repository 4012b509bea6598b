package org.dangjian.activity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;
import java.util.Set;

/**
 * The numbers of organizational life (DOMAIN.md §3, 支部工作条例). Localities tighten or loosen
 * them, so every one is configuration; the defaults are in application.properties.
 */
@ConfigMapping(prefix = "dangjian.activity")
public interface ActivityRules {

    /** Stages whose holders are on an activity's expected roster: probationary and full members. */
    @WithDefault("PROBATIONARY,FULL")
    Set<String> rosterStages();

    /** Organization types whose compliance the report assesses (branch-type organizations). */
    @WithDefault("BRANCH,JOINT_BRANCH,TEMPORARY_BRANCH")
    Set<String> branchTypes();

    /** A branch with at least this many full members elects a committee (支部委员会), so it owes committee meetings. */
    @WithDefault("7")
    int committeeThreshold();

    /** Required frequency per activity type name; a type absent here is not required. */
    Map<String, Frequency> frequencies();

    /**
     * Per sector (单位类别, organization-service's sector names, e.g. GOVERNMENT_ORGAN), the required frequency per
     * activity type name for that sector's branches: it replaces {@link #frequencies()}' entry of the type for them
     * (minimum 0 exempts them), or adds a type only they owe (seed 002: 理论学习 in organs). The compliance report
     * knows a branch's sector from organization-service's events; a branch without one owes the general rules.
     */
    Map<String, Map<String, Frequency>> sectorFrequencies();

    Hours hours();

    /** How the compliance report runs (not a rule of organizational life; a tuning of this service). */
    Report report();

    interface Report {
        /**
         * PostgreSQL work_mem for the report's transaction ({@code SET LOCAL}): its whole-subtree
         * aggregate hashes and sorts per branch, which spill to disk at the server's default 4MB.
         */
        @WithDefault("64MB")
        String workMem();
    }

    /** 书记讲党课: the secretary of each branch gives a Party lecture (PARTY_LECTURE hosted by them). */
    SecretaryLecture secretaryLecture();

    interface SecretaryLecture {
        /** At least this many lectures by the secretary seated on the day … (0 switches the rule off) */
        @WithDefault("1")
        int minimum();

        /** … per this calendar unit; a shorter report period does not owe it. */
        @WithDefault("YEAR")
        Unit per();
    }

    interface Frequency {
        /** At least this many … */
        int minimum();

        /** … in each of these calendar units of a report's period (not on the period's total). */
        Unit per();

        /** When a branch owes the type at all. */
        @WithDefault("ALWAYS")
        Condition appliesWhen();
    }

    enum Unit {
        MONTH(1), QUARTER(3), YEAR(12);

        private final int months;

        Unit(int months) {
            this.months = months;
        }

        public int months() {
            return months;
        }

        /** Whole units inside a period of {@code periodMonths} months: a month report owes no quarterly meeting. */
        public int unitsIn(int periodMonths) {
            return periodMonths / months;
        }
    }

    enum Condition {
        ALWAYS,
        /** Only branches large enough to have a committee (see {@link #committeeThreshold()}). */
        HAS_COMMITTEE,
        /** Only branches with at least one active Party group (党小组) under them. */
        HAS_GROUPS
    }

    interface Hours {
        /** Yearly training hours every member owes. */
        @WithDefault("32")
        int memberTraining();

        /** Yearly training hours secretaries and committee members owe. */
        @WithDefault("56")
        int leaderTraining();

        /**
         * The leadership seats (organization-service's seat names) whose holders owe {@link #leaderTraining()}:
         * the secretary, deputy and every committee member (班子成员), as held on the day assessed.
         */
        @WithDefault("SECRETARY,DEPUTY_SECRETARY,ORGANIZATION,PUBLICITY,DISCIPLINE,OTHER")
        Set<String> leaderSeats();
    }
}
