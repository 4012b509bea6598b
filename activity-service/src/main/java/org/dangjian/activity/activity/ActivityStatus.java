package org.dangjian.activity.activity;

import java.util.Map;
import java.util.Set;

/** PLANNED → HELD | CANCELLED; HELD → HELD is a correction of the recording (the earlier one is kept). */
public enum ActivityStatus {
    PLANNED, HELD, CANCELLED;

    private static final Map<ActivityStatus, Set<ActivityStatus>> ALLOWED = Map.of(
            PLANNED, Set.of(HELD, CANCELLED),
            HELD, Set.of(HELD),
            CANCELLED, Set.of());

    public boolean mayBecome(ActivityStatus next) {
        return ALLOWED.get(this).contains(next);
    }
}
