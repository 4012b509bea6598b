package org.dangjian.organization.tasks;

import jakarta.enterprise.context.RequestScoped;
import org.dangjian.organization.leadership.LeadershipService;

import java.time.LocalDate;

/**
 * TERM_OVERDUE: a term of the caller's subtree ended without a re-election (逾期未换届). Due (and overdue since) the
 * term's last day; the same organizations as GET /leadership-terms/overdue.
 */
@RequestScoped
public class TermOverdue extends TermTasks {

    @Override
    public String kind() {
        return "TERM_OVERDUE";
    }

    @Override
    LocalDate from(LocalDate today) {
        return LeadershipService.LONG_AGO;
    }

    @Override
    LocalDate to(LocalDate today) {
        return today.minusDays(1);
    }
}
