package org.dangjian.platform.orgtree;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.dangjian.platform.localstack.Ports;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A tree copy held in a real PostgreSQL (zonky, on a port from the local stack's Ports), with the {@code org_unit}
 * table of this module's README. It is the {@link OrgTree} of the tests: nodes are read and subtree questions
 * answered by SQL on that table ({@link OrgTree#withinRootSql}), without Hibernate or a running service. A test class
 * registers it ({@code @RegisterExtension static}): it holds the tree below from before the class's first test until
 * after its last.
 */
class TreeInPostgres extends OrgTree implements BeforeAllCallback, AfterAllCallback {

    // The tests' tree: paths are short labels so that siblings can share a prefix (/r/a/b/ and /r/a/bc/); real
    // paths are ids.
    static final UUID ROOT = UUID.randomUUID();
    static final UUID A = UUID.randomUUID();
    static final UUID B = UUID.randomUUID();
    static final UUID BC = UUID.randomUUID();
    static final UUID C = UUID.randomUUID();
    static final UUID OTHER_ROOT = UUID.randomUUID();
    /** An id no organization of the tree has. */
    static final UUID UNKNOWN = UUID.randomUUID();
    static final Set<UUID> ALL = Set.of(ROOT, A, B, BC, C, OTHER_ROOT);

    private EmbeddedPostgres postgres;
    private Connection db;

    /** /r/ with a/ below it, b/ and bc/ below a/, c/ below b/; and a second tree /s/. */
    @Override
    public void beforeAll(ExtensionContext context) throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().setPort(Ports.free()).start();
        db = postgres.getPostgresDatabase().getConnection();
        db.createStatement().execute("""
                create table org_unit (
                    id uuid primary key, parent_id uuid, path text not null, code text not null, name text not null,
                    type text not null, status text not null, source_version bigint not null,
                    updated_at timestamptz not null)""");
        insert(ROOT, null, "/r/");
        insert(A, ROOT, "/r/a/");
        insert(B, A, "/r/a/b/");
        insert(BC, A, "/r/a/bc/");
        insert(C, B, "/r/a/b/c/");
        insert(OTHER_ROOT, null, "/s/");
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        db.close();
        postgres.close();
    }

    /** An active branch at {@code path}; its code and name are its path. */
    private void insert(UUID id, UUID parent, String path) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "insert into org_unit values (?, ?, ?, ?, ?, 'BRANCH', 'ACTIVE', 1, now())")) {
            insert.setObject(1, id);
            insert.setObject(2, parent);
            insert.setString(3, path);
            insert.setString(4, path);
            insert.setString(5, path);
            insert.executeUpdate();
        }
    }

    /**
     * An organization event's consumer adding a node, on its own connection as the consumer's transaction would be,
     * so a request polling the tree on another thread sees it once committed.
     */
    void arrive(UUID id, UUID parent, String path) {
        try (Connection consumer = postgres.getPostgresDatabase().getConnection();
                PreparedStatement insert = consumer.prepareStatement(
                        "insert into org_unit values (?, ?, ?, ?, ?, 'BRANCH', 'ACTIVE', 1, now())")) {
            insert.setObject(1, id);
            insert.setObject(2, parent);
            insert.setString(3, path);
            insert.setString(4, path);
            insert.setString(5, path);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<OrgUnit> node(UUID id) {
        List<OrgUnit> nodes = new ArrayList<>();
        query("select id, parent_id, path, code, name, type, status, source_version from org_unit where id = ?",
                List.of(id), row -> {
                    OrgUnit node = new OrgUnit(row.getObject(1, UUID.class));
                    node.copy(row.getObject(2, UUID.class), row.getString(3), row.getString(4), row.getString(5),
                            row.getString(6), row.getString(7), row.getLong(8));
                    nodes.add(node);
                });
        return nodes.stream().findFirst();
    }

    @Override
    public boolean isWithin(UUID id, UUID root) {
        return uuids("select o.id from org_unit o where o.id = ? and " + withinRootSql("o.id"), List.of(id, root))
                .contains(id);
    }

    /** The ids a query on {@code org_unit} selects, its {@code ?} bound to {@code parameters} in order. */
    Set<UUID> uuids(String sql, List<Object> parameters) {
        Set<UUID> ids = new HashSet<>();
        query(sql, parameters, rows -> ids.add(rows.getObject(1, UUID.class)));
        return ids;
    }

    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    private void query(String sql, List<Object> parameters, RowReader reader) {
        try (PreparedStatement select = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
