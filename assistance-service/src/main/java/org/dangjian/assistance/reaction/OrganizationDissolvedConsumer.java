package org.dangjian.assistance.reaction;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dangjian.platform.messaging.EventReactions;
import org.dangjian.platform.messaging.IncomingEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Reads organization.dissolved in a consumer group of its own, beside the shared tree-copy consumer
 * (platform/org-tree), which keeps the node itself current. Fields read: id, status, dissolvedOn, mergedIntoId (null or
 * absent: a plain dissolution). A merge moves the absorbed organization's beneficiaries and open cases to the
 * survivor ({@link OrganizationMerges}); a plain dissolution flags the open cases for reassignment
 * ({@link CaseReactions}).
 *
 * <p>Dissolutions of different organizations may be applied in either order (A merged into S, then S dissolved, may
 * arrive S first). So each applied dissolution is remembered ({@link Dissolutions}), and a merge moves the records to
 * the end of the survivor's own merge chain, flagging the open cases when that end is itself dissolved: the result is
 * the one the events' own order gives.
 */
@ApplicationScoped
public class OrganizationDissolvedConsumer {

    static final String CONSUMER = "assistance-service.case-dissolutions";
    static final String DISSOLVED = "organization.dissolved";

    @Inject
    EventReactions events;

    @Inject
    CaseReactions reactions;

    @Inject
    OrganizationMerges merges;

    @Inject
    Dissolutions dissolutions;

    @Incoming("organization-dissolutions")
    @Blocking // ordered (the default): one record at a time keeps each aggregate's events in order
    public void consume(ConsumerRecord<String, String> record) {
        events.applyOnce(CONSUMER, record, DISSOLVED::equals, this::apply);
    }

    private void apply(IncomingEvent event) {
        JsonNode data = event.data();
        if (!"DISSOLVED".equals(data.path("status").asText())) {
            return;
        }
        UUID orgId = UUID.fromString(data.get("id").asText());
        JsonNode merged = data.path("mergedIntoId");
        UUID survivor = merged.isNull() || merged.isMissingNode() ? null : UUID.fromString(merged.asText());
        if (orgId.equals(survivor)) {
            survivor = null; // merged into itself: nothing to move, so a plain dissolution
        }
        dissolutions.record(orgId, LocalDate.parse(data.get("dissolvedOn").asText()), survivor, event.id());
        // From the record just made: orgId itself (plain), the survivor, or where the survivor's own dissolution led.
        Dissolutions.Destination destination = dissolutions.destination(orgId);
        if (!destination.orgId().equals(orgId)) {
            merges.merged(event.id(), orgId, destination.orgId());
        }
        if (destination.dissolved()) {
            reactions.organizationDissolved(event.id(), destination.orgId());
        }
    }
}
