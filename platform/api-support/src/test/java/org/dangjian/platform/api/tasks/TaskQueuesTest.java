package org.dangjian.platform.api.tasks;

import org.dangjian.platform.api.list.ListQuery;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskQueuesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    /** A kind over a list in memory, answering "after" exactly as its SQL would, from the position's order. */
    record InMemoryKind(String kind, boolean appliesToCaller, List<Task> tasks) implements TaskKind {
        @Override
        public long count() {
            return tasks.size();
        }

        @Override
        public List<Task> after(Position after, int limit) {
            return tasks.stream().filter(t -> after.subjectId() == null || isAfter(after, t))
                    .sorted(QUEUE_ORDER).limit(limit).toList();
        }

        private static boolean isAfter(Position p, Task t) {
            Task at = new Task(p.kind(), new Task.Subject("x", p.subjectId(), null), null, p.dueDate(), false, "");
            return QUEUE_ORDER.compare(at, t) < 0;
        }
    }

    private static List<Task> tasks(String kind, int n, Random random) {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LocalDate due = random.nextInt(5) == 0 ? null : TODAY.plusDays(random.nextInt(11) - 5);
            tasks.add(Task.of(kind, "record", new UUID(random.nextLong(), random.nextLong()), null, UUID.randomUUID(),
                    due, TODAY, "/api/v1/records/x"));
        }
        return tasks;
    }

    @Test
    void walkingTheQueueByCursorGivesEveryTaskOnceOldestDueFirstUndatedLast() {
        Random random = new Random(7);
        List<InMemoryKind> kinds = List.of(new InMemoryKind("TRANSFER_TO_ANSWER", true, tasks("TRANSFER_TO_ANSWER", 23, random)),
                new InMemoryKind("MEETING_DUE", true, tasks("MEETING_DUE", 17, random)),
                new InMemoryKind("ARREARS", true, tasks("ARREARS", 9, random)));
        List<Task> expected = new ArrayList<>();
        kinds.forEach(k -> expected.addAll(k.tasks()));
        expected.sort(TaskKind.QUEUE_ORDER);

        List<Task> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            TaskQueue page = TaskQueues.page(ListQuery.of(cursor, 4, null), kinds);
            assertEquals(Map.of("TRANSFER_TO_ANSWER", 23L, "MEETING_DUE", 17L, "ARREARS", 9L), page.counts());
            walked.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertEquals(expected, walked);
        assertEquals(13, pages);
        assertNull(walked.get(walked.size() - 1).dueDate());
    }

    @Test
    void kindsThatDoNotApplyToTheCallerAreNeitherListedNorCounted() {
        Random random = new Random(3);
        TaskQueue queue = TaskQueues.page(ListQuery.of(null, 50, null), List.of(
                new InMemoryKind("CASE_TO_APPROVE", false, tasks("CASE_TO_APPROVE", 5, random)),
                new InMemoryKind("VISIT_DUE", true, tasks("VISIT_DUE", 2, random))));
        assertEquals(Map.of("VISIT_DUE", 2L), queue.counts());
        assertEquals(2, queue.items().size());
    }

    @Test
    void aTaskDueBeforeTodayIsOverdue() {
        UUID id = UUID.randomUUID();
        assertTrue(Task.of("K", "t", id, null, id, TODAY.minusDays(1), TODAY, "/x").overdue());
        assertFalse(Task.of("K", "t", id, null, id, TODAY, TODAY, "/x").overdue());
        assertFalse(Task.of("K", "t", id, null, id, null, TODAY, "/x").overdue());
    }

    @Test
    void idsCompareAsPostgresqlComparesUuids() {
        UUID low = UUID.fromString("00000000-0000-7000-8000-000000000000");
        UUID high = UUID.fromString("00000000-0000-7000-9000-000000000000");
        List<UUID> ids = new ArrayList<>(List.of(high, low));
        Collections.sort(ids, TaskKind::compareUnsigned);
        assertEquals(List.of(low, high), ids);
        assertTrue(TaskKind.compareUnsigned(UUID.fromString("ffffffff-0000-7000-8000-000000000000"), low) > 0);
    }
}
