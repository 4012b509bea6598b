package org.dangjian.organization.organization;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.dangjian.platform.api.scope.OrgPaths;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The organizations; also the {@link OrgPaths} the caller's scope is resolved with (this service owns the tree). */
@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<Organization, UUID>, OrgPaths {

    public boolean codeTaken(String code) {
        return count("code", code) > 0;
    }

    /** The next generated organization code, e.g. {@code D000000123}. */
    public String nextCode() {
        Number next = (Number) getEntityManager().createNativeQuery("select nextval('organization_code_seq')").getSingleResult();
        return "D%09d".formatted(next.longValue());
    }

    public Optional<Organization> byId(UUID id) {
        return findByIdOptional(id);
    }

    @Override
    public String table() {
        return "organization";
    }

    @Override
    public Optional<String> pathOf(UUID orgId) {
        return orgId == null ? Optional.empty() : byId(orgId).map(Organization::path);
    }

    public List<Organization> activeChildren(UUID parentId) {
        return list("parentId = ?1 and status = ?2 order by path", parentId, OrganizationStatus.ACTIVE);
    }

    public long countActiveChildren(UUID parentId) {
        return count("parentId = ?1 and status = ?2", parentId, OrganizationStatus.ACTIVE);
    }

    /** Those of {@code members} whom the member.* events place in the organization, not ended. */
    public java.util.Set<UUID> activeMembersAmong(UUID organizationId, java.util.Collection<UUID> members) {
        @SuppressWarnings("unchecked")
        List<UUID> found = getEntityManager().createNativeQuery("""
                select member_id from member_roster where organization_id = ?1 and not ended and member_id in (?2)""")
                .setParameter(1, organizationId).setParameter(2, members).getResultList();
        return new java.util.HashSet<>(found);
    }

    /**
     * After a move: every descendant's path gets the node's new prefix, in one statement however
     * large the subtree. Versions go up too, so a client holding a descendant's old ETag must re-read.
     * Paths hold only hex digits, dashes and slashes, so they need no LIKE escaping.
     */
    public int rewriteDescendantPaths(UUID movedId, String oldPath, String newPath) {
        return getEntityManager().createNativeQuery("""
                update organization set path = ?1 || substring(path from ?3), version = version + 1
                where path like ?2 || '%' and id <> ?4""")
                .setParameter(1, newPath)
                .setParameter(2, oldPath)
                .setParameter(3, oldPath.length() + 1)
                .setParameter(4, movedId)
                .executeUpdate();
    }
}
