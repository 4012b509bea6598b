package org.dangjian.activity.activity;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dangjian.platform.messaging.ConsumerRetry;
import org.dangjian.platform.messaging.IncomingEvent;
import org.dangjian.platform.messaging.ProcessedEvents;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Flags the planned activities of a dissolved organization (撤销) for reassignment. It reads the
 * organization topic in its own consumer group, beside the shared tree copy, so neither waits for the other.
 */
@ApplicationScoped
public class OrganizationDissolvedConsumer {

    static final String CONSUMER = "activity-service.dissolution";
    static final String DISSOLVED = "organization.dissolved";
    private static final Logger LOG = Logger.getLogger(OrganizationDissolvedConsumer.class);

    @Inject
    ConsumerRetry retry;

    @Inject
    ProcessedEvents processed;

    @Inject
    ActivityRepository activities;

    @Inject
    ActivityAudit audit;

    @Incoming("organization-dissolution")
    @Blocking // ordered (the default): one record at a time keeps each aggregate's events in order
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        // Each attempt in its own transaction; transient failures (database restarting) are retried in place.
        retry.inTransaction(() -> apply(event));
    }

    private void apply(IncomingEvent event) {
        if (!DISSOLVED.equals(event.type()) || !processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
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
