package org.dangjian.platform.orgtree;

import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.api.scope.Condition;
import org.dangjian.platform.api.scope.Scope;
import org.dangjian.platform.api.scope.Standing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.dangjian.platform.orgtree.TreeInPostgres.A;
import static org.dangjian.platform.orgtree.TreeInPostgres.ALL;
import static org.dangjian.platform.orgtree.TreeInPostgres.B;
import static org.dangjian.platform.orgtree.TreeInPostgres.BC;
import static org.dangjian.platform.orgtree.TreeInPostgres.C;
import static org.dangjian.platform.orgtree.TreeInPostgres.OTHER_ROOT;
import static org.dangjian.platform.orgtree.TreeInPostgres.ROOT;
import static org.dangjian.platform.orgtree.TreeInPostgres.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The caller's scope at its boundaries over a tree copy held in a real PostgreSQL: the conditions a list
 * query puts in its WHERE clause ({@link Scope#pathCondition}, {@link Scope#orgCondition}) and the tree's
 * one-statement check ({@link OrgTree#withinRootSql}) are run, not imitated, on a tree whose siblings share a
 * prefix ({@link TreeInPostgres}).
 */
class ScopeInPostgresTest {

    private static final Pattern NAMED = Pattern.compile(":(\\w+)");

    @RegisterExtension
    static final TreeInPostgres tree = new TreeInPostgres();

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
        return CallerScope.resolve(standing, orgId, tree);
    }

    private static String pathOf(UUID id) {
        return tree.pathOf(id).orElse(null);
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
        return tree.uuids("select o.id from org_unit o where " + OrgTree.withinRootSql("o.id"), List.of(root));
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
        return tree.uuids("select o.id from org_unit o where " + sql, values);
    }
}
