package org.dangjian.assistance.assistancecase;

import org.dangjian.platform.api.Caller;

/** Who approves (审批权限), lowest first: each level may also approve what a lower one may. */
public enum ApprovalLevel {
    BRANCH_SECRETARY(Caller.BRANCH_SECRETARY),
    ORG_ADMIN(Caller.ORG_ADMIN),
    PLATFORM_ADMIN(Caller.PLATFORM_ADMIN);

    private final String role;

    ApprovalLevel(String role) {
        this.role = role;
    }

    public String role() {
        return role;
    }

    public boolean covers(ApprovalLevel required) {
        return compareTo(required) >= 0;
    }
}
