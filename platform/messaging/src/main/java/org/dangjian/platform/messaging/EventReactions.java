package org.dangjian.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The shape every reaction to another service's events shares (ARCHITECTURE.md §3): read the
 * CloudEvent, skip types the reaction does not care about, and apply the effect at most once per
 * consumer, recording the event id in the same transaction as the effect, each attempt in its own
 * transaction with transient failures retried in place. A failure that is not transient leaves
 * the channel's failure strategy to dead-letter the record.
 */
@ApplicationScoped
public class EventReactions {

    private static final Logger LOG = Logger.getLogger(EventReactions.class);

    @Inject
    ConsumerRetry retry;

    @Inject
    ProcessedEvents processed;

    /**
     * @param consumer the reaction's name, e.g. {@code activity-service.roster}: ids are remembered per reaction
     * @param relevant which event types this reaction applies; others are acknowledged untouched
     */
    public void applyOnce(String consumer, ConsumerRecord<String, String> record, Predicate<String> relevant,
            Consumer<IncomingEvent> effect) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!relevant.test(event.type())) {
            return;
        }
        retry.inTransaction(() -> {
            if (!processed.firstDelivery(consumer, event.id())) {
                LOG.debugf("%s: event %s already applied", consumer, event.id());
                return;
            }
            effect.accept(event);
        });
    }
}
