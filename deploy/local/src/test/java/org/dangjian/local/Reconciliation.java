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
 * Compares what a scenario committed at the source (organization-service's and member-service's
 * tables) with each consumer's copy, by id or by count: lost = committed but never applied; duplicated = applied effects without
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

    /**
     * Members registered in one branch during a scenario against the effects of member.* events:
     * organization-service's member count is a counter, so an event applied twice shows as a count
     * above the source; activity-service's roster is compared by id.
     */
    java.util.List<Row> againstMembers(UUID branch) throws SQLException {
        Set<UUID> sent = ids("member", "select id from member where org_id = ? and stage in ('FULL', 'PROBATIONARY')", branch);
        int counted = count("organization", "select coalesce(sum(members), 0) from member_count where organization_id = '"
                + branch + "'");
        int countedTwice = appliedTwice("organization", "organization-service.member-counts");
        Row counter = new Row("organization-service (member count)", sent.size(), Math.min(counted, sent.size()),
                Math.max(0, sent.size() - counted), Math.max(0, counted - sent.size()) + countedTwice);

        Set<UUID> roster = ids("activity", "select member_id from roster_member where org_id = ?", branch);
        Set<UUID> lost = new HashSet<>(sent);
        lost.removeAll(roster);
        Set<UUID> phantom = new HashSet<>(roster);
        phantom.removeAll(sent);
        Row rosterRow = new Row("activity-service (roster)", sent.size(), roster.size() - phantom.size(), lost.size(),
                phantom.size() + appliedTwice("activity", "activity-service.roster"));
        return java.util.List.of(counter, rosterRow);
    }

    private int appliedTwice(String database, String consumer) throws SQLException {
        return count(database, "select count(*) from (select event_id from processed_event where consumer = '" + consumer
                + "' group by event_id having count(*) > 1) twice");
    }

    private Set<UUID> ids(String database, String sql, Object parameter) throws SQLException {
        Set<UUID> ids = new HashSet<>();
        try (Connection c = DriverManager.getConnection(stack.postgres().jdbcUrl(database), PostgresServer.USER, "");
                var statement = c.prepareStatement(sql)) {
            statement.setObject(1, parameter);
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
