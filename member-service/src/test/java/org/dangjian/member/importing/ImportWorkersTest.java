package org.dangjian.member.importing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An import's CPU work is spread over its own bounded, named workers and comes back in the rows' order. */
class ImportWorkersTest {

    private final ImportWorkers workers = new ImportWorkers(2);

    @AfterEach
    void stop() {
        workers.stop();
    }

    @Test
    void resultsComeBackInTheOrderOfTheRowsWhicheverThreadMadeThem() {
        List<Integer> squares = workers.map(1000, 10, i -> i * i);

        assertEquals(IntStream.range(0, 1000).map(i -> i * i).boxed().toList(), squares);
    }

    @Test
    void theWorkIsSharedByTheCallerAndAtMostTheConfiguredNumberOfNamedWorkers() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        workers.map(3000, 10, i -> threads.add(Thread.currentThread().getName()));

        assertTrue(threads.contains(Thread.currentThread().getName()));
        threads.remove(Thread.currentThread().getName());
        assertTrue(threads.size() <= 2, threads.toString());
        assertTrue(threads.stream().allMatch(name -> name.startsWith("member-import-")), threads.toString());
    }

    @Test
    void fewRowsStayOnTheCallersThread() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        workers.map(9, 10, i -> threads.add(Thread.currentThread().getName()));

        assertEquals(Set.of(Thread.currentThread().getName()), threads);
    }

    @Test
    void aFailureOnAWorkerIsRethrownAsItWasThrown() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> workers.map(100, 10, i -> {
            if (i == 99) {
                throw new IllegalStateException("row 99");
            }
            return i;
        }));
        assertEquals("row 99", e.getMessage());
    }

    @Test
    void lessThanOneWorkerIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ImportWorkers(0));
    }
}
