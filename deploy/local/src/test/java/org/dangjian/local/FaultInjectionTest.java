package org.dangjian.local;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults injected into the real system during a burst of N writes (default 10,000; -Dfault.n=...),
 * then every consumer's copy reconciled against the source. Run with {@code ./mvnw verify -Pfault-injection}.
 */
@Tag("fault-injection")
class FaultInjectionTest {

    private static final int N = Integer.getInteger("fault.n", 10_000);
    private static final int THREADS = Integer.getInteger("fault.threads", 8);
    private static final List<DangjianService> CONSUMERS = List.of(DangjianService.MEMBER, DangjianService.ACTIVITY,
            DangjianService.ASSISTANCE);
    private static final List<String> TABLE = new ArrayList<>();

    private static LocalSystem system;
    private static String token;

    @BeforeAll
    static void startTheSystem() {
        system = LocalSystem.start(LocalSystem.root(), Path.of("target", "fault-injection"), LocalSystem.PortPlan.free(), false);
        token = system.adminToken();
        TABLE.add("%-34s %-20s %7s %7s %5s %10s %9s %8s".formatted("scenario", "consumer", "sent", "applied", "lost",
                "duplicated", "201s", "seconds"));
    }

    @AfterAll
    static void printTheTableAndStop() {
        System.out.println("\n[fault-injection] N = " + N + " writes per scenario");
        TABLE.forEach(line -> System.out.println("[fault-injection] " + line));
        system.close();
    }

    @Test
    void kafkaBrokerStoppedDuringABurstAndRestartedLater() throws Exception {
        scenario("kafka-down", () -> system.stack().kafka().stop(true), Duration.ofSeconds(15),
                () -> system.stack().kafka().restart());
    }

    @Test
    void producerKilledBetweenCommittingAndPublishing() throws Exception {
        ServiceProcess organization = system.process(DangjianService.ORGANIZATION);
        scenario("producer-killed", () -> organization.stop(true), Duration.ofSeconds(2), () -> {
            organization.start();
            organization.awaitReady(Duration.ofSeconds(120));
        });
    }

    @Test
    void consumerKilledMidBatch() throws Exception {
        ServiceProcess member = system.process(DangjianService.MEMBER);
        scenario("consumer-killed", () -> member.stop(true), Duration.ofSeconds(2), () -> {
            member.start();
            member.awaitReady(Duration.ofSeconds(120));
        });
    }

    @Test
    void postgresRestartedUnderLoad() throws Exception {
        scenario("postgres-restarted", () -> system.stack().postgres().stopServer(), Duration.ofSeconds(3),
                () -> system.stack().postgres().startAgain());
    }

    @Test
    void malformedEventOnTheTopic() throws Exception {
        scenario("malformed-event", () -> {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.stack().kafka().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 10; i++) {
                    producer.send(new ProducerRecord<>("dangjian.organization.v1", "garbage-" + i, "{not an event")).get(10, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, Duration.ZERO, () -> { });
    }

    private void scenario(String name, Runnable inject, Duration outage, Runnable heal) throws Exception {
        AtomicBoolean injected = new AtomicBoolean();
        List<Thread> faults = new ArrayList<>();
        long begin = System.nanoTime();
        WriteBurst.Result burst = WriteBurst.run(name, () -> system.baseUrl(DangjianService.ORGANIZATION), () -> token, N, THREADS,
                Duration.ofMinutes(8), created -> {
                    if (created >= N / 3 && injected.compareAndSet(false, true)) {
                        Thread fault = new Thread(() -> {
                            System.out.printf("[fault-injection] %s: injecting after %d writes%n", name, created);
                            inject.run();
                            sleep(outage);
                            heal.run();
                            System.out.printf("[fault-injection] %s: healed%n", name);
                        }, "fault-" + name);
                        fault.start();
                        faults.add(fault);
                    }
                });
        for (Thread fault : faults) {
            fault.join();
        }
        assertTrue(burst.created() >= N, name + ": only " + burst.created() + " writes answered 201 before the deadline");

        Reconciliation reconciliation = new Reconciliation(system.stack());
        List<Reconciliation.Row> rows = awaitReconciled(reconciliation, name, Duration.ofMinutes(4));
        double seconds = Duration.ofNanos(System.nanoTime() - begin).toMillis() / 1000.0;
        for (Reconciliation.Row row : rows) {
            TABLE.add("%-34s %-20s %7d %7d %5d %10d %9d %8.1f".formatted(name, row.consumer(), row.sent(), row.applied(),
                    row.lost(), row.duplicated(), burst.created(), seconds));
        }
        for (Reconciliation.Row row : rows) {
            assertEquals(0, row.lost(), name + " lost events in " + row.consumer());
            assertEquals(0, row.duplicated(), name + " duplicated effects in " + row.consumer());
            assertTrue(row.sent() >= burst.created(), name + ": fewer source rows than 201 answers");
        }
    }

    private static List<Reconciliation.Row> awaitReconciled(Reconciliation reconciliation, String scenario, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Reconciliation.Row> rows = new ArrayList<>();
            for (DangjianService consumer : CONSUMERS) {
                rows.add(reconciliation.against(consumer.module(), consumer.database(), scenario));
            }
            if (rows.stream().allMatch(r -> r.lost() == 0) || System.nanoTime() > deadline) {
                return rows;
            }
            Thread.sleep(500);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
