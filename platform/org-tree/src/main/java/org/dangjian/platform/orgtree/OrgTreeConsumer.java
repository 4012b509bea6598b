package org.dangjian.platform.orgtree;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dangjian.platform.messaging.EventReactions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Applies organization.* events to the local tree. Each event carries the whole node, so applying
 * one is an upsert; an event older than the copy (a lower source version, delivered out of order)
 * is skipped, and a redelivered event is recognized by its id and skipped. A node whose path
 * changed (moved) takes its whole local subtree with it.
 */
@ApplicationScoped
public class OrgTreeConsumer {

    private static final Logger LOG = Logger.getLogger(OrgTreeConsumer.class);

    @Inject
    OrgTree tree;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @Inject
    EventReactions reactions;

    /** The events whose data is the whole organization node (organization-service's OrganizationView). */
    static final java.util.Set<String> NODE_EVENTS = java.util.Set.of("organization.established", "organization.changed",
            "organization.moved", "organization.dissolved", "organization.split");

    @Incoming("organization-events")
    @Blocking // ordered (the default): one record at a time keeps each organization's events in order
    public void consume(ConsumerRecord<String, String> record) {
        // Other organization.* types (e.g. leadership-changed) are about an organization, not its place in the tree.
        reactions.applyOnce(service + ".org-tree", record, NODE_EVENTS::contains, event -> apply(event.data()));
    }

    private void apply(JsonNode node) {
        UUID id = UUID.fromString(node.get("id").asText());
        long version = node.get("version").asLong();
        OrgUnit unit = tree.node(id).orElse(null);
        if (unit != null && unit.sourceVersion() > version) {
            LOG.debugf("stale event for organization %s (version %d < %d) skipped", id, version, unit.sourceVersion());
            return;
        }
        String oldPath = unit == null ? null : unit.path();
        if (unit == null) {
            unit = new OrgUnit(id);
        }
        String path = node.get("path").asText();
        unit.copy(node.hasNonNull("parentId") ? UUID.fromString(node.get("parentId").asText()) : null, path,
                node.get("code").asText(), node.get("name").asText(), node.get("type").asText(),
                node.get("status").asText(), version);
        tree.persist(unit);
        if (oldPath != null && !oldPath.equals(path)) {
            tree.getEntityManager().createNativeQuery("""
                    update org_unit set path = ?1 || substring(path from ?3)
                    where path like ?2 and id <> ?4""")
                    .setParameter(1, path)
                    .setParameter(2, oldPath.replace("%", "\\%").replace("_", "\\_") + "%")
                    .setParameter(3, oldPath.length() + 1)
                    .setParameter(4, id)
                    .executeUpdate();
        }
    }
}
