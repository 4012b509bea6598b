package org.dangjian.local;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
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
import java.util.concurrent.atomic.AtomicReference;

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
    /** Member registrations per scenario, written beside the organizations (member-service as the producer). */
    private static final int MEMBERS = Integer.getInteger("fault.members", N / 2);
    /** Distinct national IDs across all scenarios of a run. */
    private static final java.util.concurrent.atomic.AtomicInteger MEMBER_SEQUENCE = new java.util.concurrent.atomic.AtomicInteger();
    private static final List<DangjianService> CONSUMERS = List.of(DangjianService.MEMBER, DangjianService.ACTIVITY,
            DangjianService.ASSISTANCE);
    private static final List<String> TABLE = new ArrayList<>();

    private static LocalSystem system;
    private static String token;

    @BeforeAll
    static void startTheSystem() {
        system = LocalSystem.start(LocalSystem.root(), Path.of("target", "fault-injection"), LocalSystem.PortPlan.free(), false);
        token = system.adminToken();
        TABLE.add("%-34s %-36s %7s %7s %5s %10s %9s %8s".formatted("scenario", "consumer", "sent", "applied", "lost",
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
        java.util.UUID branch = branchFor(name);
        AtomicReference<WriteBurst.Result> members = new AtomicReference<>();
        Thread memberBurst = new Thread(() -> {
            try {
                members.set(WriteBurst.run(() -> system.baseUrl(DangjianService.MEMBER), "/api/v1/members",
                        n -> member(branch), () -> token, MEMBERS, Math.max(1, THREADS / 2), Duration.ofMinutes(8), created -> { }));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "members-" + name);
        memberBurst.start();
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
        memberBurst.join();
        assertTrue(burst.created() >= N, name + ": only " + burst.created() + " writes answered 201 before the deadline");
        assertTrue(members.get() != null && members.get().created() >= MEMBERS,
                name + ": only " + (members.get() == null ? 0 : members.get().created()) + " member registrations answered 201");

        Reconciliation reconciliation = new Reconciliation(system.stack());
        List<Reconciliation.Row> rows = awaitReconciled(reconciliation, name, branch, Duration.ofMinutes(4));
        double seconds = Duration.ofNanos(System.nanoTime() - begin).toMillis() / 1000.0;
        for (Reconciliation.Row row : rows) {
            int answered = row.consumer().contains("(") ? members.get().created() : burst.created();
            TABLE.add("%-34s %-36s %7d %7d %5d %10d %9d %8.1f".formatted(name, row.consumer(), row.sent(), row.applied(),
                    row.lost(), row.duplicated(), answered, seconds));
        }
        for (Reconciliation.Row row : rows) {
            assertEquals(0, row.lost(), name + " lost events in " + row.consumer());
            assertEquals(0, row.duplicated(), name + " duplicated effects in " + row.consumer());
            int answered = row.consumer().contains("(") ? members.get().created() : burst.created();
            assertTrue(row.sent() >= answered, name + ": fewer source rows than 201 answers in " + row.consumer());
        }
    }

    private static List<Reconciliation.Row> awaitReconciled(Reconciliation reconciliation, String scenario,
            java.util.UUID branch, Duration timeout) throws Exception {
        AtomicReference<List<Reconciliation.Row>> last = new AtomicReference<>();
        try {
            return Awaitility.await(scenario + " reconciled").atMost(timeout).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        List<Reconciliation.Row> rows = new ArrayList<>();
                        for (DangjianService consumer : CONSUMERS) {
                            rows.add(reconciliation.against(consumer.module(), consumer.database(), scenario));
                        }
                        rows.addAll(reconciliation.againstMembers(branch));
                        last.set(rows);
                        return rows;
                    }, rows -> rows.stream().allMatch(r -> r.lost() == 0));
        } catch (ConditionTimeoutException stillLost) {
            return last.get(); // the table and the assertions name the consumer that lost events
        }
    }

    /** A branch of its own per scenario, known to member-service before members are registered in it. */
    private static java.util.UUID branchFor(String scenario) throws Exception {
        Client api = new Client(system, token);
        String committee = api.post(DangjianService.ORGANIZATION, "/api/v1/organizations",
                "{\"name\":\"fim-" + scenario + "-committee\",\"type\":\"COMMITTEE\"}", 201).get("id").asText();
        String branch = api.post(DangjianService.ORGANIZATION, "/api/v1/organizations",
                "{\"name\":\"fim-" + scenario + "-branch\",\"type\":\"BRANCH\",\"parentId\":\"" + committee + "\"}", 201)
                .get("id").asText();
        api.await(DangjianService.MEMBER, "/api/v1/organization-tree/" + branch, node -> true);
        return java.util.UUID.fromString(branch);
    }

    /** A full member with a national ID no other registration of the run uses (GB 11643 check character). */
    private static String member(java.util.UUID branch) {
        int k = MEMBER_SEQUENCE.incrementAndGet();
        java.time.LocalDate born = java.time.LocalDate.of(1950, 1, 1).plusDays(k / 900);
        int sequence = 100 + k % 900;
        String first17 = "350203" + born.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + sequence;
        String nationalId = first17 + org.dangjian.platform.api.pii.NationalIdNumber.checkCharacter(first17);
        return """
                {"name":"故障注入党员","gender":"%s","ethnicity":"01","nationalId":"%s","education":"BACHELOR",
                 "category":"EMPLOYED","orgId":"%s","stage":"FULL","appliedOn":"2005-03-01","activistOn":"2005-09-01",
                 "candidateOn":"2006-10-01","admittedOn":"2007-01-10","fullOn":"2008-01-10"}"""
                .formatted(sequence % 2 == 1 ? "MALE" : "FEMALE", nationalId, branch);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
