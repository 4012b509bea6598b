package org.dangjian.platform.orgtree;

import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.api.scope.OrgPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.dangjian.platform.api.Ids;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.dangjian.platform.orgtree.TreeInPostgres.A;
import static org.dangjian.platform.orgtree.TreeInPostgres.B;
import static org.dangjian.platform.orgtree.TreeInPostgres.BC;
import static org.dangjian.platform.orgtree.TreeInPostgres.C;
import static org.dangjian.platform.orgtree.TreeInPostgres.OTHER_ROOT;
import static org.dangjian.platform.orgtree.TreeInPostgres.ROOT;
import static org.dangjian.platform.orgtree.TreeInPostgres.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * An organization named in a request, as every service resolves it ({@link Organizations#requireInScope}): the
 * caller's real {@link CallerScope} over a tree copy in PostgreSQL. Whatever the reason it is refused (another
 * subtree, an id nobody used, a caller without an organization), the answer is the same 404
 * ORGANIZATION_NOT_FOUND carrying only the id sent, so a refusal tells nothing about the organization.
 */
class OrganizationsTest {

    @RegisterExtension
    static final TreeInPostgres tree = new TreeInPostgres();

    @Test
    void anOrganizationBelowTheCallersIsTheNodeOfTheTree() {
        OrgUnit node = organizationsOf(Caller.ORG_ADMIN, A).requireInScope(C);

        assertEquals(List.of(C, B, "/r/a/b/c/"), List.of(node.id(), node.parentId(), node.path()));
    }

    @Test
    void theCallersOwnOrganizationIsInScope() {
        assertEquals(B, organizationsOf(Caller.BRANCH_SECRETARY, B).requireInScope(B).id());
    }

    @Test
    void aSiblingWhosePathExtendsTheCallersIsNotFound() {
        assertNotFound(BC, () -> organizationsOf(Caller.BRANCH_SECRETARY, B).requireInScope(BC));
    }

    @Test
    void theCallersParentIsNotFound() {
        assertNotFound(A, () -> organizationsOf(Caller.AUDITOR, B).requireInScope(A));
    }

    @Test
    void anotherTreeIsAnsweredLikeAnIdNobodyUsed() {
        Organizations organizations = organizationsOf(Caller.ORG_ADMIN, ROOT);

        assertNotFound(OTHER_ROOT, () -> organizations.requireInScope(OTHER_ROOT));
        assertNotFound(UNKNOWN, () -> organizations.requireInScope(UNKNOWN));
    }

    @Test
    void aPlatformAdminGetsAnyOrganizationOfTheTree() {
        assertEquals(OTHER_ROOT, organizationsOf(Caller.PLATFORM_ADMIN, A).requireInScope(OTHER_ROOT).id());
    }

    @Test
    void aPlatformAdminAskingForAnIdTheTreeDoesNotHoldIsNotFound() {
        assertNotFound(UNKNOWN, () -> organizationsOf(Caller.PLATFORM_ADMIN, null).requireInScope(UNKNOWN));
    }

    @Test
    void aCallerWithoutAnOrganizationGetsNone() {
        assertNotFound(ROOT, () -> organizationsOf(Caller.ORG_ADMIN, null).requireInScope(ROOT));
    }

    @Test
    void aCallerActingForAnOrganizationUnknownHereGetsNone() {
        assertNotFound(ROOT, () -> organizationsOf(Caller.ORG_ADMIN, UNKNOWN).requireInScope(ROOT));
    }

    @Test
    void aBranchCreatedAMomentAgoIsWaitedForInsteadOfRefused() throws Exception {
        UUID justCreated = Ids.next();
        CompletableFuture<Void> event = CompletableFuture.runAsync(() -> {
            sleep(300);
            tree.arrive(justCreated, B, "/r/a/b/new-" + justCreated + "/");
        });

        assertEquals(B, organizationsOf(Caller.BRANCH_SECRETARY, B).requireInScope(justCreated).parentId());
        event.get();
    }

    @Test
    void aBranchCreatedAMomentAgoThatNeverArrivesIsNotFoundAfterTheWait() {
        tree.arrivalWait = Duration.ofMillis(200);
        try {
            UUID neverArrives = Ids.next();
            assertNotFound(neverArrives, () -> organizationsOf(Caller.ORG_ADMIN, ROOT).requireInScope(neverArrives));
        } finally {
            tree.arrivalWait = Duration.ofSeconds(3);
        }
    }

    @Test
    void onlyIdsMintedInTheLastMinutesAreWaitedFor() {
        Instant now = Instant.now();
        assertTrue(OrgTree.recentlyMinted(Ids.next(), now));
        assertFalse(OrgTree.recentlyMinted(UUID.randomUUID(), now), "not time-ordered");
        assertFalse(OrgTree.recentlyMinted(Ids.next(), now.plus(Duration.ofMinutes(3))), "minted 3 minutes ago");
        assertFalse(OrgTree.recentlyMinted(Ids.next(), now.minus(Duration.ofMinutes(1))), "from the future");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The 404 every refusal is: status, code and the id sent as its only message argument. */
    private static void assertNotFound(UUID sent, Runnable request) {
        DomainException refused = assertThrows(DomainException.class, request::run);
        assertEquals(List.of(404, "ORGANIZATION_NOT_FOUND", List.of(sent)),
                List.of(refused.status(), refused.code(), List.of(refused.args())));
    }

    /** The service's bean for a caller with this role acting for {@code orgId} (none when null). */
    private static Organizations organizationsOf(String role, UUID orgId) {
        Organizations organizations = new Organizations();
        organizations.scope = callerScope(new Caller() {
            @Override
            public Set<String> roles() {
                return Set.of(role);
            }

            @Override
            public Optional<UUID> orgId() {
                return Optional.ofNullable(orgId);
            }
        });
        organizations.tree = tree;
        return organizations;
    }

    /** CallerScope as CDI injects it (its fields are its package's); the platform's only way to a caller's scope. */
    private static CallerScope callerScope(Caller caller) {
        CallerScope scope = new CallerScope();
        inject(scope, "caller", caller);
        inject(scope, "paths", (OrgPaths) tree);
        return scope;
    }

    private static void inject(Object bean, String field, Object value) {
        try {
            Field f = bean.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(bean, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(field, e);
        }
    }
}
