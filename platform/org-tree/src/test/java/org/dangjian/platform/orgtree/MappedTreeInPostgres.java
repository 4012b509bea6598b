package org.dangjian.platform.orgtree;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dangjian.platform.localstack.Ports;
import org.dangjian.platform.messaging.EventReactions;
import org.dangjian.platform.messaging.IncomingEvent;
import org.hibernate.cfg.Configuration;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The org_unit table as every service's first migration creates it, in a real PostgreSQL, mapped by Hibernate
 * without an application: {@link OrgTree}'s queries and {@link OrgTreeConsumer}'s writes run as they do in a
 * service. Panache's generated repository methods are given by hand over the same EntityManager, and each event
 * is applied in its own transaction (remembering event ids is platform/messaging's, tested there).
 */
final class MappedTreeInPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final EntityManagerFactory factory;
    final EntityManager em;
    final OrgTree tree;
    final OrgTreeConsumer consumer;

    MappedTreeInPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setPort(Ports.free()).start();
        factory = new Configuration()
                .addAnnotatedClass(OrgUnit.class)
                .setProperty("hibernate.connection.url", postgres.getJdbcUrl("postgres", "postgres"))
                .setProperty("hibernate.connection.username", "postgres")
                .setProperty("hibernate.connection.pool_size", "1")
                .buildSessionFactory();
        em = factory.createEntityManager();
        inTransaction(() -> em.createNativeQuery("""
                create table org_unit (
                    id             uuid primary key,
                    parent_id      uuid,
                    path           text not null,
                    code           text not null,
                    name           text not null,
                    type           text not null,
                    status         text not null,
                    source_version bigint not null,
                    updated_at     timestamptz not null
                )""").executeUpdate());
        tree = new OrgTree() {
            @Override
            public EntityManager getEntityManager() {
                return em;
            }

            @Override
            public Optional<OrgUnit> findByIdOptional(UUID id) {
                return Optional.ofNullable(em.find(OrgUnit.class, id));
            }

            @Override
            public void persist(OrgUnit unit) {
                em.persist(unit);
            }
        };
        consumer = new OrgTreeConsumer();
        consumer.tree = tree;
        consumer.service = "test-service";
        consumer.reactions = new EventReactions() {
            @Override
            public void applyOnce(String name, ConsumerRecord<String, String> record, Predicate<String> relevant,
                    Consumer<IncomingEvent> effect) {
                IncomingEvent event = IncomingEvent.from(record);
                if (relevant.test(event.type())) {
                    inTransaction(() -> {
                        effect.accept(event);
                        return null;
                    });
                }
            }
        };
    }

    /** One transaction: committed when the work returns, rolled back when it throws. */
    <T> T inTransaction(java.util.function.Supplier<T> work) {
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
        } finally {
            em.clear(); // each read sees the table, not the persistence context
        }
    }

    @Override
    public void close() throws IOException {
        em.close();
        factory.close();
        postgres.close();
    }
}
