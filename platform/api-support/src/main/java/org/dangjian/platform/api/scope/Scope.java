package org.dangjian.platform.api.scope;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The organizations a caller may see (ARCHITECTURE.md §4), one of three and nothing in between:
 * {@link Unrestricted} (a platform-admin), {@link Within} a subtree (anyone acting for an organization this
 * service knows) or {@link Nothing} (no {@code org_id}, or one the tree does not hold). A record outside the
 * scope is answered exactly like a missing one, so existence does not leak.
 *
 * <p>There is deliberately no prefix string, null or empty value standing for "everything": queries take a
 * {@link Condition} from {@link #pathCondition} or {@link #orgCondition}, which is {@code 1=1}, a prefix match or
 * {@code 1=0}. Produced per request by {@link CallerScope}, the one place that reads the token for it.
 */
public sealed interface Scope {

    /** The named parameter the conditions bind; no query of the services uses it for anything else. */
    String PARAMETER = "scopePath";

    /** Whether an organization with this path lies in the scope; false for a null path. */
    boolean covers(String orgPath);

    /**
     * A condition that {@code pathExpression} (an organization's path column, JPQL or SQL) lies in the scope:
     * {@code 1=1}, {@code <path> like :scopePath} or {@code 1=0}.
     */
    Condition pathCondition(String pathExpression);

    /**
     * A condition that the organization {@code orgIdExpression} (e.g. {@code m.orgId}, {@code a.org_id}) lies in
     * the scope, through the organizations in {@code orgSource} (an entity such as {@code OrgUnit} or a table such
     * as {@code org_unit}, with {@code id} and {@code path}). Unrestricted is {@code 1=1} without the lookup, so a
     * record whose organization the tree copy has not heard of yet is still listed to a platform-admin.
     */
    Condition orgCondition(String orgIdExpression, String orgSource);

    static Scope unrestricted() {
        return Unrestricted.INSTANCE;
    }

    static Scope nothing() {
        return Nothing.INSTANCE;
    }

    static Scope within(UUID root, String rootPath) {
        return new Within(root, rootPath);
    }

    /** A platform-admin: the whole tree. */
    final class Unrestricted implements Scope {
        private static final Unrestricted INSTANCE = new Unrestricted();

        private Unrestricted() {
        }

        @Override
        public boolean covers(String orgPath) {
            return orgPath != null;
        }

        @Override
        public Condition pathCondition(String pathExpression) {
            return Condition.ALWAYS;
        }

        @Override
        public Condition orgCondition(String orgIdExpression, String orgSource) {
            return Condition.ALWAYS;
        }

        @Override
        public String toString() {
            return "Unrestricted";
        }
    }

    /** The subtree rooted at {@code root} (itself included), whose path is {@code rootPath}. */
    record Within(UUID root, String rootPath) implements Scope {

        public Within {
            Objects.requireNonNull(root, "root");
            if (rootPath == null || !rootPath.startsWith("/") || !rootPath.endsWith("/") || rootPath.length() < 3) {
                // "/" alone would be everything: that is Unrestricted, never a path.
                throw new IllegalArgumentException("not the path of an organization: " + rootPath);
            }
        }

        @Override
        public boolean covers(String orgPath) {
            return orgPath != null && orgPath.startsWith(rootPath);
        }

        @Override
        public Condition pathCondition(String pathExpression) {
            return new Condition(pathExpression + " like :" + PARAMETER, Map.of(PARAMETER, likePrefix(rootPath)));
        }

        @Override
        public Condition orgCondition(String orgIdExpression, String orgSource) {
            return new Condition(orgIdExpression + " in (select s.id from " + orgSource + " s where s.path like :"
                    + PARAMETER + ")", Map.of(PARAMETER, likePrefix(rootPath)));
        }

        /** The LIKE pattern of every path under {@code path}; PostgreSQL's default escape character is {@code \}. */
        static String likePrefix(String path) {
            return path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        }
    }

    /** No organization at all: a token without {@code org_id}, or with one this service's tree does not hold. */
    final class Nothing implements Scope {
        private static final Nothing INSTANCE = new Nothing();

        private Nothing() {
        }

        @Override
        public boolean covers(String orgPath) {
            return false;
        }

        @Override
        public Condition pathCondition(String pathExpression) {
            return Condition.NEVER;
        }

        @Override
        public Condition orgCondition(String orgIdExpression, String orgSource) {
            return Condition.NEVER;
        }

        @Override
        public String toString() {
            return "Nothing";
        }
    }
}
