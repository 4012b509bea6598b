package org.dangjian.platform.api.tasks;

import org.dangjian.platform.api.list.Cursor;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges a service's {@link TaskKind}s into the caller's {@link TaskQueue}: each kind that applies to the caller
 * is counted and asked for one page after the cursor; the merged first page of them is the answer. A page costs
 * one count and one bounded query per kind, however many branches the caller oversees.
 */
public final class TaskQueues {

    private TaskQueues() {
    }

    public static TaskQueue page(ListQuery query, List<? extends TaskKind> kinds) {
        query.sort("dueDate");
        TaskKind.Position after = query.after()
                .map(c -> new TaskKind.Position(c.date(0), c.string(1), c.uuid(2)))
                .orElse(TaskKind.Position.START);
        Map<String, Long> counts = new TreeMap<>();
        List<Task> candidates = new ArrayList<>();
        for (TaskKind kind : kinds) {
            if (!kind.appliesToCaller()) {
                continue;
            }
            counts.put(kind.kind(), kind.count());
            candidates.addAll(kind.after(after, query.limit()));
        }
        candidates.sort(TaskKind.QUEUE_ORDER);
        List<Task> firstOnes = candidates.subList(0, Math.min(candidates.size(), query.limit()));
        ListPage<Task> page = ListPage.of(firstOnes, query,
                t -> Cursor.at(t.dueDate() == null ? TaskKind.Position.UNDATED : t.dueDate(), t.kind(), t.subject().id()));
        return new TaskQueue(page.items(), page.nextCursor(), new LinkedHashMap<>(counts));
    }
}
