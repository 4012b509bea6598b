package org.dangjian.assistance.reaction;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dangjian.assistance.member.MemberEvent;
import org.dangjian.platform.messaging.EventReactions;
import org.dangjian.platform.messaging.IncomingEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Reads member-service's member.registered, member.stage-changed, member.transferred and member.ended (fields
 * below, as in the producer's schemas) in the consumer group {@value #CONSUMER}, which first read only
 * member.transferred (hence its name, kept so its offsets and applied event ids stay valid).
 *
 * <p>One group for all of them rather than a second one for the member copy: a member's events then reach the copy,
 * their cases and their pairings in one ordered stream and one transaction per batch, so the three never disagree
 * about the same member at any commit, and the topic is read once. The batch is applied set-wise (one statement per
 * table, as {@link MemberTransfers} does), which is what lets this consumer keep up with 200 transfers/s (benchmark
 * B3, bench/notes/b3.md). Other member.* types (member.updated, the transfer letters' own events) change nothing
 * here and are passed over by their type header, their data unread.
 *
 * <p>Every variant the producer's schemas allow is applied: every stage and end type; toOrgId null (left the
 * platform), fromOrgId null (came from outside the platform: not read), transferId null or absent (a split or merge
 * moved the member); optional fields (memberNumber) are not read. An event missing a required field goes to the
 * dead-letter topic.
 */
@ApplicationScoped
public class MemberEventConsumer {

    static final String CONSUMER = "assistance-service.case-transfers";

    private static final Map<String, MemberEvent.Type> READ = Map.of(
            "member.registered", MemberEvent.Type.REGISTERED,
            "member.stage-changed", MemberEvent.Type.STAGE_CHANGED,
            "member.transferred", MemberEvent.Type.TRANSFERRED,
            "member.ended", MemberEvent.Type.ENDED);

    @Inject
    EventReactions events;

    @Inject
    MemberChanges changes;

    @Incoming("member-transfers")
    @Blocking // ordered (the default): one batch at a time, each partition's records in order, keeps each member's events in order
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        // Read inside the batch's transaction: an unreadable event fails it, and is then dead-lettered alone.
        return events.applyBatchOnce(CONSUMER, batch, READ::containsKey,
                batchEvents -> changes.apply(batchEvents.stream().map(MemberEventConsumer::read).toList()));
    }

    static MemberEvent read(IncomingEvent event) {
        JsonNode data = event.data();
        MemberEvent.Type type = READ.get(event.type());
        UUID member = uuid(data.get("memberId"));
        long version = required(data, "version").asLong();
        return switch (type) {
            case REGISTERED -> new MemberEvent(event.id(), type, member, version, uuid(data.get("orgId")),
                    required(data, "stage").asText(), null, date(data.get("registeredOn")), null);
            case STAGE_CHANGED -> new MemberEvent(event.id(), type, member, version, uuid(data.get("orgId")),
                    required(data, "toStage").asText(), null, date(data.get("effectiveOn")), null);
            case TRANSFERRED -> new MemberEvent(event.id(), type, member, version, nullableUuid(required(data, "toOrgId")),
                    null, nullableUuid(data.path("transferId")), date(data.get("transferredOn")), null);
            case ENDED -> new MemberEvent(event.id(), type, member, version, uuid(data.get("orgId")), null, null,
                    date(data.get("endedOn")), required(data, "endType").asText());
        };
    }

    private static JsonNode required(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null) {
            throw new IllegalArgumentException("no " + field);
        }
        return value;
    }

    private static UUID uuid(JsonNode value) {
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("not an id: " + value);
        }
        return UUID.fromString(value.asText());
    }

    /** Null for JSON null or an absent optional field. */
    private static UUID nullableUuid(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? null : uuid(value);
    }

    private static LocalDate date(JsonNode value) {
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("not a date: " + value);
        }
        return LocalDate.parse(value.asText());
    }
}
