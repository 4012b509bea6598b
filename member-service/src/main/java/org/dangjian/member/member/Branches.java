package org.dangjian.member.member;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.orgtree.OrgTree;
import org.dangjian.platform.orgtree.OrgUnit;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Which organizations of the local tree may hold members: active branches of the three branch types. */
@RequestScoped
public class Branches {

    /** Only branches hold members (DOMAIN.md §1); committees and groups do not. */
    public static final Set<String> BRANCH_TYPES = Set.of("BRANCH", "JOINT_BRANCH", "TEMPORARY_BRANCH");

    @Inject
    OrgTree tree;

    @Inject
    CallerScope scope;

    /*
     * The organizations this request looked up, and which of them its caller's scope covers: a bulk import checks
     * thousands of rows against a few hundred branches, and looking each row's up again (persistence context, scope
     * roles) was a tenth of the import's CPU (benchmark B4). The local tree changes only through the organization
     * events' consumers, never within a request.
     */
    private final Map<UUID, Optional<OrgUnit>> nodes = new HashMap<>();
    private final Map<UUID, Boolean> covered = new HashMap<>();

    /** The branch, when it exists in the caller's scope, is a branch type and is active; else a 422 with the reason. */
    public OrgUnit requireInScope(UUID orgId) {
        return requireInScope(orgId, "MEMBER_BRANCH_NOT_FOUND");
    }

    /** {@link #requireInScope(UUID)} with the code of the operation for an unknown or out-of-scope branch. */
    public OrgUnit requireInScope(UUID orgId, String notFoundCode) {
        OrgUnit unit = node(orgId).filter(u -> covered.computeIfAbsent(u.id(), scope::covers))
                .orElseThrow(() -> DomainException.unprocessable(notFoundCode, orgId));
        return requireUsable(unit);
    }

    /**
     * The branch anywhere in the platform (e.g. a transfer's receiving branch, outside the caller's scope). Outside
     * the scope all that shows is whether it is an active branch: one that is not (a committee, a dissolved branch)
     * answers like an unknown id, with none of its name, type or state.
     */
    public OrgUnit requireAnywhere(UUID orgId, String notFoundCode) {
        OrgUnit unit = node(orgId).orElseThrow(() -> DomainException.unprocessable(notFoundCode, orgId));
        if (!covered.computeIfAbsent(unit.id(), scope::covers) && !usable(unit)) {
            throw DomainException.unprocessable(notFoundCode, orgId);
        }
        return requireUsable(unit);
    }

    private static boolean usable(OrgUnit unit) {
        return BRANCH_TYPES.contains(unit.type()) && "ACTIVE".equals(unit.status());
    }

    private static OrgUnit requireUsable(OrgUnit unit) {
        if (!BRANCH_TYPES.contains(unit.type())) {
            throw DomainException.unprocessable("MEMBER_BRANCH_NOT_A_BRANCH", unit.name(), unit.type());
        }
        if (!"ACTIVE".equals(unit.status())) {
            throw DomainException.unprocessable("MEMBER_BRANCH_NOT_ACTIVE", unit.name());
        }
        return unit;
    }

    /** A party group (党小组) must be an active GROUP directly under the member's branch. */
    public void requireGroupOf(UUID groupId, UUID branchId) {
        if (groupId == null) {
            return;
        }
        boolean ok = node(groupId).filter(g -> "GROUP".equals(g.type()) && branchId.equals(g.parentId())
                && "ACTIVE".equals(g.status())).isPresent();
        if (!ok) {
            throw DomainException.unprocessable("MEMBER_GROUP_NOT_IN_BRANCH", groupId);
        }
    }

    private Optional<OrgUnit> node(UUID id) {
        return nodes.computeIfAbsent(id, tree::nodeOrArriving);
    }
}
