package org.dangjian.platform.messaging;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which deliveries of an event are its first, as PostgreSQL answers them in the effect's transaction. */
class ProcessedEventsTest {

    private static ProcessedEventsTable table;
    private static ProcessedEvents processed;

    @BeforeAll
    static void start() throws IOException {
        table = new ProcessedEventsTable();
        processed = table.processedEvents();
    }

    @AfterAll
    static void stop() throws IOException {
        table.close();
    }

    @Test
    void theFirstDeliveryOfAnEventIsRecognizedAndItsRedeliveryIsNot() {
        UUID event = UUID.randomUUID();

        assertTrue(table.inTransaction(() -> processed.firstDelivery("a.roster", event)));
        assertFalse(table.inTransaction(() -> processed.firstDelivery("a.roster", event)));
        assertEquals(1, table.recorded("a.roster", event));
    }

    @Test
    void eachConsumerAppliesTheSameEventOnce() {
        UUID event = UUID.randomUUID();
        table.inTransaction(() -> processed.firstDelivery("a.roster", event));

        assertTrue(table.inTransaction(() -> processed.firstDelivery("a.leadership", event)));
    }

    @Test
    void aDeliveryWhoseTransactionRolledBackIsStillTheFirst() {
        UUID event = UUID.randomUUID();

        assertThrows(IllegalStateException.class, () -> table.inTransaction(() -> {
            processed.firstDelivery("a.roster", event);
            throw new IllegalStateException("the effect failed");
        }));

        assertTrue(table.inTransaction(() -> processed.firstDelivery("a.roster", event)));
    }

    @Test
    void aBatchsFirstDeliveriesAreTheIdsNotYetRecordedInTheirOrder() {
        UUID seen = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        table.inTransaction(() -> processed.firstDelivery("a.roster", seen));

        assertEquals(List.of(second, first),
                table.inTransaction(() -> processed.firstDeliveries("a.roster", List.of(second, seen, first))));
        assertEquals(List.of(), table.inTransaction(() -> processed.firstDeliveries("a.roster", List.of())));
    }

    @Test
    void aBatchRecordsAllItsIdsInOneStatement() {
        List<UUID> batch = List.of(UUID.randomUUID(), UUID.randomUUID());

        table.inTransaction(() -> {
            processed.recordAll("a.roster", batch);
            return null;
        });

        assertEquals(List.of(), table.inTransaction(() -> processed.firstDeliveries("a.roster", batch)));
    }

    @Test
    void aBatchHoldingAnIdRecordedMeanwhileRecordsNothing() {
        UUID recordedMeanwhile = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        table.inTransaction(() -> processed.firstDelivery("a.roster", recordedMeanwhile));

        assertThrows(RuntimeException.class, () -> table.inTransaction(() -> {
            processed.recordAll("a.roster", List.of(other, recordedMeanwhile));
            return null;
        }));

        assertEquals(0, table.recorded("a.roster", other));
    }
}
