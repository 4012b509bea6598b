package org.dangjian.assistance;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.util.List;

/**
 * What a test reads from this service's database directly (rows the API does not show, or shows differently), in a
 * transaction of its own, so it sees what the requests before it committed. Static, like {@link Api}: the tests'
 * one way to ask the database, instead of an EntityManager and a count helper in each test class.
 */
public final class Database {

    private Database() {
    }

    /** The number a {@code select count(*)} (or any single number) query answers. */
    public static long count(String sql) {
        return ((Number) value(sql)).longValue();
    }

    /** The text a single-value query answers. */
    public static String text(String sql) {
        return (String) value(sql);
    }

    /** Single-value queries answered together, in one transaction: a consistent picture of several tables. */
    public static List<Object> values(List<String> queries) {
        return QuarkusTransaction.requiringNew().call(() -> queries.stream().map(Database::single).toList());
    }

    private static Object value(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> single(sql));
    }

    private static Object single(String sql) {
        return Arc.container().instance(EntityManager.class).get().createNativeQuery(sql).getSingleResult();
    }
}
