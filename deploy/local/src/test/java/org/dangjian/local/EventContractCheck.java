package org.dangjian.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Sends every variant of every event type that its producer's schema allows through the real topic to every
 * consumer that declares it (AsyncAPI), and checks that each consumer applied it (its id in the consumer's
 * {@code processed_event}, written with the effect), that no variant was dead-lettered, and that what each
 * consumer declares it reads accepts every variant the producer may send.
 */
final class EventContractCheck {

    /** One (event type, variant, consumer) sent, and what became of it. */
    record Delivery(String type, String variant, String consumer, UUID eventId, String outcome) {
        boolean passed() {
            return outcome.equals("applied");
        }

        @Override
        public String toString() {
            return "%-34s %-58s %-36s %s".formatted(type, variant, consumer, outcome);
        }
    }

    record Report(List<Delivery> deliveries, List<String> variantsWithoutConsumer, List<String> failures) {
    }

    private final SystemProbe probe;
    private final EventContracts contracts;

    EventContractCheck(SystemProbe probe, EventContracts contracts) {
        this.probe = probe;
        this.contracts = contracts;
    }

    Report run(Duration timeout) {
        List<String> failures = new ArrayList<>(contracts.problems());
        List<String> withoutConsumer = new ArrayList<>();
        record Sent(EventContracts.Variant variant, UUID id, List<EventContracts.Consumer> consumers) {
        }
        List<Sent> sent = new ArrayList<>();
        for (EventContracts.EventType type : contracts.types()) {
            List<EventContracts.Consumer> consumers = contracts.consumersOf(type.type());
            for (EventContracts.Variant variant : contracts.variants(type)) {
                if (consumers.isEmpty()) {
                    withoutConsumer.add(variant.toString());
                    continue;
                }
                ObjectNode data = EventContracts.withFreshIds(variant.data());
                for (EventContracts.Consumer consumer : consumers) {
                    var declared = consumer.declaredPayload(type.type());
                    if (declared != null) {
                        List<String> refused = EventContracts.validate(declared, data);
                        if (!refused.isEmpty()) {
                            failures.add(consumer + " declares a payload for " + variant + " that the producer does not guarantee: "
                                    + refused);
                        }
                    }
                }
                sent.add(new Sent(variant, probe.publish(type, data.toString(), type.subjectOf(data)), consumers));
            }
        }
        List<Delivery> deliveries = new ArrayList<>();
        Set<UUID> sentIds = new HashSet<>();
        sent.forEach(s -> sentIds.add(s.id()));
        try {
            // What is still not applied at the deadline is reported below, with the dead letters that explain it.
            await("every variant applied by every consumer").atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
                deliveries.clear();
                for (Sent s : sent) {
                    for (EventContracts.Consumer consumer : s.consumers()) {
                        boolean applied = !probe.applied(consumer, List.of(s.id())).isEmpty();
                        deliveries.add(new Delivery(s.variant().type().type(), s.variant().description(), consumer.name(),
                                s.id(), applied ? "applied" : "not applied"));
                    }
                }
                return deliveries.stream().allMatch(Delivery::passed);
            });
        } catch (ConditionTimeoutException notAllApplied) {
            // reported as failures
        }
        for (SystemProbe.DeadLetter dead : probe.deadLetters()) {
            if (dead.id() != null && sentIds.contains(UUID.fromString(dead.id()))) {
                failures.add("dead-lettered on " + dead.topic() + ": " + dead.type() + " " + dead.id() + " (" + dead.reason() + ")");
                for (int i = 0; i < deliveries.size(); i++) {
                    Delivery d = deliveries.get(i);
                    if (d.eventId().toString().equals(dead.id()) && dead.topic().contains(d.consumer().split("\\.")[0])) {
                        deliveries.set(i, new Delivery(d.type(), d.variant(), d.consumer(), d.eventId(), "dead-lettered"));
                    }
                }
            }
        }
        deliveries.stream().filter(d -> !d.passed()).forEach(d -> failures.add(d.toString()));
        return new Report(List.copyOf(deliveries), withoutConsumer, failures);
    }
}
