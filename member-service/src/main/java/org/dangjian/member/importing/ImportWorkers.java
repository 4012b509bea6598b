package org.dangjian.member.importing;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dangjian.member.config.MemberRules;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The threads an import spreads its CPU work over (parsing and Bean Validation, blind indexes, sealing the next chunk
 * while one is written): a fixed number ({@code dangjian.member.imports.workers}) of named threads, owned by this bean
 * and stopped with it, instead of the JVM's common pool that anything else in the process may also be using. The
 * work they get touches no database, transaction or request context; they carry the application's class loader, so
 * the messages' bundles and Bean Validation resolve as on the request's thread.
 */
@ApplicationScoped
public class ImportWorkers {

    private final int workers;
    private final ExecutorService executor;

    @Inject
    public ImportWorkers(MemberRules rules) {
        this(rules.imports().workers().orElse(Math.max(1, Runtime.getRuntime().availableProcessors() - 1)));
    }

    ImportWorkers(int workers) {
        this.workers = workers;
        if (workers < 1) {
            throw new IllegalArgumentException("dangjian.member.imports.workers must be at least 1, was " + workers);
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        AtomicInteger numbers = new AtomicInteger();
        // Unbounded queue: each import queues a few tasks (its slices and chunks) and waits for them, so the queue is
        // bounded by the requests in flight, which the HTTP layer and the bulk-operation limit already bound.
        this.executor = new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "member-import-" + numbers.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        });
        ((ThreadPoolExecutor) executor).allowCoreThreadTimeOut(true); // idle between imports
    }

    /** The number of worker threads. */
    int workers() {
        return workers;
    }

    /**
     * {@code each(0..count-1)} in order, split into up to {@code workers + 1} slices of at least {@code minimumSlice}:
     * the first on the calling thread, the others on the workers. A slice's failure is rethrown here.
     */
    <R> List<R> map(int count, int minimumSlice, IntFunction<R> each) {
        int slices = Math.max(1, Math.min(workers + 1, count / Math.max(1, minimumSlice)));
        List<CompletableFuture<List<R>>> others = new ArrayList<>(slices - 1);
        for (int s = 1; s < slices; s++) {
            int from = count * s / slices;
            int to = count * (s + 1) / slices;
            others.add(CompletableFuture.supplyAsync(() -> slice(from, to, each), executor));
        }
        List<R> results = new ArrayList<>(count);
        results.addAll(slice(0, count / slices, each));
        for (CompletableFuture<List<R>> other : others) {
            results.addAll(join(other));
        }
        return results;
    }

    /** {@code work} on a worker, e.g. the next chunk's preparation while this thread writes one. */
    <R> CompletableFuture<R> submit(Supplier<R> work) {
        return CompletableFuture.supplyAsync(work, executor);
    }

    /** The result of work given to {@link #submit}, its failure rethrown as it was thrown. */
    static <R> R join(CompletableFuture<R> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static <R> List<R> slice(int from, int to, IntFunction<R> each) {
        List<R> results = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            results.add(each.apply(i));
        }
        return results;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
