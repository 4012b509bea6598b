package org.dangjian.activity.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dangjian.platform.messaging.EventReactions;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Set;
import java.util.UUID;

/**
 * Keeps {@code org_sector}, each organization's sector, from organization-service's node events: the compliance
 * report owes sector rules (dangjian.activity.sector-frequencies) by it. Its own consumer group beside the tree copy.
 * Each event carries the whole node with its version, so a repeated event (same id) is skipped and an older one
 * changes nothing. A sector null is none; a node without the field (an older producer) keeps the sector known.
 * Any sector text is kept as sent: one this service does not know is simply owed no sector rule.
 */
@ApplicationScoped
public class OrganizationEventConsumer {

    static final String CONSUMER = "activity-service.sector";
    static final Set<String> NODE_EVENTS = Set.of("organization.established", "organization.changed", "organization.moved",
            "organization.dissolved", "organization.split");

    @Inject
    EventReactions reactions;

    @Inject
    EntityManager em;

    @Incoming("organization-sectors")
    @Blocking // ordered (the default): one record at a time keeps each organization's events in order
    public void consume(ConsumerRecord<String, String> record) {
        reactions.applyOnce(CONSUMER, record, NODE_EVENTS::contains, event -> apply(event.data()));
    }

    private void apply(JsonNode node) {
        UUID id = UUID.fromString(node.get("id").asText());
        long version = node.get("version").asLong();
        boolean given = node.has("sector");
        String sector = node.hasNonNull("sector") ? node.get("sector").asText() : null;
        em.createNativeQuery("""
                insert into org_sector (org_id, sector, source_version) values (?1, cast(?2 as text), ?3)
                on conflict (org_id) do update
                  set sector = case when ?4 then excluded.sector else org_sector.sector end, source_version = excluded.source_version
                  where org_sector.source_version <= excluded.source_version""")
                .setParameter(1, id).setParameter(2, sector).setParameter(3, version).setParameter(4, given)
                .executeUpdate();
    }
}
