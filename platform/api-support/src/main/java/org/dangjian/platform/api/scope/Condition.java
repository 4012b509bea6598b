package org.dangjian.platform.api.scope;

import jakarta.persistence.Query;

import java.util.Map;

/**
 * A piece of a WHERE clause (valid as JPQL and as PostgreSQL) with the named parameters it uses. Built by
 * {@link Scope}; a query puts {@link #sql()} where the condition belongs and binds the parameters with
 * {@link #bind(Query)} (or puts {@link #parameters()} into its own map), whether or not there are any.
 */
public record Condition(String sql, Map<String, Object> parameters) {

    static final Condition ALWAYS = new Condition("1=1", Map.of());
    static final Condition NEVER = new Condition("1=0", Map.of());

    public Condition {
        parameters = Map.copyOf(parameters);
    }

    /** Sets this condition's parameters on the query; returns it for chaining. */
    public <Q extends Query> Q bind(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
