package org.dangjian.platform.api.scope;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scope at its boundaries, over generated trees and every standing, with and without a usable org_id. */
class ScopeTest {

    static Stream<GeneratedTree> trees() {
        return LongStream.range(0, 12).mapToObj(seed -> new GeneratedTree(seed, 2 + (int) (seed * 5)));
    }

    /** Each org_id a token may carry: none, every organization of the tree, and one the tree does not hold. */
    static List<Optional<UUID>> orgIds(GeneratedTree tree) {
        List<Optional<UUID>> ids = new ArrayList<>();
        ids.add(Optional.empty());
        tree.ids.forEach(id -> ids.add(Optional.of(id)));
        ids.add(Optional.of(UUID.randomUUID()));
        return ids;
    }

    /** What the caller must see, from the parent links rather than the paths. */
    static boolean expected(GeneratedTree tree, Standing standing, Optional<UUID> orgId, UUID target) {
        if (standing == Standing.PLATFORM_ADMIN) {
            return true;
        }
        return orgId.map(root -> tree.descends(target, root)).orElse(false);
    }

    @ParameterizedTest
    @MethodSource("trees")
    void everyWayOfAskingGivesTheAnswerOfTheTree(GeneratedTree tree) {
        for (Standing standing : Standing.values()) {
            for (Optional<UUID> orgId : orgIds(tree)) {
                Scope scope = CallerScope.resolve(standing, orgId, tree);
                for (UUID target : tree.ids) {
                    boolean expected = expected(tree, standing, orgId, target);
                    String path = tree.pathOf(target).orElseThrow();
                    String at = standing + " acting for " + orgId + " asking about " + path;
                    assertEquals(expected, scope.covers(path), "covers(path), " + at);
                    assertEquals(expected, CallerScope.covers(standing, orgId, tree, target), "covers(id), " + at);
                    assertEquals(expected, matches(scope.pathCondition("path"), path), "pathCondition, " + at);
                    assertEquals(expected, matches(scope.orgCondition("org_id", "org_unit"), path), "orgCondition, " + at);
                    boolean oneStatement = CallerScope.oneStatement(standing, orgId, () -> true,
                            root -> tree.isWithin(target, root));
                    assertEquals(expected, oneStatement, "oneStatement, " + at);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("trees")
    void onlyAPlatformAdminIsUnrestrictedAndAnUnusableOrgIdIsNothing(GeneratedTree tree) {
        UUID unknown = UUID.randomUUID();
        for (Standing standing : Standing.values()) {
            boolean admin = standing == Standing.PLATFORM_ADMIN;
            for (Optional<UUID> orgId : List.of(Optional.<UUID>empty(), Optional.of(unknown))) {
                Scope scope = CallerScope.resolve(standing, orgId, tree);
                assertEquals(admin ? Scope.unrestricted() : Scope.nothing(), scope, standing + " " + orgId);
            }
            Scope known = CallerScope.resolve(standing, Optional.of(tree.ids.get(0)), tree);
            if (admin) {
                assertEquals(Scope.unrestricted(), known);
            } else {
                assertEquals(Scope.within(tree.ids.get(0), tree.pathOf(tree.ids.get(0)).orElseThrow()), known);
            }
        }
    }

    @Test
    void aSiblingWhosePathExtendsTheRootsIsOutside() {
        Scope scope = Scope.within(UUID.randomUUID(), "/a/b/");
        assertTrue(scope.covers("/a/b/"));
        assertTrue(scope.covers("/a/b/c/"));
        assertFalse(scope.covers("/a/bc/"));
        assertFalse(scope.covers("/a/"));
        assertFalse(matches(scope.pathCondition("path"), "/a/bc/"));
        assertTrue(matches(scope.pathCondition("path"), "/a/b/c/"));
    }

    @Test
    void noScopeCoversARecordWithoutAnOrganization() {
        assertFalse(Scope.unrestricted().covers(null));
        assertFalse(Scope.within(UUID.randomUUID(), "/a/").covers(null));
        assertFalse(Scope.nothing().covers(null));
        assertFalse(CallerScope.covers(Standing.PLATFORM_ADMIN, Optional.empty(), new GeneratedTree(1, 3), null));
    }

    @Test
    void aPlatformAdminCoversAnOrganizationTheTreeCopyHasNotHeardOfYet() {
        assertTrue(CallerScope.covers(Standing.PLATFORM_ADMIN, Optional.empty(), new GeneratedTree(1, 3), UUID.randomUUID()));
    }

    @Test
    void aCallerWithoutOrganizationReadsOneStatementWithARootNoOrganizationHas() {
        UUID root = CallerScope.oneStatement(Standing.STAFF, Optional.empty(), () -> null, r -> r);
        assertEquals(CallerScope.NO_ORGANIZATION, root);
    }

    @Test
    void theConditionsOfEverythingAndNothingAreConstantsWithoutParameters() {
        assertEquals(new Condition("1=1", Map.of()), Scope.unrestricted().pathCondition("u.path"));
        assertEquals(new Condition("1=1", Map.of()), Scope.unrestricted().orgCondition("m.orgId", "OrgUnit"));
        assertEquals(new Condition("1=0", Map.of()), Scope.nothing().pathCondition("u.path"));
        assertEquals(new Condition("1=0", Map.of()), Scope.nothing().orgCondition("m.orgId", "OrgUnit"));
    }

    @Test
    void aSubtreeConditionIsAPrefixMatchOnTheRootsPath() {
        Scope scope = Scope.within(UUID.randomUUID(), "/a/b/");
        assertEquals(new Condition("o.path like :scopePath", Map.of("scopePath", "/a/b/%")), scope.pathCondition("o.path"));
        assertEquals(new Condition("m.orgId in (select s.id from OrgUnit s where s.path like :scopePath)",
                Map.of("scopePath", "/a/b/%")), scope.orgCondition("m.orgId", "OrgUnit"));
    }

    @Test
    void likeWildcardsInAPathAreMatchedLiterally() {
        Scope scope = Scope.within(UUID.randomUUID(), "/a_%/");
        assertTrue(matches(scope.pathCondition("path"), "/a_%/x/"));
        assertFalse(matches(scope.pathCondition("path"), "/ab%/x/"));
        assertFalse(matches(scope.pathCondition("path"), "/a_zz/x/"));
    }

    @Test
    void aSubtreeNeedsTheFullPathOfAnOrganization() {
        UUID root = UUID.randomUUID();
        assertThrows(IllegalArgumentException.class, () -> Scope.within(root, "/"));
        assertThrows(IllegalArgumentException.class, () -> Scope.within(root, ""));
        assertThrows(IllegalArgumentException.class, () -> Scope.within(root, null));
        assertThrows(IllegalArgumentException.class, () -> Scope.within(root, "/a"));
        assertThrows(NullPointerException.class, () -> Scope.within(null, "/a/"));
    }

    /**
     * Evaluates a condition as PostgreSQL would for a row whose organization has {@code path}: the three shapes the
     * scope produces, the LIKE pattern with its default escape character.
     */
    static boolean matches(Condition condition, String path) {
        return switch (condition.sql()) {
            case "1=1" -> true;
            case "1=0" -> false;
            default -> like(path, (String) condition.parameters().get(Scope.PARAMETER));
        };
    }

    private static boolean like(String value, String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return value.matches(regex.toString());
    }
}
