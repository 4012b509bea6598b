package org.dangjian.organization.organization;

import java.util.Set;

/** The kinds of Party organization (DOMAIN.md §1) and which kind each may sit under. */
public enum OrganizationType {
    COMMITTEE,
    WORKING_COMMITTEE,
    GENERAL_BRANCH,
    BRANCH,
    JOINT_BRANCH,
    TEMPORARY_BRANCH,
    GROUP;

    /** Whether an organization of this type may be a root of the tree (no parent). */
    public boolean mayBeRoot() {
        return this == COMMITTEE || this == WORKING_COMMITTEE;
    }

    public boolean mayBeChildOf(OrganizationType parent) {
        return allowedParents().contains(parent);
    }

    private Set<OrganizationType> allowedParents() {
        return switch (this) {
            case COMMITTEE, WORKING_COMMITTEE, GENERAL_BRANCH -> Set.of(COMMITTEE, WORKING_COMMITTEE);
            case BRANCH, JOINT_BRANCH, TEMPORARY_BRANCH -> Set.of(COMMITTEE, WORKING_COMMITTEE, GENERAL_BRANCH);
            case GROUP -> Set.of(BRANCH, JOINT_BRANCH, TEMPORARY_BRANCH);
        };
    }
}
