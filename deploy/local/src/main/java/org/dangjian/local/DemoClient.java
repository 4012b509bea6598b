package org.dangjian.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The demo loader's HTTP side: the services' public REST APIs with the platform administrator's
 * token, and a small pool for requests that are independent of each other (the services are
 * multi-threaded; one request at a time would leave them idle while the loader waits).
 */
final class DemoClient implements AutoCloseable {

    /** Enough to keep four services busy on two cores without piling up requests. */
    static final int PARALLELISM = 8;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalSystem system;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService pool = Executors.newFixedThreadPool(PARALLELISM, r -> {
        Thread t = new Thread(r, "demo-data");
        t.setDaemon(true);
        return t;
    });
    private int requests;

    DemoClient(LocalSystem system) {
        this.system = system;
        this.token = system.adminToken();
    }

    static ObjectMapper json() {
        return JSON;
    }

    JsonNode post(DangjianService service, String path, Object body, int expected) {
        return send(builder(service, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))), expected);
    }

    /** A POST that changes a versioned record: If-Match carries the version the caller last saw. */
    JsonNode post(DangjianService service, String path, Object body, long version, int expected) {
        return send(builder(service, path).header("Content-Type", "application/json").header("If-Match", "\"" + version + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))), expected);
    }

    JsonNode postCsv(DangjianService service, String path, String csv, int expected) {
        return send(builder(service, path).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)), expected);
    }

    JsonNode put(DangjianService service, String path, Object body, int expected) {
        return send(builder(service, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))), expected);
    }

    JsonNode get(DangjianService service, String path, int expected) {
        return send(builder(service, path).GET(), expected);
    }

    /** Polls a GET until it answers 200 with a body the condition accepts (the services' copies are eventual). */
    JsonNode await(DangjianService service, String path, Predicate<JsonNode> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                JsonNode body = get(service, path, 200);
                if (condition.test(body)) {
                    return body;
                }
                last = "condition not met";
            } catch (IllegalStateException notYet) {
                last = notYet.getMessage();
            }
            sleep(100);
        }
        throw new IllegalStateException("demo data: " + service.module() + " " + path + " not ready within " + timeout
                + " (" + last + ")");
    }

    /** Runs {@code action} for every item on the pool and returns the results in the items' order. */
    <T, R> List<R> parallel(List<T> items, Function<T, R> action) {
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(pool.submit(() -> action.apply(item)));
        }
        List<R> results = new ArrayList<>(items.size());
        for (Future<R> future : futures) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(false));
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return results;
    }

    /** Runs {@code task} on the pool; tasks start in the order they were submitted. */
    <R> Future<R> submit(java.util.concurrent.Callable<R> task) {
        return pool.submit(task);
    }

    /** The result of a task submitted here; its failure rethrown as is. */
    static <R> R join(Future<R> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    synchronized int requests() {
        return requests;
    }

    private synchronized void count() {
        requests++;
    }

    private HttpRequest.Builder builder(DangjianService service, String path) {
        return HttpRequest.newBuilder(URI.create(system.baseUrl(service) + path));
    }

    private JsonNode send(HttpRequest.Builder request, int expected) {
        count();
        try {
            HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token)
                    .header("Accept-Language", "en").timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                        + response.statusCode() + " " + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
