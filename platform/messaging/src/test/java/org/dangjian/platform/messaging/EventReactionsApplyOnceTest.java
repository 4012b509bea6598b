package org.dangjian.platform.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link EventReactions#applyOnce} over a real processed_event table: the effect and the event's id are
 * committed together, so a redelivery changes nothing and a failed effect leaves the event to be applied again.
 */
class EventReactionsApplyOnceTest {

    private static final String CONSUMER = "test.reaction";

    private static ProcessedEventsTable table;
    private static EventReactions reactions;

    @BeforeAll
    static void start() throws IOException {
        table = new ProcessedEventsTable();
        reactions = new EventReactions();
        reactions.processed = table.processedEvents();
        reactions.retry = new InTableTransaction();
    }

    @AfterAll
    static void stop() throws IOException {
        table.close();
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        ConsumerRecord<String, String> record = event("member.transferred");
        List<UUID> applied = new ArrayList<>();

        reactions.applyOnce(CONSUMER, record, type -> true, event -> applied.add(event.id()));
        reactions.applyOnce(CONSUMER, record, type -> true, event -> applied.add(event.id()));

        assertEquals(List.of(id(record)), applied);
    }

    @Test
    void anEventWhoseEffectFailedIsAppliedWhenRedelivered() {
        ConsumerRecord<String, String> record = event("member.transferred");
        List<UUID> applied = new ArrayList<>();

        assertThrows(IllegalStateException.class, () -> reactions.applyOnce(CONSUMER, record, type -> true, event -> {
            throw new IllegalStateException("no such organization");
        }));
        reactions.applyOnce(CONSUMER, record, type -> true, event -> applied.add(event.id()));

        assertEquals(List.of(id(record)), applied);
        assertEquals(1, table.recorded(CONSUMER, id(record)));
    }

    @Test
    void anEventOfATypeTheReactionIgnoresIsNeitherAppliedNorRecorded() {
        ConsumerRecord<String, String> record = event("member.stage-changed");
        List<UUID> applied = new ArrayList<>();

        reactions.applyOnce(CONSUMER, record, "member.transferred"::equals, event -> applied.add(event.id()));

        assertEquals(List.of(), applied);
        assertEquals(0, table.recorded(CONSUMER, id(record)));
    }

    @Test
    void aRecordThatIsNoCloudEventIsRefusedAsMalformed() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("dangjian.member.v1", 0, 0, "key", "{broken");
        record.headers().add("ce_type", "member.transferred".getBytes(StandardCharsets.UTF_8));

        assertThrows(IncomingEvent.MalformedEventException.class,
                () -> reactions.applyOnce(CONSUMER, record, type -> true, event -> { }));
    }

    private static ConsumerRecord<String, String> event(String type) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("dangjian.member.v1", 0, 0, "key", "{}");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_type", type);
        header(record, "ce_source", "/member-service");
        header(record, "ce_time", "2025-01-01T00:00:00Z");
        return record;
    }

    private static void header(ConsumerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static UUID id(ConsumerRecord<String, String> record) {
        return UUID.fromString(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
    }

    /** Each attempt in a transaction of the table's EntityManager, as the application's in a JTA transaction. */
    private static final class InTableTransaction extends ConsumerRetry {
        InTableTransaction() {
            initialDelay = Duration.ZERO;
            maxDelay = Duration.ZERO;
            maxDuration = Duration.ofSeconds(5);
        }

        @Override
        <T> T attempt(Supplier<T> work) {
            return table.inTransaction(work);
        }
    }
}
