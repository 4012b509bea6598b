package org.dangjian.platform.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What becomes of an event that fails while the application runs (retried if transient, else dead-lettered)
 * and while it stops (left unacknowledged for the next instance): the records are the Kafka connector's own,
 * with a commit handler and a failure strategy that note what they are asked to commit and dead-letter.
 */
class EventReactionsStoppingTest {

    private static final String CONSUMER = "test.reaction";
    private static final TopicPartition PARTITION = new TopicPartition("dangjian.member.v1", 0);

    private final List<Long> acknowledged = new CopyOnWriteArrayList<>();
    private final List<Long> deadLettered = new CopyOnWriteArrayList<>();
    private final KafkaCommitHandler commits = new KafkaCommitHandler() {
        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
            acknowledged.add(record.getOffset());
            return Uni.createFrom().voidItem();
        }
    };
    private final KafkaFailureHandler deadLetters = new KafkaFailureHandler() {
        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
            deadLettered.add(record.getOffset());
            return Uni.createFrom().voidItem();
        }
    };

    private final Retry retry = new Retry();
    private final EventReactions reactions = new EventReactions();

    EventReactionsStoppingTest() {
        reactions.retry = retry;
        reactions.processed = new Processed();
    }

    @Test
    void aFailureWhileRunningGoesToTheChannelToBeDeadLettered() {
        IllegalStateException poison = new IllegalStateException("no such organization");

        RuntimeException thrown = assertThrows(RuntimeException.class,
                () -> reactions.applyOnce(CONSUMER, event(0), type -> true, event -> {
                    throw poison;
                }));

        assertSame(poison, thrown);
    }

    @Test
    void aFailureWhileStoppingIsHeldUntilTheConsumersAreClosedAndThenNotThrown() throws Exception {
        retry.onShutdown(new ShutdownEvent());

        CompletableFuture<Void> applying = CompletableFuture.runAsync(
                () -> reactions.applyOnce(CONSUMER, event(0), type -> true, event -> {
                    throw new IllegalStateException("EntityManagerFactory is closed");
                }));

        // Returning would acknowledge the event and throwing would dead-letter it, while its offset can still be committed.
        assertThrows(TimeoutException.class, () -> applying.get(300, TimeUnit.MILLISECONDS));
        retry.onConsumersClosed(new Object());
        applying.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aFailureWhileStoppingGoesToTheChannelAfterAllWhenTheConsumersDoNotClose() {
        retry.onShutdown(new ShutdownEvent());
        retry.consumersNeverClose = true;

        assertThrows(IllegalStateException.class, () -> reactions.applyOnce(CONSUMER, event(0), type -> true, event -> {
            throw new IllegalStateException("EntityManagerFactory is closed");
        }));
    }

    @Test
    void aPoisonEventInABatchWhileRunningIsDeadLetteredAloneAndTheBatchAcknowledged() throws Exception {
        List<ConsumerRecord<String, String>> records = List.of(event(0), event(1), event(2));
        UUID poison = id(records.get(1));
        List<UUID> applied = new ArrayList<>();

        reactions.applyBatchOnce(CONSUMER, batch(records), type -> true, events -> {
            if (events.stream().anyMatch(e -> e.id().equals(poison))) {
                throw new IllegalStateException("no such member");
            }
            events.forEach(e -> applied.add(e.id()));
        }).toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertEquals(List.of(id(records.get(0)), id(records.get(2))), applied);
        assertEquals(List.of(1L), deadLettered);
        assertEquals(List.of(2L), acknowledged); // the batch's last record of the partition: the commit covers it all
    }

    @Test
    void aBatchFailingWhileStoppingIsNeitherDeadLetteredNorAcknowledged() throws Exception {
        List<ConsumerRecord<String, String>> records = List.of(event(0), unreadable(1), event(2));
        retry.onShutdown(new ShutdownEvent());

        reactions.applyBatchOnce(CONSUMER, batch(records), type -> true, events -> {
            throw new IllegalStateException("EntityManagerFactory is closed");
        }).toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertEquals(List.of(), deadLettered);
        assertEquals(List.of(), acknowledged);
    }

    @Test
    void aStopBeginningWhileABatchIsAppliedOneByOneLeavesTheBatchUnacknowledged() throws Exception {
        List<ConsumerRecord<String, String>> records = List.of(event(0), event(1), event(2));
        UUID poison = id(records.get(0));

        reactions.applyBatchOnce(CONSUMER, batch(records), type -> true, events -> {
            if (events.size() > 1 || events.get(0).id().equals(poison)) {
                throw new IllegalStateException("no such member");
            }
            retry.onShutdown(new ShutdownEvent()); // the next event meets a closed persistence unit
            throw new IllegalStateException("EntityManagerFactory is closed");
        }).toCompletableFuture().get(5, TimeUnit.SECONDS);

        // The poison found before the stop is not dead-lettered either: the next instance finds it again.
        assertEquals(List.of(), deadLettered);
        assertEquals(List.of(), acknowledged);
    }

    @Test
    void aTransientFailureWhileStoppingIsNotRetried() {
        retry.onShutdown(new ShutdownEvent());
        int[] attempts = { 0 };

        assertThrows(IllegalStateException.class, () -> retry.inTransaction(() -> {
            attempts[0]++;
            throw new IllegalStateException(new SQLException("Sorry, acquisition timeout!"));
        }));

        assertEquals(1, attempts[0]);
    }

    @Test
    void aTransientFailureWhileRunningIsRetried() {
        int[] attempts = { 0 };

        retry.inTransaction(() -> {
            if (++attempts[0] < 3) {
                throw new IllegalStateException(new SQLException("Sorry, acquisition timeout!"));
            }
        });

        assertEquals(3, attempts[0]);
    }

    private static ConsumerRecord<String, String> event(long offset) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), offset,
                "key", "{}");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_type", "member.joined");
        header(record, "ce_source", "/member-service");
        header(record, "ce_time", "2025-01-01T00:00:00Z");
        return record;
    }

    /** No CloudEvent: no id. */
    private static ConsumerRecord<String, String> unreadable(long offset) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), offset,
                "key", "{}");
        header(record, "ce_type", "member.joined");
        return record;
    }

    private static void header(ConsumerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static UUID id(ConsumerRecord<String, String> record) {
        return UUID.fromString(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
    }

    private IncomingKafkaRecordBatch<String, String> batch(List<ConsumerRecord<String, String>> records) {
        return new IncomingKafkaRecordBatch<>(new ConsumerRecords<>(Map.of(PARTITION, records), Map.of()), "member-events",
                -1, commits, deadLetters, false, false);
    }

    /** Attempts without a transaction, retrying at once. */
    private static final class Retry extends ConsumerRetry {
        boolean consumersNeverClose;

        Retry() {
            initialDelay = Duration.ZERO;
            maxDelay = Duration.ZERO;
            maxDuration = Duration.ofSeconds(5);
        }

        @Override
        <T> T attempt(Supplier<T> work) {
            return work.get();
        }

        @Override
        boolean awaitConsumersClosed(Duration timeout) {
            return !consumersNeverClose && super.awaitConsumersClosed(timeout);
        }
    }

    /** The ids applied, in memory. */
    private static final class Processed extends ProcessedEvents {
        private final Set<UUID> applied = new HashSet<>();

        @Override
        public boolean firstDelivery(String consumer, UUID eventId) {
            return applied.add(eventId);
        }

        @Override
        public List<UUID> firstDeliveries(String consumer, Collection<UUID> eventIds) {
            return eventIds.stream().filter(id -> !applied.contains(id)).toList();
        }

        @Override
        public void recordAll(String consumer, Collection<UUID> eventIds) {
            applied.addAll(eventIds);
        }
    }
}
