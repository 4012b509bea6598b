package org.dangjian.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dangjian.local.DangjianService;
import org.dangjian.platform.api.Caller;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * B3: transfers (issue, then accept: member.transferred through member-service's outbox) at a fixed
 * rate; for each, the time from the accepting request's answer until the member's new branch is
 * visible in activity-service's roster and in assistance-service's beneficiary (their databases,
 * polled every 20 ms), against a raw Kafka produce→consume round trip measured in the same run.
 * Goal: p99 ≤ 3× the raw round trip + one relay poll (1 s by default); 0 lost.
 */
public final class Propagation {

    private Propagation() {
    }

    public static void main(String[] args) throws Exception {
        int rate = Integer.getInteger("bench.transfer-rate", 20);
        int seconds = Integer.getInteger("bench.transfer-seconds", 60);
        // The first transfers meet cold consumers (first transactions, JIT): sent and checked, not timed.
        int warmUpSeconds = Integer.getInteger("bench.transfer-warmup-seconds", 10);
        try (Bench bench = Bench.start("b3", DangjianService.MEMBER, DangjianService.ACTIVITY, DangjianService.ASSISTANCE)) {
            ScaleData data = bench.load(DangjianService.MEMBER, DangjianService.ACTIVITY, DangjianService.ASSISTANCE);
            int warmUp = Math.min(rate * warmUpSeconds, data.cases / 2);
            int transfers = Math.min(warmUp + rate * seconds, data.cases);
            java.util.Set<UUID> timed = ConcurrentHashMap.newKeySet();
            double[] raw = rawRoundTrip(bench, rate, Math.min(seconds, 30));

            String token = bench.token(Caller.PLATFORM_ADMIN, null);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            ObjectMapper json = new ObjectMapper();
            String base = bench.baseUrl(DangjianService.MEMBER) + "/api/v1/transfers";
            int stride = data.members / data.cases;
            Map<UUID, Long> accepted = new ConcurrentHashMap<>();
            Map<UUID, UUID> target = new ConcurrentHashMap<>();
            Map<UUID, Long> seenActivity = new ConcurrentHashMap<>();
            Map<UUID, Long> seenAssistance = new ConcurrentHashMap<>();
            List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService senders = Executors.newFixedThreadPool(Math.max(4, rate / 5));
            long begin = System.nanoTime();
            for (int k = 0; k < transfers; k++) {
                ScaleData.Member m = data.member(k * stride);
                if (k >= warmUp) {
                    timed.add(m.id());
                }
                UUID to = data.branchOf((k * stride + ScaleData.MEMBERS_PER_BRANCH) % data.members).id();
                long due = begin + (long) (k * 1e9 / rate);
                senders.execute(() -> {
                    try {
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        HttpResponse<String> issued = http.send(post(base, token, "{\"memberId\":\"" + m.id() + "\",\"toOrgId\":\"" + to + "\"}"),
                                HttpResponse.BodyHandlers.ofString());
                        if (issued.statusCode() != 201) {
                            failures.add("issue " + issued.statusCode() + " " + issued.body());
                            return;
                        }
                        String id = json.readTree(issued.body()).get("id").asText();
                        target.put(m.id(), to);
                        HttpResponse<String> accept = http.send(post(base + "/" + id + "/accept", token, "{}"),
                                HttpResponse.BodyHandlers.ofString());
                        if (accept.statusCode() != 200) {
                            failures.add("accept " + accept.statusCode() + " " + accept.body());
                            return;
                        }
                        accepted.put(m.id(), System.nanoTime());
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                });
            }
            senders.shutdown();
            // Poll both consumers' tables until every accepted transfer is visible in both, or a minute after the last.
            long deadline = Long.MAX_VALUE;
            try (Connection activity = bench.connect(DangjianService.ACTIVITY);
                    Connection assistance = bench.connect(DangjianService.ASSISTANCE);
                    PreparedStatement rosters = activity.prepareStatement("select member_id, org_id from roster_member where member_id = any(?)");
                    PreparedStatement beneficiaries = assistance.prepareStatement(
                            "select member_id, org_id from beneficiary where member_id = any(?) and status = 'ACTIVE'")) {
                while (System.nanoTime() < deadline) {
                    if (senders.isTerminated() && deadline == Long.MAX_VALUE) {
                        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    }
                    poll(rosters, activity, accepted, target, seenActivity);
                    poll(beneficiaries, assistance, accepted, target, seenAssistance);
                    if (senders.isTerminated() && seenActivity.size() == accepted.size() && seenAssistance.size() == accepted.size()) {
                        break;
                    }
                    Thread.sleep(20);
                }
            }
            double sendSeconds = (System.nanoTime() - begin) / 1e9;
            double[] toActivity = latencies(accepted, seenActivity, timed);
            double[] toAssistance = latencies(accepted, seenAssistance, timed);
            long lost = 2L * accepted.size() - seenActivity.size() - seenAssistance.size();
            double bound = 3 * percentile(raw, 99) + 1000;
            bench.report("%,d transfers requested at %d/s (issue + accept, platform-admin), members with an assistance case; "
                    + "effect polled every 20 ms in the consumers' tables; the first %d s (%,d transfers) warm the consumers and "
                    + "are checked for loss but not timed. Relay poll interval: 1 s (default).", transfers, rate, warmUpSeconds, warmUp);
            bench.report("");
            bench.report("| what | count | p50 ms | p99 ms | max ms | not seen within 60 s |\n|---|---|---|---|---|---|");
            bench.report("| raw Kafka produce→consume (bench JVM, same broker, %d/s) | %,d | %.1f | %.1f | %.1f | — |", rate, raw.length,
                    percentile(raw, 50), percentile(raw, 99), percentile(raw, 100));
            bench.report("| accept answered → activity-service roster_member moved | %,d | %.1f | %.1f | %.1f | %d |", toActivity.length,
                    percentile(toActivity, 50), percentile(toActivity, 99), percentile(toActivity, 100), accepted.size() - seenActivity.size());
            bench.report("| accept answered → assistance-service beneficiary moved | %,d | %.1f | %.1f | %.1f | %d |", toAssistance.length,
                    percentile(toAssistance, 50), percentile(toAssistance, 99), percentile(toAssistance, 100),
                    accepted.size() - seenAssistance.size());
            bench.report("");
            bench.report("Accepted %,d of %,d transfers in %.1f s (%.1f/s); %d requests failed%s.", accepted.size(), transfers, sendSeconds,
                    accepted.size() / sendSeconds, failures.size(), failures.isEmpty() ? "" : " (first: " + failures.get(0) + ")");
            double worst = Math.max(percentile(toActivity, 99), percentile(toAssistance, 99));
            bench.report("**p99 %.0f ms vs bound 3 × raw p99 + 1 relay poll = %.0f ms (goal: %s); lost: %d (goal 0: %s).**", worst, bound,
                    worst <= bound ? "met" : "missed", lost, lost == 0 ? "met" : "missed");
            bench.report("The issue asks for 200 transfers/s for 5 minutes: -Dbench.transfer-rate=200 -Dbench.transfer-seconds=300 "
                    + "(needs scale ≥ 0.6 for 60,000 members with cases).");
            bench.write("B3: event propagation of transfers", null);
        }
    }

    private static void poll(PreparedStatement q, Connection c, Map<UUID, Long> accepted, Map<UUID, UUID> target, Map<UUID, Long> seen)
            throws Exception {
        UUID[] pending = accepted.keySet().stream().filter(id -> !seen.containsKey(id)).toArray(UUID[]::new);
        if (pending.length == 0) {
            return;
        }
        Array array = c.createArrayOf("uuid", pending);
        q.setArray(1, array);
        long now = System.nanoTime();
        try (ResultSet r = q.executeQuery()) {
            while (r.next()) {
                UUID member = r.getObject(1, UUID.class);
                if (target.get(member).equals(r.getObject(2, UUID.class))) {
                    seen.putIfAbsent(member, now);
                }
            }
        }
    }

    private static double[] latencies(Map<UUID, Long> accepted, Map<UUID, Long> seen, java.util.Set<UUID> timed) {
        return seen.entrySet().stream().filter(e -> timed.contains(e.getKey())).mapToDouble(e -> Math.max(0, (e.getValue() - accepted.get(e.getKey())) / 1e6)).sorted().toArray();
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static HttpRequest post(String url, String token, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Produce→consume latency of small records on a fresh topic of the same broker, at the same rate. */
    static double[] rawRoundTrip(Bench bench, int rate, int seconds) throws Exception {
        String topic = "bench.roundtrip";
        Properties common = new Properties();
        common.put("bootstrap.servers", bench.stack.kafka().bootstrapServers());
        try (Admin admin = Admin.create(common)) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        Properties pc = new Properties();
        pc.putAll(common);
        pc.put("key.serializer", StringSerializer.class.getName());
        pc.put("value.serializer", StringSerializer.class.getName());
        pc.put("acks", "all");
        Properties cc = new Properties();
        cc.putAll(common);
        cc.put("key.deserializer", StringDeserializer.class.getName());
        cc.put("value.deserializer", StringDeserializer.class.getName());
        cc.put("group.id", "bench-roundtrip");
        cc.put("auto.offset.reset", "earliest");
        int n = rate * seconds;
        double[] latencies = new double[n];
        int[] received = {0};
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(pc); KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cc)) {
            consumer.subscribe(List.of(topic));
            consumer.poll(Duration.ofSeconds(5));
            Thread receiver = new Thread(() -> {
                long stop = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 30L);
                while (received[0] < n && System.nanoTime() < stop) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                        latencies[received[0]++] = (System.nanoTime() - Long.parseLong(r.value())) / 1e6;
                    }
                }
            });
            receiver.start();
            long begin = System.nanoTime();
            for (int k = 0; k < n; k++) {
                long wait = begin + (long) (k * 1e9 / rate) - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), Long.toString(System.nanoTime())));
            }
            receiver.join();
        }
        double[] got = Arrays.copyOf(latencies, received[0]);
        Arrays.sort(got);
        return got;
    }
}
