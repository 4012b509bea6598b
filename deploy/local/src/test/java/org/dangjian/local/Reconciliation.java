package org.dangjian.local;

import org.dangjian.platform.localstack.LocalStack;
import org.dangjian.platform.localstack.PostgresServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Compares what a scenario committed at the source (organization-service's table) with each
 * consumer's copy, by id: lost = committed but never applied; duplicated = applied effects without
 * a source (phantoms) plus event ids recorded as applied more than once.
 */
final class Reconciliation {

    record Row(String consumer, int sent, int applied, int lost, int duplicated) {
    }

    private final LocalStack stack;

    Reconciliation(LocalStack stack) {
        this.stack = stack;
    }

    Set<UUID> source(String scenario) throws SQLException {
        return ids("organization", "select id from organization where name like ?", "fi-" + scenario + "-%");
    }

    Row against(String consumer, String database, String scenario) throws SQLException {
        Set<UUID> sent = source(scenario);
        Set<UUID> copy = ids(database, "select id from org_unit where name like ?", "fi-" + scenario + "-%");
        Set<UUID> lost = new HashSet<>(sent);
        lost.removeAll(copy);
        Set<UUID> phantom = new HashSet<>(copy);
        phantom.removeAll(sent);
        int appliedTwice = count(database, """
                select count(*) from (select event_id from processed_event where consumer like '%.org-tree'
                group by event_id having count(*) > 1) twice""");
        return new Row(consumer, sent.size(), copy.size() - phantom.size(), lost.size(), phantom.size() + appliedTwice);
    }

    private Set<UUID> ids(String database, String sql, String pattern) throws SQLException {
        Set<UUID> ids = new HashSet<>();
        try (Connection c = DriverManager.getConnection(stack.postgres().jdbcUrl(database), PostgresServer.USER, "");
                var statement = c.prepareStatement(sql)) {
            statement.setString(1, pattern);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    private int count(String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(stack.postgres().jdbcUrl(database), PostgresServer.USER, "");
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
