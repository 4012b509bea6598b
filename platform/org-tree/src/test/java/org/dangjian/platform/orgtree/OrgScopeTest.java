package org.dangjian.platform.orgtree;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.localstack.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The caller's data scope at its boundaries, over a tree held in a real PostgreSQL: the subtree
 * tests are SQL ({@link OrgTree#withinRootSql}, {@code path like prefix || '%'}), so they are run,
 * not imitated. Paths here are short labels to make shared prefixes possible ({@code /r/a/b/} and
 * {@code /r/a/bc/}); real paths are ids, compared by the same rules.
 */
class OrgScopeTest {

    private static final UUID ROOT = UUID.randomUUID();
    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    private static final UUID BC = UUID.randomUUID();
    private static final UUID C = UUID.randomUUID();
    private static final UUID OTHER_ROOT = UUID.randomUUID();
    private static final UUID UNKNOWN = UUID.randomUUID();
    private static final Set<UUID> ALL = Set.of(ROOT, A, B, BC, C, OTHER_ROOT);

    private static EmbeddedPostgres postgres;
    private static Connection db;

    @BeforeAll
    static void treeInPostgres() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().setPort(Ports.free()).start();
        db = postgres.getPostgresDatabase().getConnection();
        db.createStatement().execute("""
                create table org_unit (
                    id uuid primary key, parent_id uuid, path text not null, code text not null, name text not null,
                    type text not null, status text not null, source_version bigint not null, updated_at timestamptz not null)""");
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
    void aPlatformAdminIsUnrestricted() {
        OrgScope scope = scopeOf(true, Optional.empty());

        assertTrue(ALL.stream().allMatch(scope::covers));
        assertTrue(scope.covers(UNKNOWN), "an admin's reads find what exists, and 404 by absence otherwise");
        assertEquals(Optional.empty(), scope.subtreeRoot());
        assertEquals(Optional.empty(), scope.subtreePrefix());
    }

    @Test
    void noIdIsCoveredForAnyone() {
        assertFalse(scopeOf(true, Optional.empty()).covers(null));
        assertFalse(scopeOf(false, Optional.of(ROOT)).covers(null));
    }

    @Test
    void aCallerWithoutAnOrganizationSeesNothing() {
        OrgScope scope = scopeOf(false, Optional.empty());

        assertTrue(ALL.stream().noneMatch(scope::covers));
        assertEquals(Set.of(), visibleUnderRoot(scope.subtreeRoot().orElseThrow()));
        assertEquals(Set.of(), visibleByPrefix(scope.subtreePrefix().orElseThrow()));
    }

    @Test
    void aCallerWhoseOrganizationIsUnknownHereSeesNothing() {
        OrgScope scope = scopeOf(false, Optional.of(UNKNOWN));

        assertTrue(ALL.stream().noneMatch(scope::covers));
        assertFalse(scope.covers(UNKNOWN), "not even the unknown organization itself");
        assertEquals(Set.of(), visibleUnderRoot(scope.subtreeRoot().orElseThrow()));
        assertEquals(Set.of(), visibleByPrefix(scope.subtreePrefix().orElseThrow()));
    }

    @Test
    void theScopeIncludesItsRootAndEverythingBelow() {
        OrgScope scope = scopeOf(false, Optional.of(A));

        assertTrue(scope.covers(A));
        assertTrue(scope.covers(C));
        assertFalse(scope.covers(ROOT), "the parent lies outside");
        assertEquals(Set.of(A, B, BC, C), visibleUnderRoot(scope.subtreeRoot().orElseThrow()));
        assertEquals(Set.of(A, B, BC, C), visibleByPrefix(scope.subtreePrefix().orElseThrow()));
    }

    @Test
    void aSiblingWhosePathExtendsTheRootsPathIsOutside() {
        OrgScope scope = scopeOf(false, Optional.of(B));

        assertFalse(scope.covers(BC), "/r/a/bc/ starts with /r/a/b but not with /r/a/b/");
        assertEquals("/r/a/b/", scope.subtreePrefix().orElseThrow());
        assertEquals(Set.of(B, C), visibleUnderRoot(scope.subtreeRoot().orElseThrow()));
        assertEquals(Set.of(B, C), visibleByPrefix(scope.subtreePrefix().orElseThrow()));
    }

    @Test
    void anotherTreeIsOutside() {
        OrgScope scope = scopeOf(false, Optional.of(ROOT));

        assertEquals(Set.of(ROOT, A, B, BC, C), visibleUnderRoot(scope.subtreeRoot().orElseThrow()));
        assertFalse(scope.covers(OTHER_ROOT));
    }

    @Test
    void requireAnswersAnOrganizationOutsideTheScopeAsNotFound() {
        OrgScope scope = scopeOf(false, Optional.of(B));

        assertDoesNotThrow(() -> scope.require(C, "ORGANIZATION_NOT_FOUND", C));
        DomainException outside = assertThrows(DomainException.class, () -> scope.require(BC, "ORGANIZATION_NOT_FOUND", BC));
        DomainException unknown = assertThrows(DomainException.class, () -> scope.require(UNKNOWN, "ORGANIZATION_NOT_FOUND", UNKNOWN));
        DomainException none = assertThrows(DomainException.class, () -> scope.require(null, "ORGANIZATION_NOT_FOUND", "x"));
        for (DomainException e : new DomainException[] {outside, unknown, none}) {
            assertEquals(404, e.status());
            assertEquals("ORGANIZATION_NOT_FOUND", e.code());
        }
    }

    private static OrgScope scopeOf(boolean platformAdmin, Optional<UUID> orgId) {
        OrgScope scope = new OrgScope();
        scope.caller = new Caller() {
            @Override
            public boolean hasRole(String role) {
                return platformAdmin ? Caller.PLATFORM_ADMIN.equals(role) : Caller.BRANCH_SECRETARY.equals(role);
            }

            @Override
            public Optional<UUID> orgId() {
                return orgId;
            }
        };
        scope.tree = new TreeInPostgres();
        return scope;
    }

    /** OrgTree's queries, run by JDBC instead of Hibernate; the subtree condition is OrgTree's own SQL. */
    private static final class TreeInPostgres extends OrgTree {
        @Override
        public Optional<OrgUnit> node(UUID id) {
            try (PreparedStatement select = db.prepareStatement("select parent_id, path from org_unit where id = ?")) {
                select.setObject(1, id);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    OrgUnit unit = new OrgUnit(id);
                    unit.copy(row.getObject(1, UUID.class), row.getString(2), "code", "name", "BRANCH", "ACTIVE", 1);
                    return Optional.of(unit);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public boolean isWithin(UUID id, UUID root) {
            try (PreparedStatement select = db.prepareStatement("select " + OrgTree.withinRootSql("?"))) {
                select.setObject(1, id);
                select.setObject(2, root);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getBoolean(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** What a one-statement check with {@link OrgScope#subtreeRoot()} lets through. */
    private static Set<UUID> visibleUnderRoot(UUID root) {
        return ids("select o.id from org_unit o where " + OrgTree.withinRootSql("o.id"), root);
    }

    /** What a list query filtering on {@link OrgScope#subtreePrefix()} returns. */
    private static Set<UUID> visibleByPrefix(String prefix) {
        return ids("select id from org_unit where path like ? || '%'", prefix);
    }

    private static Set<UUID> ids(String sql, Object parameter) {
        try (PreparedStatement select = db.prepareStatement(sql)) {
            select.setObject(1, parameter);
            Set<UUID> ids = new HashSet<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void insert(UUID id, UUID parent, String path) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "insert into org_unit values (?, ?, ?, 'code', 'name', 'BRANCH', 'ACTIVE', 1, now())")) {
            insert.setObject(1, id);
            insert.setObject(2, parent);
            insert.setString(3, path);
            insert.executeUpdate();
        }
    }
}
