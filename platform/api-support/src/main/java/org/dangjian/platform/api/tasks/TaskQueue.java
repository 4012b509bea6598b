package org.dangjian.platform.api.tasks;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * A caller's work queue: a page of tasks, oldest due first (undated last), the cursor of the next page, and
 * how many tasks of each kind there are in all — the badge — so a client need not walk the pages to count.
 */
@Schema(name = "TaskQueue", description = "待办: a page of tasks, oldest due first, with counts per kind for a badge")
public record TaskQueue(List<Task> items,
        @Schema(nullable = true, description = "pass back as `cursor`; null on the last page") String nextCursor,
        @Schema(description = "tasks of each kind in the whole queue, kinds with none included as 0")
        Map<String, Long> counts) {
}
