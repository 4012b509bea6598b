package org.dangjian.platform.orgtree;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.api.scope.Condition;
import org.dangjian.platform.api.scope.OrgPaths;
import org.dangjian.platform.api.scope.Scope;
import org.dangjian.platform.api.scope.Standing;
import org.dangjian.platform.localstack.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The caller's scope at its boundaries over a tree copy held in a real PostgreSQL: the conditions a list
 * query puts in its WHERE clause ({@link Scope#pathCondition}, {@link Scope#orgCondition}) and the tree's
 * one-statement check ({@link OrgTree#withinRootSql}) are run, not imitated. Paths are short labels here so
 * that siblings can share a prefix ({@code /r/a/b/} and {@code /r/a/bc/}); real paths are ids.
 */
class ScopeInPostgresTest {

    private static final UUID ROOT = UUID.randomUUID();
    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    private static final UUID BC = UUID.randomUUID();
    private static final UUID C = UUID.randomUUID();
    private static final UUID OTHER_ROOT = UUID.randomUUID();
    private static final UUID UNKNOWN = UUID.randomUUID();
    private static final Set<UUID> ALL = Set.of(ROOT, A, B, BC, C, OTHER_ROOT);
    private static final Pattern NAMED = Pattern.compile(":(\\w+)");

    private static EmbeddedPostgres postgres;
    private static Connection db;

    @BeforeAll
    static void treeInPostgres() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().setPort(Ports.free()).start();
        db = postgres.getPostgresDatabase().getConnection();
        db.createStatement().execute("create table org_unit (id uuid primary key, parent_id uuid, path text not null)");
        insert(ROOT, null, "/r/");
        insert(A, ROOT, "/r/a/");
        insert(B, A, "/r/a/b/");
        insert(BC, A, "/r/a/bc/");
        insert(C, B, "/r/a/b/c/");
        insert(OTHER_ROOT, null, "/s/");
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
        postgres.close();
    }

    @Test
    void aPlatformAdminSeesEveryOrganization() {
        Scope scope = scopeOf(Standing.PLATFORM_ADMIN, Optional.empty());

        assertEquals(ALL, visible(scope));
        assertTrue(ALL.stream().allMatch(id -> scope.covers(pathOf(id))));
    }

    @Test
    void aCallerWithoutAnOrganizationSeesNothing() {
        Scope scope = scopeOf(Standing.STAFF, Optional.empty());

        assertEquals(Set.of(), visible(scope));
        assertTrue(ALL.stream().noneMatch(id -> scope.covers(pathOf(id))));
    }

    @Test
    void aCallerWhoseOrganizationIsUnknownHereSeesNothing() {
        Scope scope = scopeOf(Standing.STAFF, Optional.of(UNKNOWN));

        assertEquals(Set.of(), visible(scope));
        assertFalse(scope.covers(null), "not even the unknown organization itself");
    }

    @Test
    void theScopeIncludesItsRootAndEverythingBelowButNotItsParent() {
        Scope scope = scopeOf(Standing.STAFF, Optional.of(A));

        assertEquals(Set.of(A, B, BC, C), visible(scope));
        assertEquals(Set.of(A, B, BC, C), visibleUnderRoot(A));
        assertFalse(scope.covers(pathOf(ROOT)));
    }

    @Test
    void aSiblingWhosePathExtendsTheRootsPathIsOutside() {
        Scope scope = scopeOf(Standing.STAFF, Optional.of(B));

        assertFalse(scope.covers(pathOf(BC)), "/r/a/bc/ starts with /r/a/b but not with /r/a/b/");
        assertEquals(Set.of(B, C), visible(scope));
        assertEquals(Set.of(B, C), visibleUnderRoot(B));
    }

    @Test
    void anotherTreeIsOutside() {
        Scope scope = scopeOf(Standing.AUDITOR, Optional.of(ROOT));

        assertEquals(Set.of(ROOT, A, B, BC, C), visible(scope));
        assertFalse(scope.covers(pathOf(OTHER_ROOT)));
    }

    private static Scope scopeOf(Standing standing, Optional<UUID> orgId) {
        return CallerScope.resolve(standing, orgId, PATHS);
    }

    private static final OrgPaths PATHS = ScopeInPostgresTest::path;

    private static Optional<String> path(UUID id) {
        return Optional.ofNullable(pathOf(id));
    }

    private static String pathOf(UUID id) {
        Set<String> paths = strings("select path from org_unit where id = ?", List.of(id));
        return paths.isEmpty() ? null : paths.iterator().next();
    }

    /**
     * What a list query lets through with each of the scope's conditions; both must agree, and they must
     * agree with {@link Scope#covers(String)} for every organization.
     */
    private static Set<UUID> visible(Scope scope) {
        Set<UUID> byPath = ids(scope.pathCondition("o.path"));
        Set<UUID> byOrg = ids(scope.orgCondition("o.id", "org_unit"));
        assertEquals(byPath, byOrg, "the path and the organization conditions disagree for " + scope);
        for (UUID id : ALL) {
            assertEquals(byPath.contains(id), scope.covers(pathOf(id)), "covers() disagrees with the SQL for " + pathOf(id));
        }
        return byPath;
    }

    /** What the tree's one-statement check lets through under {@code root}. */
    private static Set<UUID> visibleUnderRoot(UUID root) {
        return uuids("select o.id from org_unit o where " + OrgTree.withinRootSql("o.id"), List.of(root));
    }

    private static Set<UUID> ids(Condition condition) {
        // JPQL-style named parameters become JDBC positions, in the order they appear.
        List<Object> values = new ArrayList<>();
        Matcher named = NAMED.matcher(condition.sql());
        StringBuilder sql = new StringBuilder();
        while (named.find()) {
            values.add(condition.parameters().get(named.group(1)));
            named.appendReplacement(sql, "?");
        }
        named.appendTail(sql);
        return uuids("select o.id from org_unit o where " + sql, values);
    }

    private static Set<UUID> uuids(String sql, List<Object> parameters) {
        Set<UUID> ids = new HashSet<>();
        query(sql, parameters, rows -> ids.add(rows.getObject(1, UUID.class)));
        return ids;
    }

    private static Set<String> strings(String sql, List<Object> parameters) {
        Set<String> values = new HashSet<>();
        query(sql, parameters, rows -> values.add(rows.getString(1)));
        return values;
    }

    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    private static void query(String sql, List<Object> parameters, RowReader reader) {
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

    private static void insert(UUID id, UUID parent, String path) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into org_unit values (?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setObject(2, parent);
            insert.setString(3, path);
            insert.executeUpdate();
        }
    }
}
