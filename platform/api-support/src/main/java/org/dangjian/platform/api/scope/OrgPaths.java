package org.dangjian.platform.api.scope;

import java.util.Optional;
import java.util.UUID;

/**
 * Where an organization sits in the tree, as the service knows it: organization-service from the tree it owns,
 * the others from their copy (platform/org-tree). A path is {@code /rootId/…/thisId/}, so a subtree is every
 * path that starts with its root's; the trailing slash keeps {@code /a/b/} from prefixing {@code /a/bc/}.
 * Each service has exactly one bean of this type; {@link CallerScope} resolves the caller's scope through it.
 */
public interface OrgPaths {

    /**
     * The table of this service's organizations ({@code id}, {@code path}) that {@link Scope#orgCondition} looks
     * an organization up in: organization-service's own {@code organization}, the others' copy {@code org_unit}.
     */
    String table();

    /** The organization's path, empty when this service does not know the id. */
    Optional<String> pathOf(UUID orgId);

    /**
     * Whether {@code orgId} is {@code rootId} or lies below it; false when either is unknown. Implementations
     * answer in one statement where they can: every scoped read of a record asks this (benchmark B1).
     */
    default boolean isWithin(UUID orgId, UUID rootId) {
        return pathOf(rootId).flatMap(root -> pathOf(orgId).map(path -> path.startsWith(root))).orElse(false);
    }
}
