package org.dangjian.organization.tasks;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.dangjian.organization.leadership.LeadershipService;

import java.time.LocalDate;

/**
 * RE_ELECTION_DUE: a term of the caller's subtree ends within the notice period
 * (dangjian.organization.leadership.re-election-notice-days, today included): prepare the re-election (换届).
 * Due the term's last day; the same organizations as GET /leadership-terms/re-election-due without withinDays.
 */
@RequestScoped
public class ReElectionDue extends TermTasks {

    @Inject
    LeadershipService leadership;

    @Override
    public String kind() {
        return "RE_ELECTION_DUE";
    }

    @Override
    LocalDate from(LocalDate today) {
        return today;
    }

    @Override
    LocalDate to(LocalDate today) {
        return today.plusDays(leadership.noticeDays(null));
    }
}
