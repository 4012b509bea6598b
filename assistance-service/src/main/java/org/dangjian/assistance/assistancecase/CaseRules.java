package org.dangjian.assistance.assistancecase;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dangjian.assistance.config.AssistanceRules;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

/** The configured rules of the case workflow, as domain objects. */
@ApplicationScoped
public class CaseRules {

    @Inject
    AssistanceRules rules;

    public ApprovalPolicy approval() {
        return new ApprovalPolicy(rules.approval().branchSecretaryMax(), rules.approval().orgAdminMax());
    }

    public LocalDate publicNoticeLastDay(LocalDate start) {
        var notice = rules.publicNotice();
        return new WorkingCalendar(new HashSet<>(notice.holidays().orElse(List.of())),
                new HashSet<>(notice.makeUpWorkingDays().orElse(List.of())))
                .lastDayOf(start, notice.workingDays());
    }
}
