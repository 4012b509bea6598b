package org.dangjian.assistance.reaction;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dangjian.platform.messaging.EventReactions;
import org.dangjian.platform.messaging.IncomingEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Reads member.transferred from member-service (its own consumer group, see application.properties).
 * Fields read: memberId, toOrgId (null: left the platform), version. An event without them goes to the dead-letter topic.
 */
@ApplicationScoped
public class MemberTransferConsumer {

    static final String CONSUMER = "assistance-service.case-transfers";
    static final String TRANSFERRED = "member.transferred";

    @Inject
    EventReactions events;

    @Inject
    MemberTransfers transfers;

    @Incoming("member-transfers")
    @Blocking // ordered (the default): one batch at a time, each partition's records in order, keeps each aggregate's events in order
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        // Every other member.* event is passed over by its type header, its data unread.
        return events.applyBatchOnce(CONSUMER, batch, TRANSFERRED::equals,
                batchEvents -> transfers.apply(batchEvents.stream().map(MemberTransferConsumer::transfer).toList()));
    }

    private static MemberTransfers.Transfer transfer(IncomingEvent event) {
        JsonNode data = event.data();
        JsonNode to = data.path("toOrgId");
        // The contract allows a null toOrgId: the member moved to an organization outside the platform.
        UUID toOrgId = to.isNull() ? null : UUID.fromString(to.asText());
        return new MemberTransfers.Transfer(event.id(), UUID.fromString(data.get("memberId").asText()), toOrgId,
                data.get("version").asLong());
    }
}
