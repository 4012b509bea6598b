package org.dangjian.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Remembers which events a consumer has applied, in the same transaction as their effect, so a
 * redelivered event (at-least-once delivery) changes nothing the second time.
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager em;

    /** @return true the first time this consumer sees the event; false for a redelivery */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        return em.createNativeQuery("""
                insert into processed_event (consumer, event_id, processed_at) values (?1, ?2, now())
                on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate() == 1;
    }
}
