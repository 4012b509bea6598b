package org.dangjian.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A bounded burst of writes: creates organizations (or anything else) until {@code target} requests
 * have been answered 201, retrying failed requests (the service may be down), and stops by itself at the
 * deadline. Calls {@code onProgress} with the count of successes so a scenario can inject faults.
 */
final class WriteBurst {

    record Result(int created, int failedRequests, long millis) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    private WriteBurst() {
    }

    /** Organizations named {@code fi-<scenario>-<n>}. */
    static Result run(String scenario, Supplier<String> baseUrl, Supplier<String> token, int target, int threads,
            Duration deadline, java.util.function.IntConsumer onProgress) throws InterruptedException {
        return run(baseUrl, "/api/v1/organizations", n -> "{\"name\":\"fi-" + scenario + "-" + n + "\",\"type\":\"COMMITTEE\"}",
                token, target, threads, deadline, onProgress);
    }

    /** Any creating POST; {@code body} makes the n-th request's body (n counts every attempt). */
    static Result run(Supplier<String> baseUrl, String path, java.util.function.IntFunction<String> body,
            Supplier<String> token, int target, int threads, Duration deadline, java.util.function.IntConsumer onProgress)
            throws InterruptedException {
        AtomicInteger created = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        AtomicLong failed = new AtomicLong();
        long begin = System.nanoTime();
        long end = begin + deadline.toNanos();
        CountDownLatch done = new CountDownLatch(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                try {
                    while (created.get() < target && System.nanoTime() < end) {
                        int n = next.incrementAndGet();
                        try {
                            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl.get() + path))
                                    .timeout(Duration.ofSeconds(15))
                                    .header("Authorization", "Bearer " + token.get())
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body.apply(n))).build(), HttpResponse.BodyHandlers.discarding());
                            if (response.statusCode() == 201) {
                                onProgress.accept(created.incrementAndGet());
                            } else {
                                failed.incrementAndGet();
                                Thread.sleep(50);
                            }
                        } catch (java.io.IOException e) {
                            failed.incrementAndGet();
                            Thread.sleep(100);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdownNow();
        return new Result(created.get(), (int) failed.get(), Duration.ofNanos(System.nanoTime() - begin).toMillis());
    }
}
