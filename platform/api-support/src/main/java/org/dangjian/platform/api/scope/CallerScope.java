package org.dangjian.platform.api.scope;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.DomainException;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The caller's {@link Scope} and {@link Standing}, produced here and nowhere else: from the token's roles and
 * {@code org_id} and the service's {@link OrgPaths}. A platform-admin is unrestricted; anyone else acting for an
 * organization the tree holds is within its subtree; everyone else (no {@code org_id}, an id that is not an
 * organization here) sees nothing.
 *
 * <p>The scope is resolved at most once per request, and only when a question needs the root's path; checks of a
 * single organization ({@link #covers(UUID)}) and one-statement reads ({@link #oneStatement}) need only the root's
 * id and give the same answers without reading the root first.
 */
@RequestScoped
public class CallerScope {

    /** An id no organization has: the root a one-statement check compares with when the caller has none. */
    static final UUID NO_ORGANIZATION = new UUID(0, 0);

    @Inject
    Caller caller;

    @Inject
    OrgPaths paths;

    private Standing standing;
    private Scope scope;

    /** What the caller's roles entitle them to. */
    public Standing standing() {
        if (standing == null) {
            standing = Standing.of(caller.roles());
        }
        return standing;
    }

    /** Whether the caller sees the whole tree ({@link Scope.Unrestricted}); answered without reading the tree. */
    public boolean isUnrestricted() {
        return standing() == Standing.PLATFORM_ADMIN;
    }

    /** The caller's scope. */
    public Scope get() {
        if (scope == null) {
            scope = resolve(standing(), caller.orgId(), paths);
        }
        return scope;
    }

    /** The scope of a caller of this standing acting for {@code orgId}, against this tree. */
    public static Scope resolve(Standing standing, Optional<UUID> orgId, OrgPaths paths) {
        if (standing == Standing.PLATFORM_ADMIN) {
            return Scope.unrestricted();
        }
        return orgId.flatMap(id -> paths.pathOf(id).map(path -> Scope.within(id, path))).orElse(Scope.nothing());
    }

    /** Whether the organization lies in the caller's scope; false for null. */
    public boolean covers(UUID orgId) {
        return covers(standing(), caller.orgId(), paths, orgId);
    }

    /** {@link #covers(UUID)} in one statement of the tree: the same answer as {@code resolve(…).covers(pathOf(orgId))}. */
    static boolean covers(Standing standing, Optional<UUID> root, OrgPaths paths, UUID orgId) {
        if (orgId == null) {
            return false;
        }
        if (standing == Standing.PLATFORM_ADMIN) {
            // Not looked up: a record whose organization the tree copy has not heard of yet stays readable to an admin.
            return true;
        }
        return root.map(r -> paths.isWithin(orgId, r)).orElse(false);
    }

    /** Passes when the organization is covered; otherwise 404 {@code notFoundCode} naming {@code id}, as for a missing record. */
    public void require(UUID orgId, String notFoundCode, Object id) {
        if (!covers(orgId)) {
            throw DomainException.notFound(notFoundCode, id);
        }
    }

    /**
     * A read that loads a record and tests its scope in one statement (benchmark B1): {@code unrestricted} for a
     * platform-admin, otherwise {@code withinRoot} with the root of the caller's subtree. A caller without an
     * organization gets an id no organization has, and an {@code org_id} the tree does not hold matches nothing
     * either, so both read nothing, as their {@link Scope.Nothing} says.
     */
    public <T> T oneStatement(Supplier<T> unrestricted, Function<UUID, T> withinRoot) {
        return oneStatement(standing(), caller.orgId(), unrestricted, withinRoot);
    }

    static <T> T oneStatement(Standing standing, Optional<UUID> orgId, Supplier<T> unrestricted,
            Function<UUID, T> withinRoot) {
        if (standing == Standing.PLATFORM_ADMIN) {
            return unrestricted.get();
        }
        return withinRoot.apply(orgId.orElse(NO_ORGANIZATION));
    }

    /** {@link Scope#pathCondition} of the caller's scope. */
    public Condition pathCondition(String pathExpression) {
        return get().pathCondition(pathExpression);
    }

    /**
     * {@link Scope#orgCondition} of the caller's scope over this service's organizations ({@link OrgPaths#table()}):
     * for code shared by every service, which cannot name the table.
     */
    public Condition orgCondition(String orgIdExpression) {
        return orgCondition(orgIdExpression, paths.table());
    }

    /** {@link Scope#orgCondition} of the caller's scope. */
    public Condition orgCondition(String orgIdExpression, String orgSource) {
        return get().orgCondition(orgIdExpression, orgSource);
    }
}
