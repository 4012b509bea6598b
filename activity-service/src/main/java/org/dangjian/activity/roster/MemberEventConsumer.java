package org.dangjian.activity.roster;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dangjian.platform.messaging.EventReactions;
import org.dangjian.platform.messaging.IncomingEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Keeps the member roster copy current from member-service's events. Idempotent on the event id;
 * order-tolerant because the member's periods are rebuilt from all their events in version order.
 */
@ApplicationScoped
public class MemberEventConsumer {

    static final String CONSUMER = "activity-service.roster";
    private static final Logger LOG = Logger.getLogger(MemberEventConsumer.class);

    @Inject
    EventReactions reactions;

    @Inject
    Roster roster;

    @Incoming("member-events")
    @Blocking // ordered (the default): one batch at a time, each partition's records in order, keeps each aggregate's events in order
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        // Transfer letters in flight (member.transfer-issued ...) change no roster: only member.transferred does.
        return reactions.applyBatchOnce(CONSUMER, batch,
                type -> type.startsWith("member.") && !type.startsWith("member.transfer-"), this::apply);
    }

    private void apply(List<IncomingEvent> events) {
        roster.apply(events);
        LOG.debugf("applied %d member events", events.size());
    }
}
