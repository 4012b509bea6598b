package org.dangjian.platform.messaging;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The shape every reaction to another service's events shares (ARCHITECTURE.md §3): read the
 * CloudEvent, skip types the reaction does not care about, and apply the effect at most once per
 * consumer, recording the event id in the same transaction as the effect, each attempt in its own
 * transaction with transient failures retried in place. A failure that is not transient leaves
 * the channel's failure strategy to dead-letter the record.
 *
 * <p>
 * Except once the application is stopping ({@link ConsumerRetry#stopping()}): then a failure is the
 * shutdown's (the persistence unit or the datasource already closed), not the event's, and the event
 * would apply after the restart. It is neither dead-lettered nor acknowledged, so its offset stays
 * uncommitted and the next instance applies it (at least once; the event id keeps that to once).
 */
@ApplicationScoped
public class EventReactions {

    private static final Logger LOG = Logger.getLogger(EventReactions.class);

    @Inject
    ConsumerRetry retry;

    @Inject
    ProcessedEvents processed;

    /**
     * @param consumer the reaction's name, e.g. {@code activity-service.roster}: ids are remembered per reaction
     * @param relevant which event types this reaction applies; others are acknowledged untouched
     */
    public void applyOnce(String consumer, ConsumerRecord<String, String> record, Predicate<String> relevant,
            Consumer<IncomingEvent> effect) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!relevant.test(event.type())) {
            return;
        }
        try {
            retry.inTransaction(() -> applyOne(consumer, event, effect));
        } catch (RuntimeException e) {
            if (!retry.stopping()) {
                throw e;
            }
            leaveForTheNextInstance(consumer, event, e);
        }
    }

    /**
     * A single-record channel acknowledges its record when the method returns and dead-letters it when
     * it throws; neither may happen while the consumer can still commit. So the failed event is held
     * until the Kafka consumers are closed (which commits the offsets before it and stops the channel),
     * and only then returned: that acknowledgement arrives too late to commit anything.
     */
    private void leaveForTheNextInstance(String consumer, IncomingEvent event, RuntimeException failure) {
        LOG.infof("%s: the application is stopping, event %s (%s) is left for the next instance: %s", consumer,
                event.id(), event.type(), failure.toString());
        if (!retry.awaitConsumersClosed(ConsumerRetry.CONSUMERS_CLOSE_WITHIN)) {
            // Returning now could acknowledge an event never applied; a dead letter can at least be replayed.
            throw failure;
        }
    }

    /**
     * {@link #applyOnce} for a channel with {@code batch=true}: the batch's events are applied in one
     * transaction, in the order of each partition, because one commit per event was what bounded a
     * consumer (benchmark B3). Types the reaction ignores are passed over by their {@code ce_type}
     * header without reading their data. An event that cannot be read is dead-lettered alone; when
     * the batch's transaction fails for good, its events are applied again one per transaction, so a
     * poison event is dead-lettered alone and the others are applied once. When it fails while the
     * application is stopping, the batch is left as it is: nothing in it dead-lettered (an unreadable
     * event neither: acknowledging the last record of a partition would commit the ones before it),
     * nothing acknowledged, so the next instance reads it all again.
     *
     * <p>
     * The reaction applies the batch's events together (set-wise statements instead of one round of reads
     * and writes per event): {@code effects} gets the events not applied before, in the order of each
     * partition, all in the batch's transaction; when that fails for good, each event alone, as a list of one.
     *
     * @return completes once the dead letters are on their topic and the batch is acknowledged (or, while
     *         stopping, left unacknowledged): the channel's method returns it, so the next batch waits and
     *         no offset passes an event that is neither applied nor dead-lettered
     */
    public CompletionStage<Void> applyBatchOnce(String consumer, KafkaRecordBatch<String, String> batch,
            Predicate<String> relevant, Consumer<List<IncomingEvent>> effects) {
        List<Pending> pending = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Set<UUID> inBatch = new HashSet<>();
        for (KafkaRecord<String, String> message : batch.getRecords()) {
            ConsumerRecord<String, String> record = consumerRecord(message);
            String type = IncomingEvent.typeOf(record);
            if (type != null && !relevant.test(type)) {
                continue;
            }
            IncomingEvent event;
            try {
                event = IncomingEvent.from(record);
            } catch (IncomingEvent.MalformedEventException e) {
                rejected.add(new Rejected(message, e));
                continue;
            }
            if (inBatch.add(event.id())) {
                pending.add(new Pending(message, event));
            } else {
                LOG.debugf("%s: event %s twice in one batch, applied once", consumer, event.id());
            }
        }
        if (!pending.isEmpty()) {
            try {
                retry.inTransaction(() -> applyAll(consumer, pending, effects));
            } catch (RuntimeException batchFailed) {
                if (retry.stopping()) {
                    return leaveForTheNextInstance(consumer, batch, batchFailed);
                }
                LOG.warnf("%s: a batch of %d events failed (%s); applying them one by one", consumer, pending.size(),
                        batchFailed.toString());
                for (Pending p : pending) {
                    try {
                        retry.inTransaction(() -> applyOne(consumer, p.event(), event -> effects.accept(List.of(event))));
                    } catch (RuntimeException e) {
                        if (retry.stopping()) {
                            return leaveForTheNextInstance(consumer, batch, e);
                        }
                        rejected.add(new Rejected(p.message(), e));
                    }
                }
            }
        }
        return CompletableFuture.allOf(rejected.stream().map(r -> r.message().nack(r.reason()).toCompletableFuture())
                .toArray(CompletableFuture[]::new)).thenCompose(done -> batch.ack());
    }

    /**
     * Completes without acknowledging the batch: the channel goes on (its next batches fail alike), and
     * the commit strategy commits no offset past a record not acknowledged, so the Kafka consumer closes
     * with the batch's offsets uncommitted. Events of it applied before the failure are skipped by id
     * when it comes again.
     */
    private static CompletionStage<Void> leaveForTheNextInstance(String consumer, KafkaRecordBatch<String, String> batch,
            RuntimeException failure) {
        LOG.infof("%s: the application is stopping, a batch of %d records is left for the next instance: %s", consumer,
                batch.getRecords().size(), failure.toString());
        return CompletableFuture.completedFuture(null);
    }

    private void applyAll(String consumer, List<Pending> pending, Consumer<List<IncomingEvent>> effects) {
        Set<UUID> first = new HashSet<>(processed.firstDeliveries(consumer, pending.stream().map(p -> p.event().id()).toList()));
        List<IncomingEvent> toApply = new ArrayList<>(first.size());
        for (Pending p : pending) {
            if (first.contains(p.event().id())) {
                toApply.add(p.event());
            } else {
                LOG.debugf("%s: event %s already applied", consumer, p.event().id());
            }
        }
        if (!toApply.isEmpty()) {
            effects.accept(toApply);
        }
        processed.recordAll(consumer, first);
    }

    private void applyOne(String consumer, IncomingEvent event, Consumer<IncomingEvent> effect) {
        if (!processed.firstDelivery(consumer, event.id())) {
            LOG.debugf("%s: event %s already applied", consumer, event.id());
            return;
        }
        effect.accept(event);
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> consumerRecord(KafkaRecord<String, String> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> (ConsumerRecord<String, String>) metadata.getRecord())
                .orElseThrow(() -> new IllegalStateException("not a record read from Kafka: " + message));
    }

    private record Pending(KafkaRecord<String, String> message, IncomingEvent event) {
    }

    /** A record to dead-letter, once the batch is done: not while stopping. */
    private record Rejected(KafkaRecord<String, String> message, RuntimeException reason) {
    }
}
