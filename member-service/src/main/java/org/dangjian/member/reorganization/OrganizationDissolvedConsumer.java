package org.dangjian.member.reorganization;

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
 * organization.dissolved from organization-service, in its own consumer group: the members of a merged branch follow
 * the survivor, those of a plainly dissolved one are flagged "needs a branch" (what {@link Dissolution} does).
 *
 * <p>
 * Every variant the schema allows is applied: {@code mergedIntoId} absent, null (a plain dissolution) or naming
 * the survivor (a merge); any {@code type} (only branches hold members and only groups are a member's group, so
 * for the other types nothing matches); {@code sector} and {@code parentId} null (neither is needed, except the
 * parent of a dissolved group, without which no member can be in it).
 */
@ApplicationScoped
public class OrganizationDissolvedConsumer {

    static final String CONSUMER = "member-service.dissolution";
    static final String DISSOLVED = "organization.dissolved";

    @Inject
    EventReactions reactions;

    @Inject
    Dissolution dissolution;

    @Incoming("organization-dissolution")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        reactions.applyOnce(CONSUMER, record, DISSOLVED::equals, this::apply);
    }

    private void apply(IncomingEvent event) {
        JsonNode data = event.data();
        UUID id = UUID.fromString(data.get("id").asText());
        LocalDate dissolvedOn = LocalDate.parse(data.get("dissolvedOn").asText());
        UUID survivor = uuidOrNull(data.path("mergedIntoId"));
        if (survivor != null && !survivor.equals(id)) {
            dissolution.merged(id, survivor, dissolvedOn);
        } else {
            dissolution.dissolved(id, dissolvedOn);
        }
        if ("GROUP".equals(data.path("type").asText())) {
            UUID branch = uuidOrNull(data.path("parentId"));
            if (branch != null) {
                dissolution.groupDissolved(id, branch);
            }
        }
    }

    private static UUID uuidOrNull(JsonNode value) {
        return value.isTextual() && !value.asText().isBlank() ? UUID.fromString(value.asText()) : null;
    }
}
