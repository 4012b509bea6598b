package org.dangjian.assistance.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The rule numbers of hardship assistance (DOMAIN.md §4). Localities set their own; the defaults
 * are the common practice.
 */
@ConfigMapping(prefix = "dangjian.assistance")
public interface AssistanceRules {

    Approval approval();

    PublicNotice publicNotice();

    /** Beneficiaries are re-assessed (年度复核) this many months after their last assessment. */
    @WithDefault("12")
    int reassessmentMonths();

    /** Who may approve how much (审批权限): amounts up to each ceiling, inclusive. */
    interface Approval {
        /** A branch secretary approves up to this amount (yuan). */
        @WithDefault("2000.00")
        BigDecimal branchSecretaryMax();

        /** An organization administrator (组织员) approves up to this amount; above it only a platform-admin. */
        @WithDefault("10000.00")
        BigDecimal orgAdminMax();
    }

    /** 公示: how long an approved case is shown publicly before money is paid. */
    interface PublicNotice {
        @WithDefault("5")
        int workingDays();

        /** Statutory holidays falling on weekdays (法定节假日). */
        Optional<List<LocalDate>> holidays();

        /** Weekend days that are working days (调休上班). */
        Optional<List<LocalDate>> makeUpWorkingDays();
    }
}
