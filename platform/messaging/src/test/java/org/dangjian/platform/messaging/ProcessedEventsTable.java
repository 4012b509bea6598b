package org.dangjian.platform.messaging;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.dangjian.platform.localstack.Ports;
import org.hibernate.cfg.Configuration;

import java.io.IOException;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The processed_event table as every service's first migration creates it, in a real PostgreSQL, and one
 * EntityManager on it: what {@link ProcessedEvents} needs, without starting an application.
 */
final class ProcessedEventsTable implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final EntityManagerFactory factory;
    final EntityManager em;

    ProcessedEventsTable() throws IOException {
        postgres = EmbeddedPostgres.builder().setPort(Ports.free()).start();
        factory = new Configuration()
                .setProperty("hibernate.connection.url", postgres.getJdbcUrl("postgres", "postgres"))
                .setProperty("hibernate.connection.username", "postgres")
                .setProperty("hibernate.connection.pool_size", "1")
                .buildSessionFactory();
        em = factory.createEntityManager();
        inTransaction(() -> em.createNativeQuery("""
                create table processed_event (
                    consumer     text not null,
                    event_id     uuid not null,
                    processed_at timestamptz not null,
                    primary key (consumer, event_id)
                )""").executeUpdate());
    }

    ProcessedEvents processedEvents() {
        ProcessedEvents processed = new ProcessedEvents();
        processed.em = em;
        return processed;
    }

    /** One transaction: committed when the work returns, rolled back when it throws. */
    <T> T inTransaction(Supplier<T> work) {
        em.getTransaction().begin();
        try {
            T result = work.get();
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        }
    }

    long recorded(String consumer, UUID eventId) {
        return ((Number) em.createNativeQuery("select count(*) from processed_event where consumer = ?1 and event_id = ?2")
                .setParameter(1, consumer).setParameter(2, eventId).getSingleResult()).longValue();
    }

    @Override
    public void close() throws IOException {
        em.close();
        factory.close();
        postgres.close();
    }
}
