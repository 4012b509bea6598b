package org.dangjian.activity.activity;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dangjian.platform.messaging.EventReactions;
import org.dangjian.platform.messaging.IncomingEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Flags the planned activities of a dissolved organization (撤销) for reassignment. It reads the
 * organization topic in its own consumer group, beside the shared tree copy, so neither waits for the other.
 * A merge (mergedIntoId names the survivor) is flagged alike: the survivor may already plan its own meetings,
 * so whether to move one there or cancel it is the user's choice, not this reaction's. Only the id is read.
 */
@ApplicationScoped
public class OrganizationDissolvedConsumer {

    static final String CONSUMER = "activity-service.dissolution";
    static final String DISSOLVED = "organization.dissolved";
    private static final Logger LOG = Logger.getLogger(OrganizationDissolvedConsumer.class);

    @Inject
    EventReactions reactions;

    @Inject
    ActivityRepository activities;

    @Inject
    ActivityAudit audit;

    @Incoming("organization-dissolution")
    @Blocking // ordered (the default): one record at a time keeps each aggregate's events in order
    public void consume(ConsumerRecord<String, String> record) {
        reactions.applyOnce(CONSUMER, record, DISSOLVED::equals, this::apply);
    }

    private void apply(IncomingEvent event) {
        UUID orgId = UUID.fromString(event.data().get("id").asText());
        OffsetDateTime at = event.time() != null ? event.time() : OffsetDateTime.now(ZoneOffset.UTC);
        int flagged = 0;
        for (Activity activity : activities.list("orgId = ?1 and status = ?2 and orgDissolvedAt is null", orgId,
                ActivityStatus.PLANNED)) {
            ActivityAudit.Snapshot before = ActivityAudit.Snapshot.of(activity);
            if (activity.flagOrganizationDissolved(at)) {
                activities.flush();
                audit.write("ACTIVITY_FLAGGED_ORGANIZATION_DISSOLVED", before, activity);
                flagged++;
            }
        }
        LOG.infof("organization %s dissolved: %d planned activities flagged for reassignment", orgId, flagged);
    }
}
