package org.dangjian.organization.organization;

/** The kinds of change kept in an organization's history. */
public enum Change {
    ESTABLISHED,
    RENAMED,
    MOVED,
    DISSOLVED,
    /** 合并: this organization was dissolved into another one (the survivor). */
    MERGED_INTO,
    /** 合并: another organization was merged into this one. */
    ABSORBED,
    /** 拆分: part of this organization became new organizations. */
    SPLIT,
    /** 拆分: this organization was established from part of another. */
    SPLIT_FROM,
    /** 换届选举: a new term of the leadership team. */
    ELECTED,
    /** A member took a seat of the leadership team. */
    SEAT_TAKEN,
    /** A member left a seat of the leadership team. */
    SEAT_ENDED;

    /** The audit log's action: ORGANIZATION_RENAMED, LEADERSHIP_SEAT_TAKEN, … */
    public String auditAction() {
        return switch (this) {
            case ELECTED, SEAT_TAKEN, SEAT_ENDED -> "LEADERSHIP_" + name();
            default -> "ORGANIZATION_" + name();
        };
    }
}
