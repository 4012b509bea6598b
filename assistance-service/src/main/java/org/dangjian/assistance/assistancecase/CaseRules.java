package org.dangjian.assistance.assistancecase;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dangjian.assistance.AssistanceConfig;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

/** The configured rules of the case workflow, as domain objects. */
@ApplicationScoped
public class CaseRules {

    @Inject
    AssistanceConfig config;

    public ApprovalPolicy approval() {
        return new ApprovalPolicy(config.approval().branchSecretaryMax(), config.approval().orgAdminMax());
    }

    public LocalDate publicNoticeLastDay(LocalDate start) {
        var notice = config.publicNotice();
        return new WorkingCalendar(new HashSet<>(notice.holidays().orElse(List.of())),
                new HashSet<>(notice.makeUpWorkingDays().orElse(List.of())))
                .lastDayOf(start, notice.workingDays());
    }
}
