package org.dangjian.organization.structure;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Keeps member counts per organization from member-service's events (topic dangjian.member.v1,
 * key = member id). Only the fields read here are relied upon (the contract is member-service's
 * JSON Schemas). A redelivered event is recognized by its id; an event older than what was applied
 * for that member (lower version) is ignored.
 */
@ApplicationScoped
public class MemberCountConsumer {

    private static final Logger LOG = Logger.getLogger(MemberCountConsumer.class);
    static final String CONSUMER = "organization-service.member-counts";

    @Inject
    EventReactions reactions;

    @Inject
    MemberRoster roster;

    @Incoming("member-events")
    @Blocking // ordered (the default): one record at a time keeps each aggregate's events in order
    public void consume(ConsumerRecord<String, String> record) {
        reactions.applyOnce(CONSUMER, record, type -> type.startsWith("member."), this::apply);
    }

    private void apply(IncomingEvent event) {
        JsonNode data = event.data();
        UUID member = uuid(data, "memberId");
        long version = data.path("version").asLong(0);
        switch (event.type()) {
            case "member.registered" -> roster.apply(member, version, uuid(data, "orgId"), text(data, "stage"), false);
            case "member.stage-changed" -> roster.apply(member, version, uuid(data, "orgId"), text(data, "toStage"), false);
            case "member.transferred" -> roster.apply(member, version, uuid(data, "toOrgId"), null, false);
            case "member.ended" -> roster.apply(member, version, uuid(data, "orgId"), null, true);
            default -> LOG.debugf("event type %s does not change counts", event.type());
        }
    }

    private static UUID uuid(JsonNode data, String field) {
        return data.hasNonNull(field) ? UUID.fromString(data.get(field).asText()) : null;
    }

    private static String text(JsonNode data, String field) {
        return data.hasNonNull(field) ? data.get(field).asText() : null;
    }
}
