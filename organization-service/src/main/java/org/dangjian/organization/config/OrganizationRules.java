package org.dangjian.organization.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.dangjian.organization.organization.OrganizationType;

import java.util.OptionalInt;

/**
 * The rule numbers of organization-service (DOMAIN.md §1), defaults from the Party's regulations;
 * localities override them in configuration ({@code dangjian.organization.*}).
 */
@ConfigMapping(prefix = "dangjian.organization")
public interface OrganizationRules {

    Leadership leadership();

    Structure structure();

    Assessment assessment();

    /** Lowest reviewed score (0–100) of each rating. */
    interface Assessment {
        @WithDefault("90")
        int excellentFrom();

        @WithDefault("80")
        int goodFrom();

        @WithDefault("60")
        int passFrom();
    }

    /** 网格化: how many levels a grid tree has (seed 001: four). */
    @WithDefault("4")
    int gridLevels();

    /** What a well-formed branch looks like (支部工作条例). */
    interface Structure {
        /** A branch needs at least this many full members (正式党员). */
        @WithDefault("3")
        int minFullMembers();

        /** A branch normally has no more than this many members. */
        @WithDefault("50")
        int maxMembers();

        /** From this many full members a branch elects a committee (支部委员会) instead of only a secretary. */
        @WithDefault("7")
        int committeeFromFullMembers();

        /** A team with at least this many open seats counts as a committee (3–5, at most 7). */
        @WithDefault("3")
        int committeeMinSeats();
    }

    interface Leadership {

        /** Term length (任期) in years, per type that elects a leadership team. */
        TermYears termYears();

        /** How many days before a term ends it appears on the re-election (换届) due list. */
        @WithDefault("90")
        int reElectionNoticeDays();
    }

    interface TermYears {
        /** 基层党委: 5 years. */
        @WithDefault("5")
        int committee();

        /** 党总支: 3 years. */
        @WithDefault("3")
        int generalBranch();

        /** 党支部, including joint branches: 3 years. */
        @WithDefault("3")
        int branch();

        /** Working committees are appointed and temporary branches and groups elect no team: no term. */
        default OptionalInt of(OrganizationType type) {
            return switch (type) {
                case COMMITTEE -> OptionalInt.of(committee());
                case GENERAL_BRANCH -> OptionalInt.of(generalBranch());
                case BRANCH, JOINT_BRANCH -> OptionalInt.of(branch());
                case WORKING_COMMITTEE, TEMPORARY_BRANCH, GROUP -> OptionalInt.empty();
            };
        }
    }
}
