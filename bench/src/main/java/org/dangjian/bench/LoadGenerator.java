package org.dangjian.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A closed-loop load generator: a fixed number of threads each sending one request at a time with
 * one shared {@link HttpClient} (HTTP/1.1, kept-alive connections), a warm-up whose figures are
 * discarded, then a measurement window. Every side of a comparison goes through this same code.
 */
final class LoadGenerator {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Result(String label, long requests, long errors, double seconds, long[] nanos) {

        double throughput() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * nanos.length) - 1;
            return nanos[Math.max(0, Math.min(nanos.length - 1, index))] / 1e6;
        }

        String line() {
            return "| %s | %,.0f | %.2f | %.2f | %,d | %d |".formatted(label, throughput(), percentileMillis(50),
                    percentileMillis(99), requests, errors);
        }

        static String header() {
            return "| what | requests/s | p50 ms | p99 ms | requests measured | errors |\n|---|---|---|---|---|---|";
        }
    }

    private LoadGenerator() {
    }

    /** Runs {@code next} (a request built from a seeded random) for warm-up then measurement; 200 counts as success. */
    static Result run(String label, int concurrency, Duration warmUp, Duration measure, Function<SplittableRandom, HttpRequest> next)
            throws InterruptedException {
        long begin = System.nanoTime();
        long measureFrom = begin + warmUp.toNanos();
        long end = measureFrom + measure.toNanos();
        AtomicLong errors = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int[] counts = new int[concurrency];
        for (int t = 0; t < concurrency; t++) {
            long[] samples = new long[1 << 20];
            perThread.add(samples);
            int worker = t;
            SplittableRandom random = new SplittableRandom(31L * t + label.hashCode());
            Thread thread = new Thread(() -> {
                String firstError = null;
                while (true) {
                    long start = System.nanoTime();
                    if (start >= end) {
                        break;
                    }
                    int status;
                    String body = null;
                    try {
                        HttpResponse<String> response = HTTP.send(next.apply(random), HttpResponse.BodyHandlers.ofString());
                        status = response.statusCode();
                        body = response.body();
                    } catch (Exception e) {
                        status = -1;
                        body = e.toString();
                    }
                    long stop = System.nanoTime();
                    if (start >= measureFrom) {
                        if (status != 200) {
                            errors.incrementAndGet();
                            if (firstError == null) {
                                firstError = status + " " + body;
                                System.err.println("[" + label + "] first error: " + firstError);
                            }
                        } else if (counts[worker] < samples.length) {
                            samples[counts[worker]++] = stop - start;
                        }
                    }
                }
            }, "load-" + label + "-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < concurrency; t++) {
            System.arraycopy(perThread.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        Result result = new Result(label, total, errors.get(), measure.toNanos() / 1e9, all);
        System.out.println(result.line());
        return result;
    }

    static Duration warmUp() {
        return Duration.ofSeconds(Long.getLong("bench.warmup-seconds", 15));
    }

    static Duration measure() {
        return Duration.ofSeconds(Long.getLong("bench.seconds", 30));
    }

    static int concurrency() {
        return Integer.getInteger("bench.concurrency", 8);
    }
}
