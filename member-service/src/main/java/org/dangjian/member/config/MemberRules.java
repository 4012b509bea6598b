package org.dangjian.member.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;

/**
 * Every number of the member rules (DOMAIN.md §2): localities tighten or loosen them, so they are
 * configuration ({@code dangjian.member.*}) with the national regulations as defaults.
 */
@ConfigMapping(prefix = "dangjian.member")
public interface MemberRules {

    Registration registration();

    Transfer transfer();

    Pipeline pipeline();

    interface Registration {
        /** 申请入党年龄: an applicant must have reached this age on the day of application. */
        @WithDefault("18")
        int minimumApplicantAge();
    }

    interface Transfer {
        /** 介绍信有效期: days the receiving branch has to answer before the letter expires. */
        @WithDefault("30")
        int letterValidityDays();

        /** Longest validity a branch may write on a letter. */
        @WithDefault("90")
        int maximumLetterValidityDays();

        /** Cron of the job that expires unanswered letters. */
        @WithDefault("0 10 0 * * ?")
        String expiryCron();
    }

    /** 发展党员工作细则: the numbers each stage change is checked against. */
    interface Pipeline {
        /** An activist is cultivated at least this long before becoming a candidate. */
        @WithDefault("P1Y")
        Period activistMinimumPeriod();

        /** Full members assigned as contacts (培养联系人) of an activist. */
        @WithDefault("2")
        int requiredContacts();

        /** Hours of concentrated training (集中培训) a candidate needs before admission. */
        @WithDefault("24")
        int candidateTrainingHours();

        /** The higher committee approves an admission within this period of the branch vote. */
        @WithDefault("P3M")
        Period approvalWithin();

        /** Probation (预备期) runs this long from the branch vote. */
        @WithDefault("P1Y")
        Period probationPeriod();

        /** Shortest extension of probation, in months. */
        @WithDefault("6")
        int extensionMinimumMonths();

        /** Longest extension of probation, in months. */
        @WithDefault("12")
        int extensionMaximumMonths();
    }
}
