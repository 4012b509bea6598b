package org.dangjian.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.platform.api.Ids;
import org.dangjian.platform.api.jdbc.PgCopy;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Records an event in the {@code outbox_event} table inside the caller's transaction, so the state
 * change and its event commit or roll back together. {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "dangjian.events.source")
    String source;

    @Inject
    jakarta.enterprise.event.Event<OutboxWritten> written;

    /** Fired with each new outbox row; observed after commit to publish without waiting for the next poll. */
    public record OutboxWritten(UUID eventId) {
    }

    /**
     * @param topic       the producer's topic, e.g. {@code dangjian.organization.v1}
     * @param type        the CloudEvents type, e.g. {@code organization.established}
     * @param aggregateId the record the event is about: Kafka key and CloudEvents subject
     * @param data        the event body, serialized as JSON
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String type, UUID aggregateId, Object data) {
        PreparedEvent event = prepare(type, aggregateId, data);
        em.createNativeQuery("""
                insert into outbox_event (id, topic, type, source, aggregate_id, payload, occurred_at)
                values (?1, ?2, ?3, ?4, ?5, cast(?6 as json), ?7)""")
                .setParameter(1, event.id())
                .setParameter(2, topic)
                .setParameter(3, type)
                .setParameter(4, source)
                .setParameter(5, aggregateId)
                .setParameter(6, event.payload())
                .setParameter(7, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .executeUpdate();
        written.fire(new OutboxWritten(event.id()));
        return event.id();
    }

    /** One event of a bulk operation, built ahead of the transaction that records it: its id and JSON body. */
    public record PreparedEvent(UUID id, UUID aggregateId, String payload, PgCopy.Columns copyHead) {

        PreparedEvent(UUID id, UUID aggregateId, String payload) {
            // The event's own columns of publishAll's COPY, formatted and encoded where the event is prepared: for a bulk
            // operation that is off the thread waiting for the database (benchmark B4).
            this(id, aggregateId, payload, PgCopy.Columns.of(r -> r.uuid(id).uuid(aggregateId).text(payload)));
        }
    }

    /** {@link #publish}'s event without recording it, for {@link #publishAll}. No database access; thread-safe. */
    public PreparedEvent prepare(String type, UUID aggregateId, Object data) {
        try {
            return new PreparedEvent(Ids.next(), aggregateId, json.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + type + " cannot be serialized", e);
        }
    }

    /**
     * Records many events of one type, in list order (so in that order per aggregate on the topic), with one
     * COPY on the transaction's connection instead of an insert each (benchmark B4); the relay is woken once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(String topic, String type, List<PreparedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        em.unwrap(Session.class).doWork(c -> {
            try (PgCopy copy = new PgCopy(c, "outbox_event", "id, aggregate_id, payload, topic, type, source, occurred_at")) {
                PgCopy.Columns shared = PgCopy.Columns.of(r -> r.text(topic).text(type).text(source).timestamp(now));
                for (PreparedEvent e : events) {
                    copy.row(e.copyHead(), shared);
                }
            }
        });
        written.fire(new OutboxWritten(events.get(events.size() - 1).id()));
    }
}
