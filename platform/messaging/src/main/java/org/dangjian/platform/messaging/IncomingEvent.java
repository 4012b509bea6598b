package org.dangjian.platform.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A binary-mode CloudEvent read from a Kafka record: the {@code ce_*} headers and the JSON data.
 * A record that is not such an event is refused with {@link MalformedEventException}, which the
 * consumer's failure strategy sends to its dead-letter topic.
 */
public record IncomingEvent(UUID id, String type, String source, String subject, OffsetDateTime time, JsonNode data) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        try {
            return new IncomingEvent(
                    UUID.fromString(required(record, "ce_id")),
                    required(record, "ce_type"),
                    required(record, "ce_source"),
                    header(record, "ce_subject"),
                    OffsetDateTime.parse(required(record, "ce_time")),
                    JSON.readTree(record.value() == null ? "null" : record.value()));
        } catch (IOException | RuntimeException e) {
            throw new MalformedEventException("malformed event at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The event's type from its {@code ce_type} header alone, or null without one (then it is no
     * event, and {@link #from} refuses it): a reaction can pass over the types it ignores without
     * reading their data.
     */
    public static String typeOf(ConsumerRecord<String, String> record) {
        String type = header(record, "ce_type");
        return type == null || type.isBlank() ? null : type;
    }

    private static String required(ConsumerRecord<String, String> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("header " + name + " is missing");
        }
        return value;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The event cannot be read at all; retrying will not help. */
    public static class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
