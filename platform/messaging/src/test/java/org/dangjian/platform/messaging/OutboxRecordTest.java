package org.dangjian.platform.messaging;

import io.smallrye.reactive.messaging.kafka.IncomingKafkaCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.impl.ce.KafkaCloudEventHelper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The relay writes the CloudEvents headers itself; consumers read them with SmallRye's CloudEvents support. */
class OutboxRecordTest {

    private static final UUID EVENT_ID = UUID.fromString("0b8f4f8e-6a55-4a8e-9d0e-3f1c2b7a9e01");
    private static final UUID MEMBER_ID = UUID.fromString("5d1e2c3b-4a59-4f68-8777-96a5b4c3d2e1");
    private static final OffsetDateTime OCCURRED_AT = OffsetDateTime.of(2026, 12, 3, 21, 5, 7, 123_456_000, ZoneOffset.UTC);

    private final ProducerRecord<String, String> record = OutboxRelay.record(new OutboxRelay.Pending(
            EVENT_ID, "dangjian.member.events", "member.transferred", "/member-service", MEMBER_ID,
            "{\"memberId\":\"" + MEMBER_ID + "\"}", OCCURRED_AT, 42L));

    @Test
    void anOutboxRowBecomesABinaryModeCloudEventThatSmallRyeReadsBack() {
        IncomingKafkaCloudEventMetadata<String, String> event = KafkaCloudEventHelper.createFromBinaryCloudEvent(received());

        assertEquals("1.0", event.getSpecVersion());
        assertEquals(EVENT_ID.toString(), event.getId());
        assertEquals("member.transferred", event.getType());
        assertEquals(URI.create("/member-service"), event.getSource());
        assertEquals(Optional.of(MEMBER_ID.toString()), event.getSubject());
        assertEquals(Optional.of("application/json"), event.getDataContentType());
        assertEquals(Optional.of(URI.create("urn:dangjian:event:member.transferred:v1")), event.getDataSchema());
        assertEquals(OCCURRED_AT.toInstant(), event.getTimeStamp().orElseThrow().toInstant());
    }

    @Test
    void theRecordGoesToTheRowsTopicKeyedByItsAggregateSoOneAggregatesEventsStayInOrder() {
        assertEquals("dangjian.member.events", record.topic());
        assertEquals(MEMBER_ID.toString(), record.key());
        assertEquals("{\"memberId\":\"" + MEMBER_ID + "\"}", record.value());
    }

    @Test
    void theTimeHeaderKeepsTheOffsetTheRowWasWrittenWith() {
        assertEquals("2026-12-03T21:05:07.123456Z",
                new String(record.headers().lastHeader("ce_time").value(), StandardCharsets.UTF_8));
    }

    private ConsumerRecord<String, String> received() {
        return new ConsumerRecord<>(record.topic(), 0, 0L, 0L, TimestampType.CREATE_TIME,
                0, 0, record.key(), record.value(), record.headers(), Optional.empty());
    }
}
