package org.dangjian.platform.messaging;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Between the counts at the end of relay passes, the reported backlog shrinks by each batch published. */
class OutboxBacklogTest {

    private final OutboxBacklog backlog = new OutboxBacklog();

    @Test
    void aBatchPublishedMidPassLowersTheBacklogByItsSize() {
        pending(5_000);

        backlog.drained(500);

        assertEquals(4_500, backlog.pending());
    }

    @Test
    void theBacklogNeverReadsBelowZero() {
        pending(300);

        backlog.drained(500);

        assertEquals(0, backlog.pending());
    }

    /** What the last count at the end of a pass found. */
    private void pending(long count) {
        backlog.counted(count, 0);
    }
}
