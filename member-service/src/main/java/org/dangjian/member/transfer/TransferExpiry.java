package org.dangjian.member.transfer;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.dangjian.platform.api.BusinessClock;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.List;

/** Expires letters left unanswered past their last valid day, once a day (and on demand). */
@ApplicationScoped
public class TransferExpiry {

    private static final Logger LOG = Logger.getLogger(TransferExpiry.class);

    @Inject
    TransferRepository transfers;

    @Inject
    BusinessClock clock;

    @Inject
    TransferEvents events;

    // The one place the schedule is configured (documented with MemberRules.Transfer): @Scheduled takes a property
    // expression, not a config mapping's value.
    @Scheduled(cron = "${dangjian.member.transfer.expiry-cron:0 10 0 * * ?}", identity = "transfer-expiry",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        expireUnansweredAsOf(clock.today());
    }

    /** @return how many letters expired */
    @Transactional
    public int expireUnansweredAsOf(LocalDate today) {
        List<Transfer> due = transfers.openPast(today);
        due.forEach(t -> t.expire(today));
        transfers.flush();
        due.forEach(events::changed);
        if (!due.isEmpty()) {
            LOG.infof("%d transfer letters expired as of %s", due.size(), today);
        }
        return due.size();
    }
}
