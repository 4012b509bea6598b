package org.dangjian.platform.orgtree;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.dangjian.platform.api.scope.OrgPaths;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Queries on the local organization tree; the {@link OrgPaths} the caller's scope is resolved with. */
@ApplicationScoped
public class OrgTree implements PanacheRepositoryBase<OrgUnit, UUID>, OrgPaths {

    /** How long ago an id may have been minted for its organization to be still on its way here. */
    static final Duration RECENTLY = Duration.ofMinutes(2);
    private static final long POLL_MILLIS = 50;

    /**
     * The longest a request waits for an organization created a moment ago to reach this copy
     * ({@code dangjian.org-tree.arrival-wait}, default 3 s, against a usual lag of well under a second).
     */
    @ConfigProperty(name = "dangjian.org-tree.arrival-wait", defaultValue = "PT3S")
    Duration arrivalWait = Duration.ofSeconds(3);

    public Optional<OrgUnit> node(UUID id) {
        return findByIdOptional(id);
    }

    /**
     * The node, waiting briefly when the id is one organization-service minted a moment ago (a time-ordered id,
     * {@code Ids}) that this copy does not hold yet: a client that creates a branch and at once registers a member
     * in it would otherwise be told the branch does not exist, which it cannot tell from a real refusal. The wait is
     * bounded; an id minted long ago, or not time-ordered, is answered at once, so unknown ids cost nothing.
     */
    public Optional<OrgUnit> nodeOrArriving(UUID id) {
        Optional<OrgUnit> node = node(id);
        if (node.isPresent() || !recentlyMinted(id, Instant.now())) {
            return node;
        }
        long deadline = System.nanoTime() + arrivalWait.toNanos();
        while (node.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return node;
            }
            node = node(id);
        }
        return node;
    }

    /** A version-7 id whose timestamp lies within {@link #RECENTLY} of {@code now} (a little ahead, for clock skew). */
    static boolean recentlyMinted(UUID id, Instant now) {
        if (id.version() != 7) {
            return false;
        }
        Instant minted = Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16);
        return minted.isAfter(now.minus(RECENTLY)) && minted.isBefore(now.plusSeconds(5));
    }

    @Override
    public String table() {
        return "org_unit";
    }

    @Override
    public Optional<String> pathOf(UUID orgId) {
        return orgId == null ? Optional.empty() : node(orgId).map(OrgUnit::path);
    }

    /**
     * Node {@code n} lies under node {@code r} (or is it): its path starts with r's. Valid both as JPQL and
     * as PostgreSQL, so every subtree test, in whichever query language, compares paths the same way.
     */
    private static final String SAME_PATH_PREFIX = "substring(n.path, 1, length(r.path)) = r.path";

    /** Whether {@code id} lies in the subtree rooted at {@code root} (itself included). */
    @Override
    public boolean isWithin(UUID id, UUID root) {
        // One round trip instead of loading both nodes: every scoped read asks this (benchmark B1).
        return getEntityManager().createQuery("select count(n) from OrgUnit n, OrgUnit r where n.id = :id and r.id = :root and "
                        + SAME_PATH_PREFIX, Long.class)
                .setParameter("id", id).setParameter("root", root)
                .getSingleResult() > 0;
    }

    /**
     * A JPQL condition that the organization {@code orgIdExpression} (e.g. {@code m.orgId}) lies in the
     * subtree of the parameter {@code :root}, so a record and its scope check load in one statement
     * ({@link org.dangjian.platform.api.scope.CallerScope#oneStatement}).
     */
    public static String withinRoot(String orgIdExpression) {
        return "exists (select 1 from OrgUnit n, OrgUnit r where n.id = " + orgIdExpression + " and r.id = :root and "
                + SAME_PATH_PREFIX + ")";
    }

    /** {@link #withinRoot} for plain SQL: the root is the next positional parameter ({@code ?}). */
    public static String withinRootSql(String orgIdColumn) {
        return "exists (select 1 from org_unit n, org_unit r where n.id = " + orgIdColumn + " and r.id = ? and "
                + SAME_PATH_PREFIX + ")";
    }
}
