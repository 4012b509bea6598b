package org.dangjian.member.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Every number of the member rules (DOMAIN.md §2): localities tighten or loosen them, so they are
 * configuration ({@code dangjian.member.*}) with the national regulations as defaults.
 */
@ConfigMapping(prefix = "dangjian.member")
public interface MemberRules {

    Registration registration();

    Transfer transfer();

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
}
