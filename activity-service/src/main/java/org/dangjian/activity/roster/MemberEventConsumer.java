package org.dangjian.activity.roster;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dangjian.platform.messaging.EventReactions;
import org.dangjian.platform.messaging.IncomingEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.UUID;

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
    @Blocking // ordered (the default): one record at a time keeps each aggregate's events in order
    public void consume(ConsumerRecord<String, String> record) {
        // Transfer letters in flight (member.transfer-issued ...) change no roster: only member.transferred does.
        reactions.applyOnce(CONSUMER, record, type -> type.startsWith("member.") && !type.startsWith("member.transfer-"),
                this::apply);
    }

    private void apply(IncomingEvent event) {
        UUID memberId = UUID.fromString(event.data().get("memberId").asText());
        roster.record(event, memberId, event.data().path("version").asLong(0));
        roster.rebuild(memberId);
        LOG.debugf("applied %s to member %s", event.type(), memberId);
    }
}
